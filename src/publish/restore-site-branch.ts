import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MARK_FILE } from '../site/output-mark.js';
import { siteEnv } from './deploy-site-branch.js';
import type { Repo } from './repo.js';
import { localTip, remoteTip } from './site-branch-tip.js';

export interface RestoreOptions {
  readonly siteDir: string;
  readonly branch: string;
  /** Fetch the branch from this remote first (else the local branch is used). */
  readonly remote?: string;
  /** The index the deploy keeps of the site folder (SiteBranchOptions.indexFile): filled here. */
  readonly indexFile: string;
}

export type RestoreResult =
  | { readonly restored: true; readonly commit: string }
  | { readonly restored: false; readonly why: string };

/**
 * Puts the site last deployed to `branch` into a site folder that holds none (a fresh clone on a
 * CI runner), through the deploy's own index: the build then finds its last output and writes
 * only what changed, and the deploy hashes only those files again. A folder that holds a site,
 * or anything else, is left alone, and so is a branch that holds no site samizdat built.
 */
export async function restoreSiteBranch(repo: Repo, o: RestoreOptions): Promise<RestoreResult> {
  const siteDir = resolve(o.siteDir);
  const temp = `${siteDir}${TEMP_SUFFIX}`;
  rmSync(temp, { recursive: true, force: true }); // a restore cut short
  if (existsSync(siteDir) && readdirSync(siteDir).length > 0) return { restored: false, why: `${siteDir} is not empty` };
  const tip = (o.remote ? await remoteTip(repo, o.remote, o.branch) : undefined) ?? (await localTip(repo, o.branch));
  if (!tip) return { restored: false, why: `there is no branch ${o.branch} yet` };
  // Only a site samizdat built: files of another (a hand-made or a Jekyll site) would stay forever,
  // since no build of ours knows them.
  if ((await repo.run(['cat-file', '-e', `${tip}:${MARK_FILE}`])).code !== 0) return { restored: false, why: `${o.branch} holds no site samizdat built (no ${MARK_FILE})` };
  // Written beside, then renamed into place: a restore cut short leaves no half site to build on.
  mkdirSync(temp, { recursive: true });
  mkdirSync(dirname(o.indexFile), { recursive: true });
  const env = siteEnv(repo, temp, o.indexFile);
  await repo.out(['read-tree', tip], { cwd: temp, env });
  await repo.out(['checkout-index', '--all', '--force'], { cwd: temp, env });
  rmSync(siteDir, { recursive: true, force: true }); // empty
  renameSync(temp, siteDir);
  return { restored: true, commit: tip };
}

const TEMP_SUFFIX = '.samizdat-restore';

/** Where the deploy keeps its index of the site folder: in the archive's state folder (a cache). */
export const siteIndexFile = (stateDir: string): string => join(stateDir, 'site-index');
