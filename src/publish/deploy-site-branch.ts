import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_PREFIX } from '../archive/atomic-write.js';
import { SamizdatError } from '../model/index.js';
import { firstLine } from './git.js';
import { isBehind, PUSH_DEFAULTS } from './push-with-rebase.js';
import type { Repo } from './repo.js';
import { localTip, remoteTip } from './site-branch-tip.js';

export interface SiteBranchOptions {
  readonly siteDir: string;
  readonly branch: string;
  /** Push to this remote; undefined: only update the local branch. */
  readonly remote?: string;
  /** Named in the commit message (the archive commit the site was built from). */
  readonly source?: string;
  readonly retries?: number;
  /**
   * The index git keeps of the site folder between deploys (and fills when it restores one, see
   * restoreSiteBranch): only files whose size or mtime changed since are hashed again.
   */
  readonly indexFile: string;
}

export interface SiteBranchResult {
  readonly commit: string;
  /** False when the site was the same as the branch's last commit (nothing new to push). */
  readonly changed: boolean;
  readonly pushed: boolean;
}

/**
 * Commits the built site as the whole tree of `branch` (e.g. gh-pages) without touching the
 * working tree or the real index: an index of its own (GIT_INDEX_FILE) is filled from the site
 * folder (`--work-tree`), written as a tree, and committed with git plumbing on top of the
 * branch's previous commit — the remote's when there is one — so every deploy is a plain
 * fast-forward and nothing is ever force-pushed. Unchanged pages cost nothing (same blobs).
 * A `.nojekyll` file is added so GitHub Pages serves the files as they are instead of
 * running Jekyll over them again.
 */
export async function deploySiteBranch(repo: Repo, o: SiteBranchOptions): Promise<SiteBranchResult> {
  const tree = await siteTree(repo, o.siteDir, o.indexFile);
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

async function siteTree(repo: Repo, siteDir: string, index: string): Promise<string> {
  try {
    return await fillTree(repo, siteDir, index);
  } catch {
    // A kept index git cannot use: start a new one (every file hashed once more).
    await rm(index, { force: true });
    return await fillTree(repo, siteDir, index);
  }
}

/** The tree of the site folder, through the index `index` (GIT_DIR + GIT_WORK_TREE: git sees the folder as the whole work tree). */
async function fillTree(repo: Repo, siteDir: string, index: string): Promise<string> {
  const env = siteEnv(repo, siteDir, index);
  // -f: the archive's ignore rules (which list _site/) are not the site's. A build killed while
  // writing a file leaves its temp file: never part of the site.
  await repo.out(['add', '-A', '-f', '--', '.', `:(exclude,glob)**/${TEMP_PREFIX}*`], { cwd: siteDir, env });
  if (!existsSync(join(siteDir, '.nojekyll'))) {
    const empty = await repo.out(['hash-object', '-w', '--stdin'], { input: '' });
    await repo.out(['update-index', '--add', '--cacheinfo', `100644,${empty},.nojekyll`], { cwd: siteDir, env });
  }
  return repo.out(['write-tree'], { cwd: siteDir, env });
}

/** The environment that makes git see the site folder as a work tree with its own index. */
export function siteEnv(repo: Repo, siteDir: string, index: string): Record<string, string> {
  return { GIT_INDEX_FILE: index, GIT_DIR: repo.gitDir, GIT_WORK_TREE: siteDir };
}
