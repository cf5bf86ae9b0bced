// Charset detection accuracy of src/fetch decodeBody on real legacy-encoded feeds, with
// their declarations removed (so the guess alone decides), against the charset each file is
// known to be in:
//   - feeds/chardet-legacy-encodings/<CHARSET>/*.xml (chardet's test captures; folder = truth)
//   - every other feed of feeds/INDEX.json declared in a legacy (non-UTF) charset whose
//     bytes are not valid UTF-8 (ASCII or UTF-8 under a stale label is not legacy text)
//   - feedparser-suite/illformed/chardet/*.xml (no declaration; `Expect: encoding == …`)
//   - the Chinese fixture posts (posts/INDEX.json), title alone and the first 1,000
//     characters of the body, each re-encoded in GB18030 and, when it fits, in Big5
//     (a check that widening the guess did not cost the Chinese feeds samizdat is for)
//   - the UTF-8 feeds of feeds/INDEX.json whose text fits in windows-1252 (Western feeds
//     with accents and curly quotes), re-encoded: they must not be taken for Cyrillic & co.
// Run after `npm run build`:  node bench/feed-lib/charset-accuracy.mjs [--list]
// (bench/conformance.mjs prints the summary lines too.)
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { ungzip } from './decode-bytes.mjs';

/** Canonical family of a charset name, so label variants of one table compare equal. */
export function charsetFamily(name) {
  const n = String(name).toLowerCase().replace(/[^a-z0-9]/g, '');
  if (['gb2312', 'gbk', 'gb18030', 'euccn', 'cp936'].includes(n)) return 'gb';
  if (n.startsWith('big5') || n === 'cp950') return 'big5';
  if (['shiftjis', 'sjis', 'cp932', 'windows31j'].includes(n)) return 'shift_jis';
  if (['euckr', 'cp949', 'uhc', 'ksc56011987'].includes(n)) return 'euc-kr';
  if (['tis620', 'windows874', 'iso885911'].includes(n)) return 'tis-620';
  if (['usascii', 'ascii', 'iso88591', 'latin1', 'windows1252', 'cp1252'].includes(n)) return 'windows-1252';
  return n;
}

/** The bytes with the XML prolog's encoding pseudo-attribute removed. */
function undeclared(bytes) {
  const text = bytes.toString('latin1');
  return Buffer.from(text.replace(/^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*(["'])[^"']*\2/, '$1'), 'latin1');
}

function files(fixtures) {
  const out = [];
  const legacy = `${fixtures}feeds/chardet-legacy-encodings/`;
  for (const dir of readdirSync(legacy)) {
    for (const name of readdirSync(legacy + dir)) {
      out.push({ set: 'chardet-legacy-encodings', file: `${dir}/${name}`, path: `${legacy}${dir}/${name}`, truth: dir });
    }
  }
  const index = JSON.parse(readFileSync(`${fixtures}feeds/INDEX.json`, 'utf8'));
  for (const entry of index) {
    const declared = entry.encoding?.declared;
    if (entry.file.startsWith('chardet-legacy-encodings/') || entry.encoding?.bom) continue;
    if (!declared || declared === 'invalid' || /^utf/i.test(declared)) continue;
    if (isUtf8(ungzip(readFileSync(`${fixtures}feeds/${entry.file}`)))) continue;
    out.push({ set: 'feeds (other legacy)', file: entry.file, path: `${fixtures}feeds/${entry.file}`, truth: declared });
  }
  const chardet = `${fixtures}feedparser-suite/illformed/chardet/`;
  for (const name of readdirSync(chardet)) {
    const head = readFileSync(chardet + name, 'latin1');
    const truth = /encoding == '([^']+)'/.exec(head)?.[1];
    if (truth) out.push({ set: 'feedparser illformed/chardet', file: name, path: chardet + name, truth });
  }
  return out;
}

/** UTF-8 fixture feeds that fit in windows-1252, re-encoded, as { set, file, bytes, truth }. */
function reencodedWestern(fixtures) {
  const out = [];
  const index = JSON.parse(readFileSync(`${fixtures}feeds/INDEX.json`, 'utf8'));
  for (const entry of index) {
    const raw = ungzip(readFileSync(`${fixtures}feeds/${entry.file}`));
    if (!isUtf8(raw) || raw.every((b) => b < 0x80) || (raw[0] === 0xef && raw[1] === 0xbb)) continue;
    const text = raw.toString('utf8');
    const bytes = iconv.encode(text, 'windows-1252');
    if (iconv.decode(bytes, 'windows-1252') !== text) continue;
    out.push({ set: 're-encoded Western feeds', file: entry.file, bytes: undeclared(bytes), truth: 'windows-1252' });
  }
  return out;
}

/** The fixture posts' titles and body starts, re-encoded, as { set, file, bytes, truth }. */
function reencodedPosts(fixtures) {
  const out = [];
  const posts = JSON.parse(readFileSync(`${fixtures}posts/INDEX.json`, 'utf8'));
  for (const post of posts) {
    const path = `${fixtures}posts/${post.repo}/${post.path}`;
    if (!existsSync(path)) continue; // names holding a newline are stored percent-escaped
    const text = readFileSync(path, 'utf8');
    const body = text.replace(/^---[\s\S]*?\n---\n/, '').slice(0, 1000);
    for (const [part, value] of [['title', post.title], ['body', body]]) {
      if (!/[\u4e00-\u9fff]/.test(value)) continue;
      for (const charset of ['gb18030', 'big5']) {
        const bytes = iconv.encode(`<rss><channel><item><title>${value}</title></item></channel></rss>`, charset);
        if (charset === 'big5' && !iconv.decode(bytes, charset).includes(value)) continue;
        out.push({ set: `re-encoded posts, ${part}`, file: `${post.repo}/${post.path} (${charset})`, bytes, truth: charset });
      }
    }
  }
  return out;
}

/** Per set: { set, right, total, wrong: [{ file, truth, got }] }. */
export function measureCharsetAccuracy(fixtures, decodeBody) {
  const sets = new Map();
  for (const f of [...files(fixtures), ...reencodedPosts(fixtures), ...reencodedWestern(fixtures)]) {
    const { charset } = decodeBody(f.bytes ?? undeclared(ungzip(readFileSync(f.path))));
    let s = sets.get(f.set);
    if (!s) sets.set(f.set, (s = { set: f.set, right: 0, total: 0, wrong: [] }));
    s.total++;
    if (charsetFamily(charset) === charsetFamily(f.truth)) s.right++;
    else s.wrong.push({ file: f.file, truth: f.truth, got: charset });
  }
  return [...sets.values()];
}

export function printCharsetAccuracy(fixtures, decodeBody, list) {
  console.log('charset detection, declarations removed (src/fetch decodeBody):');
  for (const s of measureCharsetAccuracy(fixtures, decodeBody)) {
    console.log(`  ${s.set}: ${s.right}/${s.total} (${((100 * s.right) / s.total).toFixed(1)}%)`);
    for (const w of list ? s.wrong : []) console.log(`    ${w.file}: ${w.truth}, guessed ${w.got}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fixtures = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
  const { decodeBody } = await import('../../dist/fetch/decode.js');
  printCharsetAccuracy(fixtures, decodeBody, process.argv.includes('--list'));
}
