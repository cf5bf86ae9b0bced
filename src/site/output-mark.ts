import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../archive/atomic-write.js';

/**
 * The mark of the build that last changed an output folder: a file in the folder, whose id the
 * site cache keeps with its record of the folder. A folder with another mark (restored from an
 * older deploy, copied back, built by another samizdat) is not what the record describes: its
 * next build checks every page instead of trusting the record.
 */
export const MARK_FILE = '.samizdat-build';

export function readMark(outRoot: string): string | undefined {
  try {
    return readFileSync(join(outRoot, MARK_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Writes a mark (whole or not at all), a new one unless `id` is given, and returns its id. */
export function writeMark(outRoot: string, id: string = randomUUID()): string {
  writeFileAtomic(join(outRoot, MARK_FILE), `${id}\n`);
  return id;
}

/**
 * Takes the mark away while a build changes the folder: a build cut short (killed, a full disk)
 * leaves a folder with no mark, which the next build does not trust. Its pages may already show
 * changes that were undone before that build.
 */
export function dropMark(outRoot: string): void {
  rmSync(join(outRoot, MARK_FILE), { force: true });
}
