// One full build by each competitor, into a new output folder, measured by measure.mjs.
// Each returns { tool, ms, cpuMs, maxRssMb, pages, ok, note? } (+ samizdat's build report).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countHtml, measure } from './measure.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let SAMIZDAT = join(ROOT, 'bin/samizdat.js');

/**
 * Copies the built samizdat (bin/, dist/, package.json; node_modules linked) into `dir` and
 * runs that copy from then on: others rebuild dist/ in this tree while the bench runs, and a
 * changed theme or generator would turn an incremental build into a full one mid-run.
 */
export function snapshotSamizdat(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  SAMIZDAT = join(dir, 'bin/samizdat.js');
  return dir;
}

/**
 * Where replaced output folders wait until the end of the run (see discardOutput); the caller
 * sets it. Without it they are deleted at once.
 */
let discarded;
export function discardOutputsInto(dir) {
  discarded = dir;
}

/**
 * Makes way for a new build into `dir`: the last output is moved aside, not deleted. On this
 * machine's ext4 (no journal), creating files right after deleting 100k+ makes the kernel
 * search long for a free inode (`recently_deleted`): the next build ran up to 2–3x slower, for
 * each tool. The bench deletes them all at its end (removeDiscarded).
 */
export function discardOutput(dir) {
  if (!existsSync(dir)) return;
  if (!discarded) return rmSync(dir, { recursive: true, force: true });
  mkdirSync(discarded, { recursive: true });
  renameSync(dir, mkdtempSync(join(discarded, 'out-')) + '/out');
}

export function removeDiscarded() {
  if (discarded) rmSync(discarded, { recursive: true, force: true });
}

/**
 * `samizdat build --json`. `cold` empties the output and the archive's site cache
 * (.samizdat/site-cache.db*) first: a full build from nothing. Otherwise an incremental build.
 */
export async function runSamizdat(archiveDir, outDir, { cold = true, timeoutMs = 3_600_000, nodeFlags = [] } = {}) {
  if (cold) {
    discardOutput(outDir);
    forgetSiteCache(archiveDir);
  }
  const r = await measure({ cmd: process.execPath, args: [...nodeFlags, SAMIZDAT, 'build', '--archive', archiveDir, '--out', outDir, '--json'], timeoutMs });
  let report = null;
  try {
    report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  } catch { /* reported below */ }
  const ok = r.code === 0 && report !== null;
  return { tool: 'samizdat', ...pick(r), pages: countHtml(outDir), ok, report, ...(ok ? {} : { note: failure(r) }) };
}

export function forgetSiteCache(archiveDir) {
  const state = join(archiveDir, '.samizdat');
  if (!existsSync(state)) return;
  for (const f of readdirSync(state)) if (f.startsWith('site-cache')) rmSync(join(state, f), { force: true });
}

/** `hugo` in the site made by hugo-site.mjs. */
export async function runHugo(siteDir, outDir, { timeoutMs = 3_600_000 } = {}) {
  discardOutput(outDir);
  const r = await measure({ cmd: 'hugo', args: ['--quiet', '--source', siteDir, '--destination', outDir], timeoutMs });
  return { tool: 'Hugo', ...pick(r), pages: countHtml(outDir), ok: r.code === 0 && !r.timedOut, ...(r.code === 0 && !r.timedOut ? {} : { note: failure(r, timeoutMs) }) };
}

/** `jekyll build` in the site made by jekyll-site.mjs. */
export async function runJekyll(siteDir, outDir, { timeoutMs = 600_000 } = {}) {
  discardOutput(outDir);
  // Jekyll keeps a cache in the source folder; a full build starts without it.
  rmSync(join(siteDir, '.jekyll-cache'), { recursive: true, force: true });
  const r = await measure({ cmd: 'jekyll', args: ['build', '--quiet', '--source', siteDir, '--destination', outDir], timeoutMs });
  return { tool: 'Jekyll', ...pick(r), pages: countHtml(outDir), ok: r.code === 0 && !r.timedOut, ...(r.code === 0 && !r.timedOut ? {} : { note: failure(r, timeoutMs) }) };
}

/** Runs one samizdat build (cold unless told) under `node --cpu-prof`; returns the .cpuprofile path. */
export async function profileSamizdat(archiveDir, outDir, { cold = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-bench-build-prof-'));
  const r = await runSamizdat(archiveDir, outDir, { cold, nodeFlags: ['--cpu-prof', '--cpu-prof-dir', dir] });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  return { run: r, file: file ? join(dir, file) : null, dir };
}

export function versions() {
  const v = (cmd, args, re) => {
    try {
      return re.exec(execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[1] ?? '?';
    } catch {
      return null;
    }
  };
  return { hugo: v('hugo', ['version'], /v(\d+\.\d+\.\d+)/), jekyll: v('jekyll', ['--version'], /(\d+\.\d+\.\d+)/), node: process.versions.node };
}

function pick(r) {
  return { ms: r.ms, cpuMs: r.cpuMs, maxRssMb: r.maxRssMb, timedOut: r.timedOut };
}

function failure(r, timeoutMs) {
  if (r.timedOut) return `did not finish in ${Math.round(timeoutMs / 1000)} s`;
  const last = r.stderr.trim().split('\n').filter(Boolean).slice(-2).join(' / ');
  return `exit ${r.code}: ${last.slice(0, 300)}`;
}
