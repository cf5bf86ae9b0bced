import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { STATE_DIR } from '../../archive/state-dir.js';

/**
 * Where the site cache lives in an archive, apart from the cache's code (which loads SQLite):
 * the build command starts reading the document of post rows while the build's code loads.
 */
export const siteCacheFile = (archiveDir: string): string => join(archiveDir, STATE_DIR, 'site-cache.db');

/** The document of every post file's row, beside the database (see SiteCache.posts). */
export const postsDocumentFile = (cacheFile: string): string => join(dirname(cacheFile), `${basename(cacheFile, '.db')}-posts.v8`);

/** The document of post rows as earlier versions wrote it (JSON in UTF-16): removed when a new one is written. */
export const legacyPostsDocumentFile = (cacheFile: string): string => join(dirname(cacheFile), `${basename(cacheFile, '.db')}-posts.utf16`);

/** Starts reading the document of post rows (undefined when there is none), for SiteCache.posts. */
export function readPostsDocument(archiveDir: string): Promise<Buffer | undefined> {
  return readFile(postsDocumentFile(siteCacheFile(archiveDir))).catch(() => undefined);
}
