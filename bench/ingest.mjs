#!/usr/bin/env node
// Ingest benchmark: samizdat `fetch` against the legacy mirror script, end to end, on the
// same loopback feeds. See bench/ingest/*.mjs for the parts and `--help` for the options.
//
// Setup: a child process (bench/ingest/feed-server.mjs) serves N RSS 2.0 feeds × M items of
// real article text on loopback hosts 127.0.0.1…127.0.0.H (20 feeds per host by default, as
// samizdat fetches at most 2 at once per host). A child, so the server's CPU is not counted in
// either competitor's process; both face the same server, which is warmed up before timing.
// Each competitor runs as its own child process (wall time from spawn to exit, peak RSS from
// getrusage via bench/ingest/report-rss.cjs), into an empty directory, then a second time
// with nothing changed upstream.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { summarizeProfile } from './lib/cpu-profile.mjs';
import { runChild } from './ingest/run-child.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HELP = `Usage: node bench/ingest.mjs [options]   (npm run bench:ingest builds first)

  --feeds N            feeds to serve (default 1000)
  --items M            items per feed (default 20)
  --per-host K         feeds per loopback host (default 20)
  --dup-titles R       share of items that reuse another feed's title and date, like a wire
                       story carried by two sources (default 0.005; 0 to disable)
  --gzip               serve gzip to clients that ask for it (default: identity only)
  --legacy-allurls M   rewrite (default, as the legacy script did) or append
  --concurrency N      passed to samizdat fetch (default: samizdat's own)
  --cpu-prof           afterwards, profile one more cold samizdat run and print where time goes
  --keep               keep the temporary mirrors (their path is printed)
  -h, --help`;

const { values: opt } = parseOptions({
    feeds: { type: 'string', default: '1000' }, items: { type: 'string', default: '20' }, 'per-host': { type: 'string', default: '20' },
    'dup-titles': { type: 'string', default: '0.005' }, gzip: { type: 'boolean' }, 'legacy-allurls': { type: 'string', default: 'rewrite' },
    concurrency: { type: 'string' }, 'cpu-prof': { type: 'boolean' }, keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
});
if (opt.help) {
  console.log(HELP);
  process.exit(0);
}
const feedsN = positiveInt('feeds', opt.feeds);
const itemsM = positiveInt('items', opt.items);
const perHost = positiveInt('per-host', opt['per-host']);
const dupTitles = Number(opt['dup-titles']);
if (!(dupTitles >= 0 && dupTitles <= 1)) usage('--dup-titles must be between 0 and 1');
if (!['rewrite', 'append'].includes(opt['legacy-allurls'])) usage('--legacy-allurls must be rewrite or append');
if (!existsSync(join(ROOT, 'dist/cli/main.js'))) usage('dist/ is missing: run `npm run build` first (or `npm run bench:ingest`)');

const tmp = mkdtempSync(join(tmpdir(), 'samizdat-bench-ingest-'));
const server = fork(fileURLToPath(new URL('./ingest/feed-server.mjs', import.meta.url)), [JSON.stringify({ feeds: feedsN, items: itemsM, perHost, dupTitles, gzip: opt.gzip ?? false })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
let exitCode = 0;
try {
  const ready = await message(server, 'ready', 120_000);
  const total = ready.items;
  console.log(`ingest: ${feedsN} feeds × ${itemsM} items = ${total} items, ${(ready.bytes / 1e6).toFixed(1)} MB of RSS, on ${ready.hosts} loopback hosts (${perHost} feeds each); ${ready.dupTitles} items reuse another feed's title and date`);
  console.log(`server: child process, ${opt.gzip ? 'gzip on request' : 'no compression'}, ETag + Last-Modified, 304 on match; competitors run one at a time, each in its own process`);
  await warmUp(ready.feeds);
  await stats(server);

  const subs = JSON.stringify(ready.feeds.map((f) => ({ site: f.site, url: f.url })), null, 2);
  const oursDir = join(tmp, 'samizdat');
  const legacyDir = join(tmp, 'legacy');
  for (const d of [oursDir, legacyDir]) {
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'subs.json'), subs);
  }
  const ours = () => runSamizdat(oursDir);
  const legacy = () => runLegacy(legacyDir);

  const rows = {};
  for (const phase of ['cold', 'no-change']) {
    process.stdout.write(`running ${phase}: samizdat… `);
    const s = { ...(await ours()), server: await stats(server), posts: countPosts(oursDir) };
    process.stdout.write(`${(s.ms / 1000).toFixed(2)} s; legacy… `);
    const l = { ...(await legacy()), server: await stats(server), posts: countPosts(legacyDir) };
    console.log(`${(l.ms / 1000).toFixed(2)} s`);
    rows[phase] = { s, l };
  }
  exitCode = report(rows, total) ? 0 : 1;
  if (opt['cpu-prof']) await profile(ready.feeds, subs);
} catch (err) {
  console.error(`bench:ingest failed: ${err?.stack ?? err}`);
  exitCode = 1;
} finally {
  if (server.connected) server.send({ type: 'close' });
  await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
  if (opt.keep) console.log(`kept: ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
process.exitCode = exitCode;

async function runSamizdat(dir, nodeFlags = []) {
  const r = await runChild({
    args: [join(ROOT, 'bin/samizdat.js'), 'fetch', '--archive', dir, '--json', ...(opt.concurrency ? ['--concurrency', opt.concurrency] : [])],
    cwd: ROOT, keepStdout: true, nodeFlags,
  });
  let json;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    throw new Error(`samizdat fetch printed no JSON report (exit ${r.code}${r.signal ? `, ${r.signal}` : ''}): ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  }
  return { ...r, written: json.totals.posts, totals: json.totals, feeds: json.feeds };
}

