import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { forEachClaimed, workerAvailable } from '../worker-threads.js';
import type { PostRow } from './post-row.js';
import { readRow, type ReadOptions } from './read-row.js';

const SCRIPT = new URL('./read-rows-worker.js', import.meta.url);
/** Files read per claim: small enough to share the end of the list evenly. */
const CHUNK = 32;
/** Below this many files a worker thread costs more (its start, its modules) than it saves. */
export const ALONGSIDE_MIN = 500;

/** A file to read: its path and the stamp its row gets. */
export type RowJob = readonly [path: string, stamp: string];

/** What the worker is sent: the files, the options, and the counter both threads claim chunks from. */
export interface RowsJobMessage {
  readonly archiveDir: string;
  readonly jobs: readonly RowJob[];
  readonly options: ReadOptions;
  readonly next: SharedArrayBuffer;
}

/** Reads the files of the chunks this thread claims, until none is left, giving each row with its job's index. */
export function readShare(m: RowsJobMessage, got: (i: number, row: PostRow) => void): void {
  forEachClaimed(new Int32Array(m.next), m.jobs.length, CHUNK, (i) => got(i, readRow(m.archiveDir, m.jobs[i]![0], m.jobs[i]![1], m.options)));
}

/**
 * Reads post files into rows, in the order given. Many files (a first build, a new version of
 * samizdat, a new permalink): a worker thread reads and parses some while this thread does the
 * rest, both claiming chunks from one counter. In this thread alone for a few files, with one
 * core, without a worker (see workerAvailable), or if it fails.
 */
export async function readRowsAlongside(archiveDir: string, jobs: readonly RowJob[], options: ReadOptions): Promise<PostRow[]> {
  const rows: PostRow[] = new Array<PostRow>(jobs.length);
  const message: RowsJobMessage = { archiveDir, jobs, options: { template: options.template, timeZone: options.timeZone }, next: new SharedArrayBuffer(4) };
  if (jobs.length >= ALONGSIDE_MIN && availableParallelism() > 1 && workerAvailable(SCRIPT)) {
    const worker = new Worker(SCRIPT);
    const theirs = new Promise<Map<number, PostRow>>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`post reading worker stopped (exit code ${code})`)));
    });
    worker.postMessage(message);
    readShare(message, (i, row) => (rows[i] = row));
    try {
      for (const [i, row] of await theirs) rows[i] = row;
    } catch {
      // The worker's chunks are read again here.
    } finally {
      void worker.terminate();
    }
  } else readShare(message, (i, row) => (rows[i] = row));
  for (let i = 0; i < jobs.length; i++) rows[i] ??= readRow(archiveDir, jobs[i]![0], jobs[i]![1], options);
  return rows;
}
