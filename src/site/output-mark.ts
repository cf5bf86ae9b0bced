import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

/** Writes a new mark (whole or not at all) and returns its id. */
export function writeMark(outRoot: string): string {
  const id = randomUUID();
  writeFileAtomic(join(outRoot, MARK_FILE), `${id}\n`);
  return id;
}
