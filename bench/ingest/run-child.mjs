// Runs one competitor as a child process and measures it from the outside: wall time from
// spawn to exit, plus peak RSS and CPU time reported by report-rss.cjs from inside.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPORT_RSS = fileURLToPath(new URL('./report-rss.cjs', import.meta.url));

/**
 * @param {{ args: string[], cwd: string, env?: Record<string,string>, timeoutMs?: number, nodeFlags?: string[],
 *           onStdoutLine?: (line: string) => void, keepStdout?: boolean }} o
 * @returns {Promise<{ ms: number, code: number|null, signal: string|null, maxRssMb: number, cpuMs: number, stdout: string, stderr: string }>}
 */
export function runChild(o) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...(o.nodeFlags ?? []), '--require', REPORT_RSS, ...o.args], {
      cwd: o.cwd,
      env: { ...process.env, ...o.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    let partial = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      if (o.keepStdout) out.push(chunk);
      if (o.onStdoutLine) {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop();
        for (const l of lines) o.onStdoutLine(l);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
      if (stderr.length > 1_000_000) stderr = stderr.slice(-200_000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 600_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (partial && o.onStdoutLine) o.onStdoutLine(partial);
      const m = /@@bench-rusage maxrss_kb=(\d+) user_us=(\d+) sys_us=(\d+)/.exec(stderr);
      resolve({
        ms, code, signal,
        maxRssMb: m ? Number(m[1]) / 1024 : NaN,
        cpuMs: m ? (Number(m[2]) + Number(m[3])) / 1000 : NaN,
        stdout: out.join(''),
        stderr: stderr.replace(/\n?@@bench-rusage[^\n]*\n/, ''),
      });
    });
  });
}
