import { gitError } from './git.js';
import type { Repo } from './repo.js';

/** The local branch's commit, undefined when there is no such branch. */
export async function localTip(repo: Repo, branch: string): Promise<string | undefined> {
  const r = await repo.run(['rev-parse', '--verify', '-q', `refs/heads/${branch}^{commit}`]);
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/**
 * The remote branch's commit (fetched), undefined when the remote has no such branch yet. In a
 * shallow clone (a CI checkout) only that commit is fetched: the deploy and the restore of a
 * site need its tree, not the history of every hourly site.
 */
export async function remoteTip(repo: Repo, remote: string, branch: string): Promise<string | undefined> {
  const shallow = (await repo.out(['rev-parse', '--is-shallow-repository'])) === 'true';
  const args = ['fetch', '--quiet', '--no-tags', ...(shallow ? ['--depth=1'] : []), remote, `refs/heads/${branch}`];
  const f = await repo.run(args);
  if (f.code !== 0) {
    if (/couldn't find remote ref/i.test(f.stderr)) return undefined;
    throw gitError(args, f, 'fetch');
  }
  return repo.out(['rev-parse', '--verify', 'FETCH_HEAD^{commit}']);
}
