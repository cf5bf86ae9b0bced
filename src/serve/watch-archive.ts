import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { POST_ROOTS } from '../archive/posts/list-posts.js';

/** Files of the archive root a build reads besides the posts. */
export const WATCHED_FILES = ['_config.yml', 'about.md'] as const;

export interface ArchiveWatcher {
  close(): void;
}

/**
 * Calls `onChange` once things have been quiet for `debounceMs` after any change to the posts
 * (`_posts/`, `archived/`, recursively) or to `_config.yml` / `about.md`. The archive root is
 * watched rather than the files themselves: editors and atomic writes replace a file by a new
 * one, which a watch on the old file would miss. The output folder and the state folder are
 * not watched, so a build does not trigger itself. A post folder created later is picked up.
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
  const watchFolder = (name: string): void => {
    const dir = join(archiveDir, name);
    if (folders.has(name) || !existsSync(dir)) return;
    try {
      const w = watch(dir, { recursive: true }, changed);
      w.on('error', () => {
        // The folder went away (renamed or deleted): watch it again if it comes back.
        w.close();
        folders.delete(name);
        changed();
      });
      folders.set(name, w);
    } catch {
      // Vanished between the check and the watch: the root watcher sees it come back.
    }
  };
  const names = new Set<string>([...WATCHED_FILES, ...POST_ROOTS]);
  const rootWatcher = watch(archiveDir, (_event, name) => {
    const n = name?.toString();
    if (n === undefined || !names.has(n)) return;
    if ((POST_ROOTS as readonly string[]).includes(n)) watchFolder(n);
    changed();
  });
  rootWatcher.on('error', () => undefined);
  for (const name of POST_ROOTS) watchFolder(name);
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
