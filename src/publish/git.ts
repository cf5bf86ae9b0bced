import { execFile } from 'node:child_process';
import { SamizdatError } from '../model/index.js';

export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface GitOptions {
  readonly cwd: string;
  /** Added to the environment (e.g. GIT_INDEX_FILE). */
  readonly env?: Readonly<Record<string, string>>;
  readonly input?: string;
  readonly timeoutMs?: number;
}

/** Large enough for `git diff --name-status` over a 100k-post archive. */
const MAX_BUFFER = 512 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * Runs the real git CLI: execFile, no shell, so paths and messages are never interpreted.
 * Never prompts (an unattended run must not hang on a password question) and speaks English,
 * so the few messages we match do not depend on the operator's locale.
 */
export function git(args: readonly string[], o: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git', args,
      {
        cwd: o.cwd, maxBuffer: MAX_BUFFER, timeout: o.timeoutMs ?? DEFAULT_TIMEOUT_MS, encoding: 'utf8',
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', GIT_MERGE_AUTOEDIT: 'no', LC_ALL: 'C', LANGUAGE: 'C', ...o.env },
      },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed (or not on PATH)' : err.killed ? 'timed out' : err.message.split('\n')[0];
          reject(new SamizdatError('publish', 'git', `publish: git ${args[0] ?? ''}: ${why}`, { cause: err }));
          return;
        }
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
      },
    );
    if (o.input !== undefined) child.stdin?.end(o.input);
  });
}

/** Runs git and returns its trimmed stdout; a non-zero exit is a SamizdatError naming the command. */
export async function gitOut(args: readonly string[], o: GitOptions): Promise<string> {
  const r = await git(args, o);
  if (r.code !== 0) throw gitError(args, r);
  return r.stdout.trim();
}

export function gitError(args: readonly string[], r: GitResult, code = 'git'): SamizdatError {
  const shown = args.filter((a, i) => a !== '-c' && args[i - 1] !== '-c').slice(0, 3).join(' ');
  return new SamizdatError('publish', code, `publish: git ${shown} failed: ${firstLine(r)}`);
}

/** The line of git's output that says what went wrong (its `fatal:`/`error:` line when there is one). */
export function firstLine(r: GitResult): string {
  const lines = `${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.find((l) => !/^hint:/.test(l)) ?? `exit code ${r.code}`;
}
