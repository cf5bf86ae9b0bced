#!/usr/bin/env node
// Build benchmark: full site builds of generated N-post archives by samizdat, Hugo and Jekyll
// on the same posts in one run, then samizdat's incremental builds (nothing changed; +10 new
// posts). See bench/build/*.mjs for the parts and `--help` for the options.
//
// The archives are cloned from the real fixture posts (bench/build/make-archive.mjs) and
// cached under $TMPDIR/samizdat-bench-build/posts-N/. Each build runs as its own process into
// a new output folder (the last one is moved aside and deleted at the end of the run); wall time
// from spawn to exit, peak RSS and CPU time from GNU time.
// The machine is shared: expect ±20% between runs.
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { discardOutput, discardOutputsInto, profileSamizdat, removeDiscarded, runHugo, runJekyll, runSamizdat, snapshotSamizdat, versions } from './build/competitors.mjs';
import { HUGO_SITE_VERSION, makeHugoSite } from './build/hugo-site.mjs';
import { makeJekyllSite } from './build/jekyll-site.mjs';
import { cacheRoot, ensureArchive, newPosts, useSamizdatAt, writePosts } from './build/make-archive.mjs';
import { summarizeProfile } from './lib/cpu-profile.mjs';
import { filesByArea, median } from './build/measure.mjs';
import { printProfile, printReport } from './build/report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HELP = `Usage: node bench/build.mjs [options]   (npm run bench:build builds first)

  --posts N,N…          archive sizes (default 2000,10000,100000)
  --add K               posts added for the incremental build (default 10)
  --add-rounds N        incremental builds of K more posts each after the first (default 3); the
                        target is judged on their median
  --skip-hugo           do not run Hugo
  --skip-jekyll         do not run Jekyll
  --jekyll-max N        run Jekyll only on archives of at most N posts (default 2000; Jekyll
                        took 481 s for 10,000 posts here)
  --jekyll-timeout S    give Jekyll at most S seconds (default 600)
  --hugo-timeout S      give Hugo at most S seconds (default 3600)
  --rounds N            full builds of samizdat and Hugo N times each, alternating, and report
                        each one's median (default 1; the machine's speed drifts within minutes)
  --hugo-cache-min N    reuse Hugo's figure cached by an earlier run for archives of N posts
                        or more (default 100000; labelled "cached" with its date)
  --rerun-hugo          measure Hugo again even where a cached figure exists
  --cpu-prof            afterwards, profile one more cold samizdat build, then one with --add
                        new posts, and print where their time goes
  --prof-posts N        the archive size profiled (default 10000)
  --keep                keep archives, competitor sites and outputs under
                        $TMPDIR/samizdat-bench-build/ (archives there are reused by later runs)
  -h, --help`;

const { values: opt } = parseArgs({
  options: {
    posts: { type: 'string', default: '2000,10000,100000' }, add: { type: 'string', default: '10' }, 'add-rounds': { type: 'string', default: '3' },
    'skip-hugo': { type: 'boolean' }, 'skip-jekyll': { type: 'boolean' },
    'jekyll-max': { type: 'string', default: '2000' }, 'jekyll-timeout': { type: 'string', default: '600' },
    'hugo-timeout': { type: 'string', default: '3600' }, 'hugo-cache-min': { type: 'string', default: '100000' },
    'rerun-hugo': { type: 'boolean' }, rounds: { type: 'string', default: '1' }, 'cpu-prof': { type: 'boolean' }, 'prof-posts': { type: 'string', default: '10000' }, keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  },
});
if (opt.help) {
  console.log(HELP);
  process.exit(0);
}
const sizes = opt.posts.split(',').map((x) => wholeNumber('posts', x.trim()));
const addCount = wholeNumber('add', opt.add);
const addRounds = Math.max(1, wholeNumber('add-rounds', opt['add-rounds']));
const jekyllMax = wholeNumber('jekyll-max', opt['jekyll-max']);
const jekyllTimeoutMs = wholeNumber('jekyll-timeout', opt['jekyll-timeout']) * 1000;
const hugoTimeoutMs = wholeNumber('hugo-timeout', opt['hugo-timeout']) * 1000;
const hugoCacheMin = wholeNumber('hugo-cache-min', opt['hugo-cache-min']);
const profPosts = wholeNumber('prof-posts', opt['prof-posts']);
const rounds = Math.max(1, wholeNumber('rounds', opt.rounds));
if (!existsSync(join(ROOT, 'dist/cli/main.js'))) usage('dist/ is missing: run `npm run build` first (or `npm run bench:build`)');

const v = versions();
if (!v.hugo && !opt['skip-hugo']) usage('hugo is not installed (Debian: apt-get install hugo), or pass --skip-hugo');
if (!v.jekyll && !opt['skip-jekyll']) usage('jekyll is not installed (Debian: apt-get install jekyll ruby-jekyll-paginate), or pass --skip-jekyll');
if (!existsSync('/usr/bin/time')) console.error('note: GNU time (/usr/bin/time, Debian package "time") is absent: peak RSS is polled from /proc, CPU time is unknown');
const HUGO_CACHE = join(cacheRoot(), 'hugo-results.json');
const snapshot = snapshotSamizdat(join(cacheRoot(), `samizdat-code-${process.pid}`));
// Output folders a build replaces are deleted at the end of the run (see discardOutput).
const discardDir = join(cacheRoot(), 'discarded-outputs');
rmSync(discardDir, { recursive: true, force: true });
discardOutputsInto(discardDir);
useSamizdatAt(snapshot);
console.error(`samizdat measured from a copy of this tree's dist/ taken now: ${snapshot}`);

