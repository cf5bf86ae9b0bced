import { constants } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TEMP_PREFIX } from '../atomic-write.js';

let counter = 0;

/**
 * Copies a file so that the target appears whole or not at all (temp file in the target's
 * folder, then rename), byte for byte, without reading it into memory: a legacy archive may
 * hold a 100 MB post.
 */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  const dir = dirname(to);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `${TEMP_PREFIX}copy-${process.pid}-${++counter}`);
  try {
    await copyFile(from, temp, constants.COPYFILE_EXCL);
    await rename(temp, to);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
