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

/**
 * Writes a file in place, not atomically: a process killed mid-write leaves part of it. Only for
 * files no reader can see yet (inside a folder that appears whole when renamed into place).
 */
export function writeFileDirect(path: string, data: string | Uint8Array): void {
  const fd = openCreatingFolder(path, 'w');
  try {
    writeAll(fd, data);
  } finally {
    closeSync(fd);
  }
}

/** Opens `path`, creating its folder only when missing: a mkdir per post costs more than the write. */
function openCreatingFolder(path: string, flags: string): number {
  try {
    return openSync(path, flags);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, flags);
  }
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
}

function write(path: string, data: string | Uint8Array, stat: boolean): WrittenFile | undefined {
  const temp = join(dirname(path), `${TEMP_PREFIX}${RUN_TAG}-${++counter}`);
  const fd = openCreatingFolder(temp, 'wx');
  try {
    let written: WrittenFile | undefined;
    try {
      writeAll(fd, data);
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