const results = [];
for (const n of sizes) {
  const base = join(cacheRoot(), `posts-${n}`);
  log(`${n} posts: archive… `);
  const archive = await ensureArchive(n, { onProgress: (k) => k % 10_000 === 0 && log(`${k} `) });
  logLine(archive.cached ? `cached (${archive.dir})` : `generated in ${(archive.genMs / 1000).toFixed(1)} s (${archive.dir})`);
  logLine(`  ${(archive.bytes / 1e6).toFixed(0)} MB of posts, ${archive.sources} sources, cloned from ${archive.fixtures} fixture posts, dated ${archive.span.join('…')}`);
  const outs = { samizdat: join(base, 'out-samizdat'), hugo: join(base, 'out-hugo'), jekyll: join(base, 'out-jekyll') };
  const r = { n, archive: { ...archive }, incremental: [] };
  results.push(r);

  log('  samizdat full build… ');
  r.samizdat = await runSamizdat(archive.dir, outs.samizdat);
  if (r.samizdat.ok) r.samizdat.areas = filesByArea(outs.samizdat).areas;
  logLine(summary(r.samizdat));
  if (r.samizdat.ok) {
    log('  samizdat, nothing changed… ');
    const same = await incremental(archive.dir, outs.samizdat);
    r.incremental.push({ kind: 'none', label: 'samizdat, no change', run: same });
    logLine(summary(same));
    // Additions in a row: the first build after a full one also folds the site cache's record
    // of every post into one document (once); the next are hourly builds as usual, several of
    // them, as this machine's speed drifts from one minute to the next.
    const added = [];
    const steps = [[1, 'add-first', `+${addCount} posts, first`]];
    for (let i = 1; i <= addRounds; i++) steps.push([1 + i, 'add', `+${addCount} posts, again${addRounds > 1 ? ` (${i}/${addRounds})` : ''}`]);
    try {
      for (const [seed, kind, label] of steps) {
        log(`  samizdat, ${label}… `);
        const { lib, posts } = await newPosts(addCount, seed);
        added.push(...writePosts(lib, archive.dir, posts, new Set(added)));
        const inc = await incremental(archive.dir, outs.samizdat);
        r.incremental.push({ kind, count: addCount, label: `samizdat, ${label}`, run: inc });
        logLine(summary(inc));
      }
    } finally {
      for (const f of added) rmSync(join(archive.dir, '_posts', f), { force: true });
    }
    // As a fresh clone, a checkout or a copy leaves the files: same bytes, new mtimes. Every
    // file is read again (the bench archive is no git work tree), no page should be written.
    log('  samizdat, every post given a new mtime… ');
    await incremental(archive.dir, outs.samizdat); // the removal of the added posts
    const now = new Date();
    for (const f of readdirSync(join(archive.dir, '_posts'), { recursive: true, encoding: 'utf8' })) utimesSync(join(archive.dir, '_posts', f), now, now);
    const touched = await incremental(archive.dir, outs.samizdat);
    r.incremental.push({ kind: 'touched', label: 'samizdat, every post given a new mtime', run: touched });
    logLine(summary(touched));
  }
  if (!opt.keep) discardOutput(outs.samizdat);

  if (!opt['skip-hugo']) {
    const key = `${n}:archive-v${archive.version}:${archive.fixtures}:hugo-${v.hugo}:site-v${HUGO_SITE_VERSION}`;
    const cache = readJson(HUGO_CACHE);
    if (n >= hugoCacheMin && !opt['rerun-hugo'] && cache[key]?.ok) {
      r.hugo = { ...cache[key], cachedAt: cache[key].measuredAt };
      logLine(`  Hugo: cached figure from ${r.hugo.cachedAt} (--rerun-hugo to measure again): ${summary(r.hugo)}`);
    } else {
      log('  Hugo full build… ');
      const linked = makeHugoSite(archive.dir, join(base, 'hugo-site'));
      if (linked !== n) logLine(`(the Hugo site has ${linked} posts, not ${n}) `);
      r.hugo = await runHugo(join(base, 'hugo-site'), outs.hugo, { timeoutMs: hugoTimeoutMs });
      logLine(summary(r.hugo));
      if (rounds > 1 && r.samizdat.ok && r.hugo.ok) {
        // More full builds, alternating, so both tools meet the same moments of the machine.
        const pairs = [{ samizdat: r.samizdat, hugo: r.hugo }];
        for (let i = 2; i <= rounds; i++) {
          log(`  round ${i}: samizdat… `);
          const sam = await runSamizdat(archive.dir, outs.samizdat);
          log(`${summary(sam)}; Hugo… `);
          const hugo = await runHugo(join(base, 'hugo-site'), outs.hugo, { timeoutMs: hugoTimeoutMs });
          logLine(summary(hugo));
          if (sam.ok && hugo.ok) pairs.push({ samizdat: { ...sam, areas: r.samizdat.areas }, hugo });
        }
        r.rounds = pairs.map((pair) => ({ samizdatMs: pair.samizdat.ms, hugoMs: pair.hugo.ms }));
        r.samizdat = median(pairs.map((pair) => pair.samizdat));
        r.hugo = median(pairs.map((pair) => pair.hugo));
      }
      if (r.hugo.ok && n >= hugoCacheMin) writeFileSync(HUGO_CACHE, `${JSON.stringify({ ...cache, [key]: { ...r.hugo, measuredAt: new Date().toISOString() } }, null, 2)}\n`);
      if (!opt.keep) rmSync(join(base, 'hugo-site'), { recursive: true, force: true });
    }
    if (!opt.keep) discardOutput(outs.hugo);
  }

  if (opt['skip-jekyll']) r.jekyllSkipped = '--skip-jekyll';
  else if (n > jekyllMax) r.jekyllSkipped = `more than --jekyll-max ${jekyllMax} posts (Jekyll builds ~20–50 posts/s here even with a minimal theme)`;
  else {
    log('  Jekyll full build… ');
    makeJekyllSite(archive.dir, join(base, 'jekyll-site'));
    r.jekyll = await runJekyll(join(base, 'jekyll-site'), outs.jekyll, { timeoutMs: jekyllTimeoutMs });
    logLine(summary(r.jekyll));
    if (!opt.keep) {
      discardOutput(outs.jekyll);
      rmSync(join(base, 'jekyll-site'), { recursive: true, force: true });
    }
  }
  if (!opt.keep && !archive.cached) rmSync(base, { recursive: true, force: true });
}

