#!/usr/bin/env node
// Makes an N-post archive for the build benchmark from the real fixture posts
// (../shared/fixtures/posts/**): each fixture is read with samizdat's own reader and cloned,
// cycling through them, with a new date (spread over ten years), a unique title (a counter
// appended) and its own source kept, then written with samizdat's own formatter: the files
// are byte for byte what `samizdat fetch` writes. Deterministic: the same N gives the same
// archive. Cached under $TMPDIR/samizdat-bench-build/posts-N/archive/ (a marker file says it is
// complete), so a rerun reuses it.
//
//   node bench/build/make-archive.mjs --posts 10000 [--out DIR] [--force]
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../lib/random.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURE_POSTS = fileURLToPath(new URL('../../../shared/fixtures/posts/', import.meta.url));
/** Bump when the generated archives change, so stale caches are rebuilt. */
const VERSION = 2;
const MARKER = '.bench-archive.json';
const DAY = 86_400_000;
/** Ten years of posts, ending on a fixed day so the archive is reproducible. */
export const SPAN = { from: Date.UTC(2015, 0, 1), to: Date.UTC(2025, 0, 1) };

let libRoot = ROOT;
/** Read and write posts with the samizdat built in `dir` (the bench's snapshot of dist/). */
export function useSamizdatAt(dir) {
  libRoot = dir;
}

export function cacheRoot() {
  return join(tmpdir(), 'samizdat-bench-build');
}

/** Loads samizdat's reader/formatter from dist/ (the bench runs `npm run build` first). */
async function samizdatPosts() {
  const need = ['format-post.js', 'read-post.js', 'file-name.js'].map((f) => join(libRoot, 'dist/archive/posts', f));
  for (const f of need) if (!existsSync(f)) fail(`${f} is missing: run \`npm run build\` first`);
  const [fmt, rd, fn] = await Promise.all(need.map((f) => import(pathToFileURL(f).href)));
  return { formatPost: fmt.formatPost, readPost: rd.readPost, postBaseName: fn.postBaseName, withCollisionSuffix: fn.withCollisionSuffix };
}

/** Every fixture post that has a title, a source and content, in a stable order. */
export function readFixtures(readPost) {
  if (!existsSync(FIXTURE_POSTS)) fail(`fixture posts not found at ${FIXTURE_POSTS}: the build bench needs ../shared/fixtures/posts (absent on a fresh clone)`);
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|markdown|html)$/i.test(e.name) && /\/(_posts|archived)\//.test(p)) files.push(p);
    }
  };
  walk(FIXTURE_POSTS);
  const posts = [];
  for (const f of files) {
    const { post } = readPost(readFileSync(f, 'utf8'), basename(f));
    if (post.title.trim() && post.site && post.content.trim()) posts.push(post);
  }
  if (!posts.length) fail(`no usable posts under ${FIXTURE_POSTS}`);
  return posts;
}

/** `标题（2）` for a Chinese title, `Title (2)` otherwise: how a series or a repost reads. */
export function numberedTitle(title, n) {
  if (n <= 1) return title;
  return /\p{Script=Han}/u.test(title) ? `${title}（${n}）` : `${title} (${n})`;
}

/**
 * The i-th clone (0-based) of `fixtures`: cycles through them, keeps source, author, content
 * and categories; new date, numbered title, and a link made unique with a fragment.
 */
export function makeClone(fixtures, i, date, titleCount) {
  const f = fixtures[i % fixtures.length];
  const round = Math.floor(i / fixtures.length);
  const n = (titleCount.get(f.title) ?? 0) + 1;
  titleCount.set(f.title, n);
  const link = round === 0 || !f.link ? f.link : `${f.link}${f.link.includes('#') ? '-' : '#'}r${round}`;
  const { guid, ...rest } = f;
  return { ...rest, title: numberedTitle(f.title, n), date, link, ...(guid ? { guid: round ? `${guid}#r${round}` : guid } : {}) };
}

/** Writes `count` posts into `dir/_posts/` (creating it). Returns the file names written. */
export function writePosts(lib, dir, posts, used = new Set()) {
  mkdirSync(join(dir, '_posts'), { recursive: true });
  const names = [];
  for (const p of posts) {
    const base = lib.postBaseName(p.date, p.title);
    let k = 1;
    while (used.has(lib.withCollisionSuffix(base, k))) k++;
    const name = lib.withCollisionSuffix(base, k);
    used.add(name);
    writeFileSync(join(dir, '_posts', name), lib.formatPost(p));
    names.push(name);
  }
  return names;
}

