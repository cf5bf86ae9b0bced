#!/usr/bin/env node
// Search benchmark: the static search index (src/site/search/) over the fixture posts and over
// a large archive cloned from them (default 100,000 posts), built by the indexer itself.
//
// Each archive is indexed in a child process (wall time, CPU time, peak RSS of that process;
// the contents' plain text is extracted once per fixture post beforehand, as a build takes it
// (the text of the content its page shows: sanitized, then presentedText), so the figures are
// the indexer's own — the text extraction a real build also pays is timed separately, or
// included with --extract, which extracts it again for every cloned post). Then
// ~200 queries of 2–6 Han characters, cut at random (seeded) from the fixture posts' raw text,
// are run through the same runtime the browser uses, reading the index files from disk:
//   - bytes downloaded for the first page of results (manifest, passage map, shards, and the
//     passages shown or checked),
//   - recall and precision of ALL results (every page), against a brute-force `includes` on
//     the raw text of every post (no folding, independent of the index).
// Run after `npm run build`:  node bench/search.mjs [--posts 100000] [--queries 200] [--seed 7] [--extract] [--keep]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listPostFiles } from '../dist/archive/posts/list-posts.js';
import { readPost } from '../dist/archive/posts/read-post.js';
import { displayDateTime } from '../dist/site/display-date.js';
import { displayText } from '../dist/site/display-text.js';
import { isWebLink } from '../dist/site/post-content.js';
import { presentContent } from '../dist/site/present-content.js';
import { presentedText } from '../dist/site/presented-text.js';
import { buildSearchIndex } from '../dist/site/search/build-search-index.js';
import { openSearch } from '../dist/site/search/searcher.js';
import { sampleHanQueries } from './lib/random.mjs';

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/posts/', import.meta.url));
const { values: opt } = parseArgs({
  options: {
    posts: { type: 'string', default: '100000' }, queries: { type: 'string', default: '200' }, seed: { type: 'string', default: '7' },
    keep: { type: 'boolean' }, extract: { type: 'boolean' }, child: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  },
});
if (opt.help) {
  console.log(`Usage: node bench/search.mjs [options]   (npm run bench:search builds first)

  --posts N      size of the large archive (default 100000); the fixture posts are always measured too
  --queries N    queries of 2–6 Han characters (default 200)
  --seed N       seed of the query sample (default 7)
  --extract      extract each cloned post's text again, as a build does (default: once per fixture post)
  --keep         keep the index folders (their path is printed)
  -h, --help`);
  process.exit(0);
}
if (!existsSync(FIXTURES)) {
  console.log(`bench:search: skipped, ${FIXTURES} not found`);
  process.exit(0);
}

/** The fixture posts, oldest first: title, source, date, the content (HTML) and its plain text. */
function loadFixtures() {
  const posts = [];
  let textMs = 0;
  for (const mirror of readdirSync(FIXTURES).filter((d) => statSync(join(FIXTURES, d)).isDirectory()).sort()) {
    for (const f of listPostFiles(join(FIXTURES, mirror))) {
      const { post } = readPost(readFileSync(join(FIXTURES, mirror, f.path), 'utf8'), basename(f.path));
      const t0 = performance.now();
      const base = isWebLink(post.link) ? post.link : 'https://invalid.invalid/';
      const body = pageText(post.content, base);
      textMs += performance.now() - t0;
      posts.push({ title: displayText(post.title), source: displayText(post.site), date: post.date, html: post.content, base, body });
    }
  }
  posts.sort((a, b) => a.date - b.date);
  return { posts, textMs };
}

const START = Date.UTC(2012, 0, 1);
const SPAN = 12 * 365 * 86_400_000;
/** Post n of an archive of `total`: the fixture post n mod F, under a numbered title and its own date. */
function clonePost(fixtures, n, total) {
  if (total === fixtures.length) return fixtures[n];
  const f = fixtures[n % fixtures.length];
  return { title: `${f.title}（${Math.floor(n / fixtures.length) + 1}）`, source: f.source, date: START + Math.floor((n / total) * SPAN), html: f.html, base: f.base, body: f.body };
}

/** A post's searched text as the site's build takes it: the text of the content its page shows. */
function pageText(html, base) {
  return presentedText(presentContent(html, base));
}

/** The posts as the site's search generator gives them; `extract`: each content's text extracted again, as a build does. */
async function* records(fixtures, total, extract) {
  for (let n = 0; n < total; n++) {
    const p = clonePost(fixtures, n, total);
    const day = new Date(p.date).toISOString().slice(0, 10);
    const body = extract ? pageText(p.html, p.base) : p.body;
    yield { href: `../${day}/${encodeURIComponent(p.title)}/index.html`, date: displayDateTime(p.date, 'Asia/Shanghai'), source: p.source, title: p.title, body };
  }
}