printReport(results, v);

if (opt['cpu-prof']) {
  const n = profPosts;
  const archive = await ensureArchive(n);
  const out = join(cacheRoot(), `posts-${n}`, 'out-samizdat-prof');
  const cold = await profileSamizdat(archive.dir, out);
  report(`cpu-prof of one more cold samizdat build of ${n} posts`, cold);
  const inc = await withNewPosts(archive.dir, addCount, () => profileSamizdat(archive.dir, out, { cold: false }));
  report(`cpu-prof of a samizdat build after adding ${addCount} posts to that one`, inc);
  rmSync(out, { recursive: true, force: true });
  // Left as found: a cached archive stays, one made for this run goes (unless --keep).
  const measured = results.find((r) => r.n === n);
  if (!opt.keep && !(measured ? measured.archive.cached : archive.cached)) rmSync(join(cacheRoot(), `posts-${n}`), { recursive: true, force: true });

  function report(title, p) {
    if (p.file) printProfile(title, summarizeProfile(p.file, 20), p.run);
    else console.log(`${title}: no profile written (${p.run.note ?? 'exit ' + p.run.code})`);
    if (opt.keep && p.file) console.log(`profile: ${p.file}`);
    else rmSync(p.dir, { recursive: true, force: true });
  }
}

rmSync(snapshot, { recursive: true, force: true });
removeDiscarded();
const last = join(cacheRoot(), 'last-run.json');
writeFileSync(last, `${JSON.stringify({ at: new Date().toISOString(), versions: v, results: results.map(({ samizdat, ...r }) => ({ ...r, samizdat: { ...samizdat, report: samizdat.report && { ...samizdat.report, warnings: samizdat.report.warnings.length, skipped: samizdat.report.skipped.length } } })) }, null, 2)}\n`);
console.log(`\nfigures as JSON: ${last}${opt.keep ? `; kept: ${cacheRoot()}` : ''}`);
// Targets only print; a samizdat build that failed fails the bench.
if (!results.every((r) => r.samizdat.ok && r.incremental.every((i) => i.run.ok))) process.exitCode = 1;

