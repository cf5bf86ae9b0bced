// Runs one build as a child process and measures it from outside: wall time from spawn to
// exit, and peak RSS plus CPU time from GNU time (`/usr/bin/time`, Debian package `time`),
// which works alike for node, Hugo (Go) and Jekyll (Ruby). Without GNU time, peak RSS comes
// from polling the child's VmHWM in /proc (CPU time is then unknown).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

/**
 * @param {{ cmd: string, args: string[], cwd?: string, timeoutMs?: number, env?: Record<string,string> }} o
 * @returns {Promise<{ ms: number, cpuMs: number, maxRssMb: number, code: number|null, timedOut: boolean, stdout: string, stderr: string }>}
 */
export function measure(o) {
  const gnu = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-bench-time-'));
  const timeFile = join(dir, 'time');
  const [cmd, args] = gnu ? [GNU_TIME, ['-o', timeFile, '-f', '%e %M %U %S', o.cmd, ...o.args]] : [o.cmd, o.args];
  // What the last build left for the kernel to write back (2 GB after a full build at 100k) is
  // written first: a build is measured on its own, not during the writeback of the one before
  // (an hourly build runs an hour after the last). The same for every tool.
  execFileSync('sync');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // Own process group, so a timeout ends the build and whatever it started.
    const child = spawn(cmd, args, { cwd: o.cwd, env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => { stdout += c; });
    child.stderr.setEncoding('utf8').on('data', (c) => {
      stderr += c;
      if (stderr.length > 1_000_000) stderr = stderr.slice(-200_000);
    });
    let hwmKb = 0;
    const poll = gnu ? null : setInterval(() => { hwmKb = Math.max(hwmKb, vmHwmKb(child.pid)); }, 100);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch { /* already gone */ }
    }, o.timeoutMs ?? 3_600_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let cpuMs = NaN;
      let maxRssMb = hwmKb ? hwmKb / 1024 : NaN;
      if (gnu) {
        const m = /(\d+\.\d+) (\d+) (\d+\.\d+) (\d+\.\d+)\s*$/.exec(readIfThere(timeFile));
        if (m) {
          maxRssMb = Number(m[2]) / 1024;
          cpuMs = (Number(m[3]) + Number(m[4])) * 1000;
        }
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ ms, cpuMs, maxRssMb, code, timedOut, stdout, stderr });
    });
  });
}

function vmHwmKb(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readIfThere(`/proc/${pid}/status`));
  return m ? Number(m[1]) : 0;
}

function readIfThere(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Every file under `dir`: its path and its first path segment (`top`); unreadable folders are skipped. */
function* filesUnder(dir, top = undefined) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(p, top ?? e.name);
    else yield { path: p, name: e.name, top: top ?? e.name };
  }
}

/** Number of .html files under `dir` (the pages a generator wrote). */
export function countHtml(dir) {
  let n = 0;
  for (const f of filesUnder(dir)) if (f.name.endsWith('.html')) n++;
  return n;
}

/**
 * Files under `dir` by area: its first path segment, with post folders (`2019-05-02/…`) as
 * "posts" and home pages (`page2/`…) as "home pages". With `sinceMs`, only files modified at
 * or after it (atomic writes replace the file, so an unchanged file keeps its old time).
 * @returns {{ files: number, areas: Array<[string, number]> }} areas largest first
 */
export function filesByArea(dir, sinceMs) {
  const areas = new Map();
  let files = 0;
  for (const f of filesUnder(dir)) {
    if (sinceMs !== undefined && lstatSync(f.path).mtimeMs < sinceMs) continue;
    const a = /^\d{4}-\d{2}/.test(f.top) ? 'posts' : /^page\d+$/.test(f.top) || f.top === 'index.html' ? 'home pages' : f.top;
    files++;
    areas.set(a, (areas.get(a) ?? 0) + 1);
  }
  return { files, areas: [...areas].sort((x, y) => y[1] - x[1]) };
}

/** The run with the median wall time (the lower one of the middle two when even). */
export function median(runs) {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)];
}
