import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';
import { POST_ROOTS } from '../archive/posts/list-posts.js';

/** Files of the archive root a build reads besides the posts. */
export const WATCHED_FILES = ['_config.yml', 'about.md'] as const;

export interface ArchiveWatcher {
  close(): void;
}

/**
 * Calls `onChange` once things have been quiet for `debounceMs` after any change to the posts
 * (`_posts/`, `archived/` and the folders under them) or to `_config.yml` / `about.md`.
 * Folders are watched one by one, not with `recursive: true`: on Linux, Node 20 implements that
 * with one watcher per file, 100k of them on a large archive. The archive root is watched rather
 * than the two files, since editors and atomic writes replace a file by a new one. The output
 * and state folders are not watched, so a build does not trigger itself.
 */
export function watchArchive(archiveDir: string, onChange: () => void, debounceMs = 300): ArchiveWatcher {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const changed = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const folders = new Map<string, FSWatcher>();
  /** Forgets `dir` and the folders under it: after a delete or rename their watchers are stale. */
  const unwatch = (dir: string): void => {
    for (const [path, w] of folders) {
      if (path === dir || path.startsWith(dir + sep)) {
        w.close();
        folders.delete(path);
      }
    }
  };
  /** An entry of a watched folder was created, deleted or renamed: (re)watch it if it is a folder. */
  const entryChanged = (path: string): void => {
    unwatch(path);
    watchTree(path);
    changed();
  };

  /** Watches `dir` and every folder under it (not following links); no-op for what is not a folder. */
  const watchTree = (dir: string): void => {
    if (closed || folders.has(dir)) return;
    let w: FSWatcher;
    try {
      if (!statSync(dir).isDirectory()) return;
      w = watch(dir, (event, name) => {
        // A new folder (a day of archived/) is watched too, with what it already holds.
        if (name && event === 'rename') entryChanged(join(dir, name.toString()));
        else changed();
      });
    } catch {
      return; // gone already, or the system's watch limit reached: the folders watched so far still count
    }
    w.on('error', () => {
      // The folder went away: drop it; its parent (or the root) reports the change.
      w.close();
      folders.delete(dir);
      changed();
    });
    folders.set(dir, w);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) watchTree(join(dir, e.name));
  };

  const names = new Set<string>([...WATCHED_FILES, ...POST_ROOTS]);
  const rootWatcher = watch(archiveDir, (_event, name) => {
    const n = name?.toString();
    if (n === undefined || !names.has(n)) return;
    if ((POST_ROOTS as readonly string[]).includes(n)) entryChanged(join(archiveDir, n));
    else changed();
  });
  rootWatcher.on('error', () => undefined);
  for (const name of POST_ROOTS) watchTree(join(archiveDir, name));
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      rootWatcher.close();
      for (const w of folders.values()) w.close();
      folders.clear();
    },
  };
}