/** Runs `fn` with `count` new posts in the archive, then takes them out again (the cached archive stays N posts). */
async function withNewPosts(archiveDir, count, fn) {
  const { lib, posts } = await newPosts(count);
  const added = writePosts(lib, archiveDir, posts);
  try {
    return await fn();
  } finally {
    for (const f of added) rmSync(join(archiveDir, '_posts', f), { force: true });
  }
}

/** A samizdat build over the last one's output (the caller adds posts first, and takes them out again after). */
async function incremental(archiveDir, outDir) {
  const since = Date.now() - 20;
  const run = await runSamizdat(archiveDir, outDir, { cold: false });
  if (run.ok) run.areas = filesByArea(outDir, since).areas;
  return run;
}

function summary(r) {
  if (!r.ok) return r.note ?? 'failed';
  const rep = r.report ? `, ${r.report.written} written` : '';
  return `${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} CPU-s, ${r.pages} .html files${rep}, peak RSS ${r.maxRssMb.toFixed(0)} MB`;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

function log(text) {
  process.stderr.write(text);
}

function logLine(text) {
  process.stderr.write(`${text}\n`);
}

function wholeNumber(name, value) {
  const x = Number(value);
  if (!Number.isInteger(x) || x < 1) usage(`--${name} takes a whole number, got ${JSON.stringify(value)}`);
  return x;
}

function usage(msg) {
  console.error(`bench:build: ${msg}\n\n${HELP}`);
  process.exit(2);
}

