import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { STATE_DIR } from '../archive/archive.js';
import { TEMP_PREFIX } from '../archive/atomic-write.js';
import { readPost } from '../archive/posts/read-post.js';
import { commitMessage, type ArchiveChanges } from './commit-message.js';
import { gitError } from './git.js';
import type { Repo } from './repo.js';

export interface ArchiveCommit {
  /** The new commit, or undefined when nothing had changed. */
  readonly commit?: string;
  readonly subject: string;
  readonly changes: ArchiveChanges;
}

const POST_FILE = /^(?:_posts|archived)\/(?:.*\/)?[^./][^/]*\.(?:md|markdown|html?)$/i;
/** The front matter sits at the top; a huge post is not read whole just to learn its source. */
const HEAD_BYTES = 64 * 1024;

/**
 * Stages everything that changed in the archive — new posts, edits, deletions, subs.json,
 * _config.yml — except samizdat's cache, the built site and leftover temp files, which are
 * excluded by pathspec even when .gitignore forgets them; then commits with a message
 * counting new posts per source. `extraExcludes` are archive-relative paths (a site built
 * inside the archive under another name).
 */
export async function commitArchive(repo: Repo, extraExcludes: readonly string[] = []): Promise<ArchiveCommit> {
  const excludes: string[] = [];
  for (const p of [STATE_DIR, '_site', ...extraExcludes]) {
    // git refuses an exclude pathspec naming a path its ignore rules already drop.
    if ((await repo.run(['check-ignore', '-q', '--', p])).code !== 0) excludes.push(`:(exclude,literal)${p}`);
  }
  await repo.out(['add', '-A', '--', '.', ...excludes, `:(exclude,glob)**/${TEMP_PREFIX}*`]);
  const changes = await stagedChanges(repo);
  const { subject, body } = commitMessage(changes);
  const anything = changes.newPosts.size + changes.changedPosts + changes.removedPosts + changes.otherFiles.length > 0;
  if (!anything) return { subject, changes };
  await repo.out(['commit', '-q', '--no-edit', '-m', subject, ...(body ? ['-m', body] : [])]);
  return { commit: await repo.out(['rev-parse', 'HEAD']), subject, changes };
}

async function stagedChanges(repo: Repo): Promise<ArchiveChanges> {
  const args = ['diff', '--cached', '--name-status', '-z', '--no-renames', '--relative', '--', '.'];
  const r = await repo.run(args);
  if (r.code !== 0) throw gitError(args, r);
  const fields = r.stdout.split('\0');
  const newPosts = new Map<string, number>();
  let changedPosts = 0;
  let removedPosts = 0;
  const otherFiles: string[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]!.trim();
    const path = fields[i + 1]!;
    if (!POST_FILE.test(path)) otherFiles.push(path);
    else if (status === 'A') {
      const site = await sourceOf(join(repo.dir, path));
      newPosts.set(site, (newPosts.get(site) ?? 0) + 1);
    } else if (status === 'D') removedPosts++;
    else changedPosts++;
  }
  return { newPosts, changedPosts, removedPosts, otherFiles };
}

async function sourceOf(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return readPost(buf.subarray(0, bytesRead).toString('utf8'), basename(file)).post.site;
  } catch {
    // A post that cannot be read is still committed; it just counts under "(no source)".
    return '';
  } finally {
    await handle?.close();
  }
}
