import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Prefix of temp files; readers skip them and `cleanTempFiles` removes leftovers of a killed run. */
export const TEMP_PREFIX = '.samizdat-tmp-';

// Unique per process without a random draw per file.
const RUN_TAG = `${process.pid}-${randomBytes(4).toString('hex')}`;
let counter = 0;

/**
 * Write a file so that it either appears whole or not at all: the data goes to a temp
 * file in the same folder (same file system, so rename is atomic), then takes its name.
 * A process killed at any point leaves at most a temp file, never a partial target.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `${TEMP_PREFIX}${RUN_TAG}-${++counter}`);
  try {
    try {
      await writeFile(temp, data, { flag: 'wx' });
    } catch (err) {
      // Create the folder only when missing: a mkdir per post costs more than the write.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await mkdir(dir, { recursive: true });
      await writeFile(temp, data, { flag: 'wx' });
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
