import { git } from '../publish/git.js';
import { digestOfBlobId } from './post-digest.js';

/**
 * The digests (see postDigest) of the files under `archiveDir` that git tracks and finds
 * unmodified, by path relative to it. Git tells from its index (the stat data it recorded at
 * checkout), without reading a file: after a fresh clone, where every file has a new mtime,
 * a build need not read 100k posts to learn that none changed. Empty when the folder is not in
 * a git work tree or git cannot run: the files are then read.
 */
export async function unmodifiedGitDigests(archiveDir: string): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  try {
    const [staged, modified] = await Promise.all([
      git(['ls-files', '--stage', '-z'], { cwd: archiveDir }),
      git(['diff-files', '--name-only', '--relative', '-z'], { cwd: archiveDir }),
    ]);
    if (staged.code !== 0 || modified.code !== 0) return digests;
    // "<mode> <blob id> <stage>\t<path>": conflicted paths (stage > 0) are left out.
    for (const entry of staged.stdout.split('\u0000')) {
      const tab = entry.indexOf('\t');
      if (tab < 0 || entry[tab - 1] !== '0' || !entry.startsWith('100')) continue;
      digests.set(entry.slice(tab + 1), digestOfBlobId(entry.slice(7, tab - 2)));
    }
    for (const path of modified.stdout.split('\u0000')) digests.delete(path);
  } catch {
    digests.clear();
  }
  return digests;
}
