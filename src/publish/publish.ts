import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { STATE_DIR } from '../archive/archive.js';
import { ArchiveLock } from '../archive/lock/archive-lock.js';
import { SamizdatError, UsageError } from '../model/index.js';
import { commitArchive, type ArchiveCommit } from './commit-archive.js';
import { copySiteDir } from './copy-site-dir.js';
import { deploySiteBranch, type SiteBranchResult } from './deploy-site-branch.js';
import { pushWithRebase } from './push-with-rebase.js';
import { siteIndexFile } from './restore-site-branch.js';
import { abortLeftoverRebase, currentBranch, openRepo } from './repo.js';

export interface PublishOptions {
  readonly archiveDir: string;
  readonly remote: string;
  /** The remote branch of the archive (default: the branch checked out). */
  readonly branch?: string;
  /** False: commit (and update a local site branch) only. */
  readonly push: boolean;
  /** The built site (default: archiveDir/_site). */
  readonly siteDir?: string;
  /** Deploy the site as the whole tree of this branch (e.g. gh-pages)… */
  readonly siteBranch?: string;
  /** …or copy it to this folder. */
  readonly siteCopyTo?: string;
  readonly waitMs?: number;
  readonly retries?: number;
  readonly backoffMs?: number;
}

export interface PublishReport {
  readonly archive: ArchiveCommit;
  readonly branch: string;
  readonly remote: string;
  readonly pushed: boolean;
  /** Rebases onto the remote before the push went through. */
  readonly rebases: number;
  /** A rebase a killed publish had left half done, aborted before starting. */
  readonly recovered: boolean;
  readonly siteBranch?: SiteBranchResult & { readonly branch: string };
  readonly siteCopiedTo?: string;
}

/** Commit the archive, push it (rebasing, never forcing), then deploy the site if asked: under the archive lock. */
export async function publishArchive(o: PublishOptions): Promise<PublishReport> {
  const archiveDir = resolve(o.archiveDir);
  if (!existsSync(archiveDir) || !statSync(archiveDir).isDirectory()) throw new UsageError(`publish: ${archiveDir} is not a directory`);
  const siteDir = resolve(o.siteDir ?? join(archiveDir, '_site'));
  if (o.siteBranch && o.siteCopyTo) throw new UsageError('publish: give --site-branch or --site-dir, not both');
  if ((o.siteBranch || o.siteCopyTo) && !existsSync(join(siteDir, 'index.html'))) {
    throw new UsageError(`publish: no built site in ${siteDir} (no index.html); run samizdat build or samizdat run first`);
  }
  // Checked before the lock, which would create .samizdat/ in a folder that is no mirror.
  const repo = await openRepo(archiveDir);
  const lock = await ArchiveLock.acquire(join(archiveDir, STATE_DIR, 'lock.db'), { waitMs: o.waitMs ?? 0, command: 'publish' });
  try {
    const recovered = await abortLeftoverRebase(repo);
    const checkedOut = await currentBranch(repo);
    const branch = o.branch ?? checkedOut;
    if (!branch) throw new UsageError('publish: HEAD is detached; check out a branch or pass --branch NAME');
    if (o.siteBranch && (o.siteBranch === branch || o.siteBranch === checkedOut)) {
      throw new UsageError(`publish: --site-branch ${o.siteBranch} is the archive's own branch; use another (e.g. gh-pages)`);
    }
    if (o.push && (await repo.run(['remote', 'get-url', o.remote])).code !== 0 && !/[:/\\]/.test(o.remote)) {
      throw new UsageError(`publish: no git remote named ${JSON.stringify(o.remote)} (git remote add ${o.remote} URL, or pass --remote, or --no-push)`);
    }

    const relSite = relative(archiveDir, siteDir);
    const siteInside = relSite !== '' && relSite !== '..' && !relSite.startsWith(`..${sep}`) && !isAbsolute(relSite);
    const archive = await commitArchive(repo, siteInside && relSite !== '_site' ? [relSite.split(sep).join('/')] : []);
    const hasHead = (await repo.run(['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).code === 0;
    const rebases = o.push && hasHead ? await pushWithRebase(repo, { remote: o.remote, branch, ...retryOptions(o) }) : 0;

    let siteBranch: PublishReport['siteBranch'];
    if (o.siteBranch) {
      const source = hasHead ? await repo.out(['rev-parse', '--short', 'HEAD']) : undefined;
      const r = await deploySiteBranch(repo, { siteDir, branch: o.siteBranch, indexFile: siteIndexFile(join(archiveDir, STATE_DIR)), ...(o.push ? { remote: o.remote } : {}), ...(source ? { source } : {}), ...retryOptions(o) });
      siteBranch = { ...r, branch: o.siteBranch };
    }
    if (o.siteCopyTo) await copySiteDir(siteDir, o.siteCopyTo, archiveDir);
    return {
      archive, branch, remote: o.remote, pushed: o.push && hasHead, rebases, recovered,
      ...(siteBranch ? { siteBranch } : {}), ...(o.siteCopyTo ? { siteCopiedTo: resolve(o.siteCopyTo) } : {}),
    };
  } catch (err) {
    if (err instanceof SamizdatError) throw err;
    throw new SamizdatError('publish', 'io', `publish: ${(err as Error).message.split('\n')[0]}`, { cause: err });
  } finally {
    lock.release();
  }
}

function retryOptions(o: PublishOptions): { retries?: number; backoffMs?: number } {
  return { ...(o.retries !== undefined ? { retries: o.retries } : {}), ...(o.backoffMs !== undefined ? { backoffMs: o.backoffMs } : {}) };
}