async function runLegacy(dir) {
  let written = 0;
  let otherLines = 0;
  const r = await runChild({
    args: [fileURLToPath(new URL('./ingest/legacy-perform.cjs', import.meta.url))],
    cwd: dir, env: { LEGACY_ALLURLS: opt['legacy-allurls'] },
    onStdoutLine: (line) => (line.startsWith('add ./_posts/') ? written++ : line && otherLines++),
  });
  if (r.code !== 0) throw new Error(`legacy script exited ${r.code}: ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  const failed = Number(/legacy: \d+ posts written, (\d+) feeds failed/.exec(r.stderr)?.[1] ?? NaN);
  return { ...r, written, failed, otherLines };
}

/** Prints the table; returns false when a correctness check failed (targets only print). */
function report(rows, total) {
  const mb = (x) => x.toFixed(0);
  const line = (label, who, r, note) =>
    console.log(`${label.padEnd(10)} ${who.padEnd(9)} ${(r.ms / 1000).toFixed(2).padStart(7)} ${(r.cpuMs / 1000).toFixed(2).padStart(7)} ${Math.round(total / (r.ms / 1000)).toString().padStart(9)} ${mb(r.maxRssMb).padStart(12)} ${String(r.written).padStart(8)}   ${note}`);
  const served = (r) => `server: ${r.server.ok}×200${opt.gzip ? ` (${r.server.gzip} gzip)` : ''}, ${r.server.notModified}×304${r.server.other ? `, ${r.server.other} other` : ''}`;
  console.log(`\n${'run'.padEnd(10)} ${''.padEnd(9)} ${'wall s'.padStart(7)} ${'CPU s'.padStart(7)} ${'items/s'.padStart(9)} ${'peak RSS MB'.padStart(12)} ${'written'.padStart(8)}`);
  const checks = [];
  for (const [phase, { s, l }] of Object.entries(rows)) {
    line(phase, 'samizdat', s, `${served(s)}; feeds failed: ${s.totals.failed}; exit ${s.code}`);
    line('', 'legacy', l, `${served(l)}; feeds failed: ${l.failed}${l.otherLines ? `; ${l.otherLines} other log lines` : ''}`);
    const ratio = l.ms / s.ms;
    console.log(`${''.padEnd(10)} → samizdat is ${ratio.toFixed(2)}× ${ratio >= 1 ? 'faster' : 'as fast'} (legacy ${(l.ms / 1000).toFixed(2)} s / samizdat ${(s.ms / 1000).toFixed(2)} s), peak RSS ${(s.maxRssMb / l.maxRssMb).toFixed(2)}× legacy's`);
    if (phase === 'cold') {
      checks.push([`samizdat wrote ${s.posts} post files (report: ${s.written}); expected ${total}`, s.posts === total && s.written === total && s.totals.failed === 0]);
      checks.push([`legacy wrote ${l.posts} post files (log: ${l.written}); ${total - l.posts} of ${total} articles lost (same date and title → same file name)`, true]);
      checks.push([`target: ≥ 3× faster than legacy end to end — ${ratio.toFixed(2)}× — ${ratio >= 3 ? 'met' : 'MISSED'}`, true]);
    } else {
      checks.push([`samizdat second run wrote ${s.written} posts (files: ${s.posts}); expected 0 new`, s.written === 0 && s.posts === rows.cold.s.posts]);
      checks.push([`samizdat second run: ${s.server.notModified} of ${feedsN} feeds answered 304`, s.server.notModified === feedsN]);
      checks.push([`legacy second run wrote ${l.written} posts (files: ${l.posts})`, l.written === 0]);
      checks.push([`target: no-change cycle < 3 s — ${(s.ms / 1000).toFixed(2)} s — ${s.ms < 3000 ? 'met' : 'MISSED'}`, true]);
    }
  }
  console.log('');
  for (const [text, ok] of checks) console.log(`${ok ? '  ok ' : ' FAIL'} ${text}`);
  console.log(`(items/s = ${total} feed items / wall time; wall includes Node start-up; legacy allurls.dat: ${opt['legacy-allurls']})`);
  return checks.every(([, ok]) => ok);
}