// ---- child: build one index, report time and memory ----
if (opt.child) {
  const { posts } = loadFixtures();
  const total = Number(opt.child);
  const out = opt.out;
  const { mkdir, writeFile } = await import('node:fs/promises');
  const made = new Set();
  const write = async (rel, data) => {
    const file = join(out, rel);
    const dir = file.slice(0, file.lastIndexOf('/'));
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await writeFile(file, data);
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const stats = await buildSearchIndex(records(posts, total, opt.extract), write);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, stats }));
  process.exit(0);
}

// ---- parent ----
const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { max: s[s.length - 1], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))], mean: s.reduce((a, b) => a + b, 0) / s.length };
};
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

function dirSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

async function measure(label, fixtures, total, queries) {
  const out = mkdtempSync(join(tmpdir(), 'samizdat-bench-search-'));
  try {
    const args = [fileURLToPath(import.meta.url), '--child', String(total), '--out', out, ...(opt.extract ? ['--extract'] : [])];
    const build = JSON.parse(execFileSync(process.execPath, args, { maxBuffer: 1 << 20 }).toString());
    const shards = dirSize(join(out, 'shards'));
    const texts = dirSize(join(out, 'texts'));
    // The expected answer of each query, by brute force over the raw text of every post.
    const posts = Array.from({ length: total }, (_, n) => clonePost(fixtures, n, total));
    let bytes = 0;
    const load = async (rel) => {
      const data = await readFile(join(out, rel));
      bytes += data.length;
      return new Uint8Array(data.buffer, data.byteOffset, data.length);
    };
    const firstPage = [];
    const heaviest = [];
    const firstPageMs = [];
    let expected = 0;
    let foundTrue = 0;
    let returned = 0;
    let candidates = 0;
    const misses = [];
    for (const q of queries) {
      bytes = 0;
      const t0 = performance.now();
      const index = await openSearch(load); // a fresh page: nothing cached
      const results = await index.search(q);
      let page = await results.page(0, 20);
      firstPage.push(bytes);
      heaviest.push([bytes, q]);
      firstPageMs.push(performance.now() - t0);
      candidates += results.candidates;
      const want = new Set();
      posts.forEach((p, n) => {
        if (`${p.title}\n${p.body}`.includes(q)) want.add(n);
      });
      const got = new Set();
      for (let i = 0; ; ) {
        for (const h of page.hits) {
          if (got.has(h.id)) continue; // a page cut short by its budget of checks is asked again
          got.add(h.id);
          returned++;
          const p = posts[h.id];
          if (`${p.title}\n${p.body}`.includes(q)) foundTrue++;
        }
        if (!page.more) break;
        if (page.hits.length === 20) i++;
        page = await results.page(i, 20);
      }
      expected += want.size;
      for (const n of want) if (!got.has(n)) misses.push(`${q} #${n}`);
    }
    const b = stat(firstPage);
    const t = stat(firstPageMs);
    const line = {
      archive: label, posts: total,
      'index build': `${(build.ms / 1000).toFixed(1)} s wall, ${(build.cpuMs / 1000).toFixed(1)} CPU-s, peak RSS ${build.maxRssMB.toFixed(0)} MB`,
      shards: `${build.stats.shards} files, ${mb(shards.bytes)} (largest ${kb(build.stats.largestShard)}), ${build.stats.keys} keys, ${build.stats.postings} postings`,
      'text files': `${texts.files} files (${build.stats.passages} passages), ${mb(texts.bytes)}`,
      queries: queries.length,
      recall: `${(((expected - misses.length) / expected) * 100).toFixed(2)}% (${expected - misses.length}/${expected})`,
      precision: `${((foundTrue / returned) * 100).toFixed(2)}% (${foundTrue}/${returned})`,
      'candidates per true result': (candidates / expected).toFixed(3),
      'first page download': `max ${kb(b.max)}, p95 ${kb(b.p95)}, mean ${kb(b.mean)}`,
      'first page time (disk, Node)': `max ${t.max.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms, mean ${t.mean.toFixed(1)} ms`,
    };
    line['heaviest queries'] = heaviest.sort((x, y) => y[0] - x[0]).slice(0, 5).map(([n, q]) => `${q} ${kb(n)}`).join(', ');
    if (misses.length) line.missed = misses.slice(0, 10).join(', ');
    return line;
  } finally {
    if (opt.keep) console.log(`kept ${out}`);
    else rmSync(out, { recursive: true, force: true });
  }
}

const { posts: fixtures, textMs } = loadFixtures();
const queries = sampleHanQueries(fixtures.map((p) => `${p.title}\n${p.body}`), Number(opt.queries), Number(opt.seed));
console.log(`fixture posts: ${fixtures.length}; plain-text extraction (sanitize + presentedText, not in the figures below): ${(textMs / fixtures.length).toFixed(2)} ms/post`);
console.log(`queries: ${queries.length} of 2–6 Han characters, e.g. ${queries.slice(0, 8).join(' ')}`);
for (const [label, total] of [['fixture', fixtures.length], [`${Number(opt.posts) / 1000}k`, Number(opt.posts)]]) {
  const r = await measure(label, fixtures, total, queries);
  console.log(`\n## ${label}`);
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(30)} ${v}`);
}
