import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Prefix of temp files; readers skip them and `removeTempFiles` removes leftovers of a killed run. */
export const TEMP_PREFIX = '.samizdat-tmp-';

// Unique per process without a random draw per file.
const RUN_TAG = `${process.pid}-${randomBytes(4).toString('hex')}`;
let counter = 0;

/** Size and modification time of a file just written, as the index records them. */
export interface WrittenFile {
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Writes a file so that it either appears whole or not at all: the data goes to a temp
 * file in the same folder (same file system, so rename is atomic), then takes its name.
 * A process killed at any point leaves at most a temp file, never a partial target.
 *
 * Synchronous on purpose: posts and pages are a few KB each, and the promise API costs
 * about four times the CPU of these system calls (measured on 20,000 posts).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  write(path, data, false);
}

/** writeFileAtomic, giving the size and mtime of the file written (the archive's index records them). */
export function writeFileAtomicStat(path: string, data: string | Uint8Array): WrittenFile {
  return write(path, data, true)!;
}

function write(path: string, data: string | Uint8Array, stat: boolean): WrittenFile | undefined {
  const dir = dirname(path);
  const temp = join(dir, `${TEMP_PREFIX}${RUN_TAG}-${++counter}`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (err) {
    // Create the folder only when missing: a mkdir per post costs more than the write.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dir, { recursive: true });
    fd = openSync(temp, 'wx');
  }
  try {
    let written: WrittenFile | undefined;
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
      if (stat) {
        const st = fstatSync(fd);
        written = { size: st.size, mtimeMs: st.mtimeMs };
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    return written;
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** Removes the temp files a run killed mid-write left in `dir` (and its subfolders with `recursive`); none when `dir` is missing. */
export function removeTempFiles(dir: string, o: { recursive?: boolean } = {}): void {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: o.recursive ?? false, encoding: 'utf8' });
  } catch {
    return;
  }
  for (const rel of names) if (basename(rel).startsWith(TEMP_PREFIX)) rmSync(join(dir, rel), { force: true });
}
