import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../model/index.js';
import { git, gitOut, type GitOptions, type GitResult } from './git.js';

/** Used only when the repository (or the operator's global config) names nobody. */
export const FALLBACK_IDENTITY = { name: 'samizdat', email: 'samizdat@localhost' } as const;

/** The git repository an archive lives in, with the identity its commits will carry. */
export interface Repo {
  /** The archive folder: git runs here, and pathspecs are relative to it. */
  readonly dir: string;
  readonly gitDir: string;
  /** `-c user.name=… -c user.email=…` for what the configuration lacks (else empty). */
  readonly identityArgs: readonly string[];
  run(args: readonly string[], o?: Partial<GitOptions>): Promise<GitResult>;
  out(args: readonly string[], o?: Partial<GitOptions>): Promise<string>;
}

export async function openRepo(dir: string): Promise<Repo> {
  const inside = await git(['rev-parse', '--absolute-git-dir'], { cwd: dir });
  if (inside.code !== 0) {
    throw new UsageError(`publish: ${dir} is not in a git repository (git init && git remote add origin URL, or clone your mirror)`, 'no-repo');
  }
  const gitDir = inside.stdout.trim();
  const identityArgs: string[] = [];
  for (const key of ['name', 'email'] as const) {
    const set = await git(['config', '--get', `user.${key}`], { cwd: dir });
    if (set.code !== 0 || !set.stdout.trim()) identityArgs.push('-c', `user.${key}=${FALLBACK_IDENTITY[key]}`);
  }
  const withIdentity = (args: readonly string[]): string[] => [...identityArgs, ...args];
  return {
    dir, gitDir, identityArgs,
    run: (args, o) => git(withIdentity(args), { cwd: dir, ...o }),
    out: (args, o) => gitOut(withIdentity(args), { cwd: dir, ...o }),
  };
}

/**
 * A rebase left half done by a killed publish: abort it, which puts the branch back as it was
 * before (our commit included), so this run can start over.
 */
export async function abortLeftoverRebase(repo: Repo): Promise<boolean> {
  const paths = await Promise.all(['rebase-merge', 'rebase-apply'].map((p) => repo.out(['rev-parse', '--git-path', p])));
  if (!paths.some((p) => existsSync(resolve(repo.dir, p)))) return false;
  await repo.out(['rebase', '--abort']);
  return true;
}

/** The branch checked out, or undefined on a detached HEAD. */
export async function currentBranch(repo: Repo): Promise<string | undefined> {
  const r = await repo.run(['symbolic-ref', '-q', '--short', 'HEAD']);
  return r.code === 0 ? r.stdout.trim() : undefined;
}
