import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SamizdatError, UsageError } from '../../model/index.js';
import { Archive } from '../archive.js';
import { syncIndex } from '../index/sync-index.js';
import { POST_ROOTS } from '../posts/list-posts.js';
import { readPost } from '../posts/read-post.js';
import { readTreePosts } from '../doctor/read-posts.js';
import type { Finding } from '../doctor/kinds.js';
import { copyFileAtomic } from './copy-file-atomic.js';
import { findDuplicates, type DuplicateGroup } from './find-duplicates.js';
import { insideArchive } from './inside-archive.js';
import { checkConfig, checkSubs, countLegacyUrls, ensureGitignore, fileState, LEGACY_FILES, type ConfigCheck, type SubsCheck } from './legacy-files.js';
import { mergeDuplicates, type MergeReport } from './merge-duplicates.js';
import { urlRules } from './post-url.js';
import type { TreeFile } from './scan-tree.js';
import { isDir } from '../path-kind.js';

export interface ImportOptions {
  readonly source: string;
  /** Copy into this new (missing or empty) folder; in place when unset. */
  readonly into?: string;
  readonly mergeDuplicates?: boolean;
  readonly waitMs?: number;
  readonly onProgress?: (line: string) => void;
}

export interface ImportReport {
  readonly source: string;
  readonly archive: string;
  /** Post files found in the source. */
  readonly posts: number;
  /** Files copied into the new archive (0 in place). */
  readonly copied: number;
  /** Posts in the index after the import. */
  readonly indexed: number;
  readonly legacyUrls: number;
  readonly subs: SubsCheck;
  readonly config: ConfigCheck;
  /** What is not a sound, safely named post (symlinks, binaries, huge files, bad names). */
  readonly findings: readonly Finding[];
  readonly duplicates: readonly DuplicateGroup[];
  readonly merge?: MergeReport;
}

/**
 * Takes over a legacy mirror: every post file is kept byte for byte (copied atomically with
 * `into`), `allurls.dat` and the posts' links are indexed as dedup keys, `subs.json` and
 * `_config.yml` are validated and reused. Nothing the tree holds is trusted: links are not
 * followed, huge or binary files are reported and kept, not read. Duplicates are reported,
 * and merged with `mergeDuplicates` (see mergeDuplicates for how old URLs keep working).
 */
export async function importMirror(options: ImportOptions): Promise<ImportReport> {
  const source = resolve(options.source);
  if (!isDir(source)) throw new UsageError(`import: ${source} is not a folder`);
  const target = options.into === undefined ? source : resolve(options.into);
  const progress = options.onProgress ?? (() => undefined);

  const { tree, findings, identities } = readTreePosts(source, (path, text) => readPost(text, path), (done, total) => {
    if (done % 1000 === 0) progress(`read ${done}/${total} posts`);
  });
  for (const name of LEGACY_FILES) {
    if (fileState(join(source, name)) === 'symlink') findings.push({ kind: 'symlink', path: name, detail: 'symbolic link, not followed or copied' });
  }

  let copied = 0;
  if (target !== source) {
    prepareTarget(source, target);
    const files: TreeFile[] = [...tree.posts, ...tree.others];
    for (const name of LEGACY_FILES) if (fileState(join(source, name)) === 'file') files.push({ path: name, size: 0 });
    copied = await copyAll(source, target, files, (n) => progress(`copied ${n}/${files.length} files`));
  } else {
    if (fileState(join(source, '.samizdat')) === 'symlink') throw new SamizdatError('archive', 'bad-path', `import: ${join(source, '.samizdat')} is a symbolic link; remove it (samizdat rebuilds its index)`);
    for (const dir of POST_ROOTS) {
      if (fileState(join(source, dir)) === 'symlink') throw new SamizdatError('archive', 'bad-path', `import: ${join(source, dir)} is a symbolic link; replace it with a folder (or use --into DIR)`);
    }
  }

  const config = checkConfig(target);
  const subs = checkSubs(target);
  const archive = await Archive.open(target, { command: 'import', ...(options.waitMs ? { waitMs: options.waitMs } : {}) });
  try {
    const duplicates = findDuplicates(identities);
    let merge: MergeReport | undefined;
    if (options.mergeDuplicates && duplicates.length) {
      merge = await mergeDuplicates(target, duplicates, urlRules(config.config));
      syncIndex(target, archive.index);
    }
    await ensureGitignore(target);
    rmSync(join(target, IMPORT_MARKER), { force: true });
    return {
      source, archive: target, posts: tree.posts.length, copied, indexed: archive.index.postCount(),
      legacyUrls: countLegacyUrls(target), subs, config, findings, duplicates, ...(merge ? { merge } : {}),
    };
  } finally {
    archive.close();
  }
}

/**
 * `into` must be a new archive: missing or empty, and not inside the source's post folders —
 * or an import of the same source that was cut off (its marker is still there), which is
 * resumed: every file is copied again, atomically, so a run killed at any point is completed
 * by the next one.
 */
function prepareTarget(source: string, target: string): void {
  const rel = relative(source, target);
  if (POST_ROOTS.some((d) => rel === d || rel.startsWith(`${d}/`))) throw new UsageError(`import: --into ${target} is inside the source's post folders`);
  if (relative(target, source) === '' ) throw new UsageError('import: --into names the source itself; leave it out to import in place');
  const marker = join(target, IMPORT_MARKER);
  if (isDir(target)) {
    const resuming = existsSync(marker) && readFileSync(marker, 'utf8').trim() === source;
    if (!resuming && readdirSync(target).length > 0) throw new UsageError(`import: --into ${target} is not empty (give a new folder)`);
  } else mkdirSync(target, { recursive: true });
  writeFileSync(marker, `${source}\n`);
}

/** Present in an `--into` folder while its import is unfinished. */
const IMPORT_MARKER = '.samizdat-import';

/** Copies with a few files in flight (copy_file_range is cheap, the round trips are not). */
async function copyAll(source: string, target: string, files: readonly TreeFile[], onCount: (n: number) => void): Promise<number> {
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const f = files[next++]!;
      await copyFileAtomic(join(source, f.path), insideArchive(target, f.path));
      if (++done % 1000 === 0) onCount(done);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return done;
}

