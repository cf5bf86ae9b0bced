import { lstatSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { writeFileAtomic } from '../atomic-write.js';
import { insideArchive } from '../import/inside-archive.js';
import type { FixAction } from './plan-fixes.js';

export interface FixResult {
  /** Posts whose content was written anew. */
  readonly rewritten: number;
  readonly renamed: number;
  /** Actions that could not be applied, as `path: why`. */
  readonly failed: readonly string[];
}

/**
 * Applies a fix plan. Each post is first rewritten in place (temp file + rename), then
 * renamed (one rename): a kill at any moment leaves every file either old or new, and a
 * rerun finds what is left — a rewritten file that still has its bad name already carries
 * its `permalink:`, so the rename keeps its URL.
 */
export async function applyFixes(root: string, actions: readonly FixAction[], onAction?: (done: number) => void): Promise<FixResult> {
  let rewritten = 0;
  let renamed = 0;
  const failed: string[] = [];
  let done = 0;
  for (const a of actions) {
    try {
      const file = insideArchive(root, a.path);
      if (a.rewrite) {
        writeFileAtomic(file, a.text);
        rewritten++;
      }
      if (a.newPath) {
        const target = insideArchive(root, a.newPath);
        if (exists(target)) throw new Error(`${a.newPath} exists`);
        await rename(file, target);
        renamed++;
      }
    } catch (err) {
      failed.push(`${a.path}: ${(err as Error).message.split('\n')[0]}`);
    }
    onAction?.(++done);
  }
  return { rewritten, renamed, failed };
}

/** Removes temp files a killed writer left (ours by their prefix). */
export function removeTempFiles(root: string, paths: readonly string[]): number {
  let n = 0;
  for (const p of paths) {
    try {
      rmSync(insideArchive(root, p), { force: true });
      n++;
    } catch {
      // a path we refuse to touch stays
    }
  }
  return n;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
