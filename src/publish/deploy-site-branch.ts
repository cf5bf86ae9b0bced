import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SamizdatError } from '../model/index.js';
import { firstLine, gitError } from './git.js';
import { isBehind, PUSH_DEFAULTS } from './push-with-rebase.js';
import type { Repo } from './repo.js';

export interface SiteBranchOptions {
  readonly siteDir: string;
  readonly branch: string;
  /** Push to this remote; undefined: only update the local branch. */
  readonly remote?: string;
  /** Named in the commit message (the archive commit the site was built from). */
  readonly source?: string;
  readonly retries?: number;
}

export interface SiteBranchResult {
  readonly commit: string;
  /** False when the site was the same as the branch's last commit (nothing new to push). */
  readonly changed: boolean;
  readonly pushed: boolean;
}

/**
 * Commits the built site as the whole tree of `branch` (e.g. gh-pages) without touching the
 * working tree or the real index: a temporary index (GIT_INDEX_FILE) is filled from the site
 * folder (`--work-tree`), written as a tree, and committed with git plumbing on top of the
 * branch's previous commit — the remote's when there is one — so every deploy is a plain
 * fast-forward and nothing is ever force-pushed. Unchanged pages cost nothing (same blobs).
 * A `.nojekyll` file is added so GitHub Pages serves the files as they are instead of
 * running Jekyll over them again.
 */
export async function deploySiteBranch(repo: Repo, o: SiteBranchOptions): Promise<SiteBranchResult> {
  const tree = await siteTree(repo, o.siteDir);
  const retries = o.retries ?? PUSH_DEFAULTS.retries;
  for (let attempt = 0; ; attempt++) {
    const parent = (o.remote ? await remoteTip(repo, o.remote, o.branch) : undefined) ?? (await localTip(repo, o.branch));
    const parentTree = parent ? await repo.out(['rev-parse', `${parent}^{tree}`]) : undefined;
    const changed = parentTree !== tree;
    const commit = changed
      ? await repo.out(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', `samizdat: site${o.source ? ` built from ${o.source}` : ''}`])
      : parent!;
    await repo.out(['update-ref', `refs/heads/${o.branch}`, commit]);
    if (!o.remote || !changed) return { commit, changed, pushed: false };
    const r = await repo.run(['push', '--porcelain', o.remote, `${commit}:refs/heads/${o.branch}`]);
    if (r.code === 0) return { commit, changed, pushed: true };
    // Another deploy got there first: commit the same tree again on top of theirs.
    if (!isBehind(r) || attempt >= retries) throw new SamizdatError('publish', 'push', `publish: git push of the site to ${o.remote} ${o.branch} failed: ${firstLine(r)}`);
  }
}

async function siteTree(repo: Repo, siteDir: string): Promise<string> {
  const tmp = await mkdtemp(join(tmpdir(), 'samizdat-site-index-'));
  try {
    // GIT_DIR + GIT_WORK_TREE: git sees the site folder as the whole work tree; -f because
    // the archive's ignore rules (which list _site/) are not the site's.
    const env = { GIT_INDEX_FILE: join(tmp, 'index'), GIT_DIR: repo.gitDir, GIT_WORK_TREE: siteDir };
    await repo.out(['add', '-A', '-f', '--', '.'], { cwd: siteDir, env });
    if (!existsSync(join(siteDir, '.nojekyll'))) {
      const empty = await repo.out(['hash-object', '-w', '--stdin'], { input: '' });
      await repo.out(['update-index', '--add', '--cacheinfo', `100644,${empty},.nojekyll`], { cwd: siteDir, env });
    }
    return await repo.out(['write-tree'], { cwd: siteDir, env });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function localTip(repo: Repo, branch: string): Promise<string | undefined> {
  const r = await repo.run(['rev-parse', '--verify', '-q', `refs/heads/${branch}^{commit}`]);
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** The remote branch's commit (fetched), undefined when the remote has no such branch yet. */
async function remoteTip(repo: Repo, remote: string, branch: string): Promise<string | undefined> {
  const args = ['fetch', '--quiet', '--no-tags', remote, `refs/heads/${branch}`];
  const f = await repo.run(args);
  if (f.code !== 0) {
    if (/couldn't find remote ref/i.test(f.stderr)) return undefined;
    throw gitError(args, f, 'fetch');
  }
  return repo.out(['rev-parse', '--verify', 'FETCH_HEAD^{commit}']);
}