async function profile(feeds, subs) {
  const dir = join(tmp, 'samizdat-profiled');
  const profDir = join(tmp, 'cpu-prof');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'subs.json'), subs);
  const r = await runSamizdat(dir, ['--cpu-prof', '--cpu-prof-dir', profDir]);
  await stats(server);
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return console.log('cpu-prof: no profile written');
  const p = summarizeProfile(join(profDir, file), 20);
  console.log(`\ncpu-prof of one more cold samizdat run (${(r.ms / 1000).toFixed(2)} s wall under the profiler, ${(p.totalMs / 1000).toFixed(2)} s sampled on the main thread)`);
  console.log('self time by area:');
  for (const a of p.areas) console.log(`  ${(a.ms / 1000).toFixed(2).padStart(6)} s ${((100 * a.ms) / p.totalMs).toFixed(1).padStart(5)}%  ${a.name}`);
  console.log('top functions by self time:');
  for (const f of p.functions) console.log(`  ${(f.ms / 1000).toFixed(2).padStart(6)} s ${((100 * f.ms) / p.totalMs).toFixed(1).padStart(5)}%  ${f.name}`);
  if (opt.keep) console.log(`profile: ${join(profDir, file)}`);
}

/** One untimed GET of every feed, so neither competitor pays for the server's JIT warm-up. */
async function warmUp(feeds) {
  let next = 0;
  let bad = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < feeds.length) {
      const res = await fetch(feeds[next++].url);
      await res.arrayBuffer();
      if (res.status !== 200) bad++;
    }
  }));
  if (bad) throw new Error(`warm-up: ${bad} feeds did not answer 200`);
}

function stats(child) {
  child.send({ type: 'stats' });
  return message(child, 'stats', 10_000);
}

function message(child, type, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`feed server: no "${type}" message after ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m) => m?.type === type && done(null, m);
    const onExit = (code) => done(new Error(`feed server exited (${code}) before "${type}"`));
    function done(err, m) {
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit);
      err ? reject(err) : resolve(m);
    }
    child.on('message', onMessage).on('exit', onExit);
  });
}

function countPosts(dir) {
  const posts = join(dir, '_posts');
  if (!existsSync(posts)) return 0;
  return readdirSync(posts, { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
}

function parseOptions(options) {
  try {
    return parseArgs({ options });
  } catch (err) {
    return usage(err.message.split('\n')[0]);
  }
}

function positiveInt(name, v) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) usage(`--${name} must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
}

function usage(msg) {
  console.error(`bench:ingest: ${msg}\n\n${HELP}`);
  process.exit(2);
}
