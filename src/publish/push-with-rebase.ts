import { setTimeout as sleep } from 'node:timers/promises';
import { SamizdatError } from '../model/index.js';
import { firstLine, gitError, type GitResult } from './git.js';
import type { Repo } from './repo.js';

export interface PushOptions {
  readonly remote: string;
  /** The remote branch; HEAD is pushed to it. */
  readonly branch: string;
  /** Rebases tried after a rejection before giving up (default 4). */
  readonly retries?: number;
  /** First wait before a second rebase; doubles each time, jittered (default 1 s). */
  readonly backoffMs?: number;
}

export const PUSH_DEFAULTS = { retries: 4, backoffMs: 1000 } as const;

/**
 * Pushes HEAD to `remote`/`branch`. When the remote moved on (someone else pushed first), it
 * fetches, rebases our commits onto the remote branch and pushes again — a few times, waiting
 * longer each time. It never force-pushes: the archive's history is everybody's, and a forced
 * push would drop the other side's posts. Returns how many rebases it took.
 */
export async function pushWithRebase(repo: Repo, o: PushOptions): Promise<number> {
  const retries = o.retries ?? PUSH_DEFAULTS.retries;
  const backoffMs = o.backoffMs ?? PUSH_DEFAULTS.backoffMs;
  const refspec = `HEAD:refs/heads/${o.branch}`;
  for (let attempt = 0; ; attempt++) {
    const r = await repo.run(['push', '--porcelain', o.remote, refspec]);
    if (r.code === 0) return attempt;
    if (!isBehind(r)) throw new SamizdatError('publish', 'push', `publish: git push to ${o.remote} ${o.branch} failed: ${firstLine(r)}`);
    if (attempt >= retries) {
      throw new SamizdatError('publish', 'push-race', `publish: ${o.remote} ${o.branch} kept moving: still rejected after ${retries} rebases; your commit is kept, run publish again`);
    }
    // The first rejection is ordinary (another clone pushed since we last fetched): rebase at
    // once. Repeated ones mean someone is pushing right now: give them room.
    if (attempt > 0) await sleep(Math.round(backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random())));
    await rebaseOnRemote(repo, o.remote, o.branch);
  }
}

/** Rejected because the remote has commits we lack (or moved while we pushed), not for any other reason. */
export function isBehind(r: GitResult): boolean {
  const text = `${r.stdout}\n${r.stderr}`;
  return /^!\t.*\[rejected\]/m.test(text) || /non-fast-forward|\(fetch first\)|cannot lock ref|failed to update ref|incorrect old value/.test(text);
}

/** Fetches the remote branch and rebases HEAD onto it; on a conflict, aborts (nothing is lost) and says which files. */
export async function rebaseOnRemote(repo: Repo, remote: string, branch: string): Promise<void> {
  const fetchArgs = ['fetch', '--quiet', '--no-tags', remote, `refs/heads/${branch}`];
  const f = await repo.run(fetchArgs);
  if (f.code !== 0) throw gitError(fetchArgs, f, 'fetch');
  const upstream = await repo.out(['rev-parse', '--verify', 'FETCH_HEAD^{commit}']);
  const r = await repo.run(['rebase', '--autostash', '--quiet', upstream]);
  if (r.code === 0) return;
  const conflicted = (await repo.run(['diff', '--name-only', '--diff-filter=U', '-z'])).stdout.split('\0').filter(Boolean);
  await repo.run(['rebase', '--abort']);
  const files = conflicted.length ? ` in ${conflicted.slice(0, 5).join(', ')}${conflicted.length > 5 ? ` and ${conflicted.length - 5} more` : ''}` : '';
  throw new SamizdatError(
    'publish', 'conflict',
    `publish: rebasing onto ${remote} ${branch} conflicts${files} (${firstLine(r)}); nothing was pushed and your commit is kept: run git pull --rebase, resolve, then publish again`,
  );
}