/**
 * The archive of `n` posts, from the cache when complete, else generated. Returns its folder
 * (`…/posts-N/archive`) and facts about it.
 */
export async function ensureArchive(n, o = {}) {
  const dir = o.dir ?? join(cacheRoot(), `posts-${n}`, 'archive');
  const marker = join(dir, MARKER);
  if (!o.force && existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8'));
    // A run killed during its incremental build may have left new posts behind: count them.
    const files = readdirSync(join(dir, '_posts')).filter((f) => f.endsWith('.md')).length;
    if (m.version === VERSION && m.posts === n && files === n) return { dir, cached: true, ...m };
  }
  const lib = await samizdatPosts();
  const started = Date.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fixtures = readFixtures(lib.readPost);
  // Seeded: the same N always gives the same dates.
  const rand = mulberry32(n);
  const titleCount = new Map();
  const posts = [];
  const used = new Set();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    // Minute precision, like feed dates; uniform over the span.
    const date = SPAN.from + Math.floor((rand() * (SPAN.to - SPAN.from)) / 60_000) * 60_000;
    posts.push(makeClone(fixtures, i, date, titleCount));
    if (posts.length === 1000 || i === n - 1) {
      for (const name of writePosts(lib, dir, posts, used)) bytes += statSize(join(dir, '_posts', name));
      posts.length = 0;
      o.onProgress?.(i + 1);
    }
  }
  writeFileSync(join(dir, '_config.yml'), `title: "samizdat bench, ${n} posts"\ndescription: "Generated by bench/build/make-archive.mjs from the fixture posts"\npermalink: /:year-:month-:day/:title/\npaginate: 50\n`);
  const sources = new Set(fixtures.map((f) => f.site)).size;
  const facts = { version: VERSION, posts: n, fixtures: fixtures.length, sources, bytes, span: [new Date(SPAN.from).toISOString().slice(0, 10), new Date(SPAN.to - DAY).toISOString().slice(0, 10)], createdAt: new Date().toISOString(), genMs: Date.now() - started };
  writeFileSync(marker, `${JSON.stringify(facts, null, 2)}\n`);
  return { dir, cached: false, ...facts };
}

/** `count` new posts dated after the archive's span (as new arrivals are), for the incremental build. */
export async function newPosts(count, seed = 1) {
  const lib = await samizdatPosts();
  const fixtures = readFixtures(lib.readPost);
  const titleCount = new Map();
  const posts = [];
  for (let i = 0; i < count; i++) {
    const f = fixtures[(i * 97 + seed) % fixtures.length];
    posts.push({ ...makeClone([f], 0, SPAN.to + i * 3_600_000, titleCount), title: `${f.title}（新${seed}-${i + 1}）` });
  }
  return { lib, posts };
}

function statSize(p) {
  return statSync(p).size;
}

function fail(msg) {
  console.error(`make-archive: ${msg}`);
  process.exit(2);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { posts: { type: 'string', default: '10000' }, out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log('Usage: node bench/build/make-archive.mjs --posts N[,N…] [--out DIR] [--force]\n  Writes (or reuses) $TMPDIR/samizdat-bench-build/posts-N/archive (or DIR with one N).');
    process.exit(0);
  }
  const sizes = values.posts.split(',').map((s) => Number(s.trim()));
  if (sizes.some((s) => !Number.isInteger(s) || s < 1)) fail('--posts takes whole numbers, e.g. --posts 10000,100000');
  if (values.out && sizes.length > 1) fail('--out takes one --posts N');
  for (const n of sizes) {
    const a = await ensureArchive(n, { dir: values.out, force: values.force, onProgress: (k) => process.stderr.write(`\r${k}/${n} posts`) });
    if (!a.cached) process.stderr.write('\n');
    console.log(`${a.dir}: ${a.posts} posts (${a.cached ? 'cached' : `generated in ${(a.genMs / 1000).toFixed(1)} s`}), ${(a.bytes / 1e6).toFixed(0)} MB, ${a.sources} sources, from ${a.fixtures} fixture posts, dated ${a.span[0]}…${a.span[1]}`);
  }
}
