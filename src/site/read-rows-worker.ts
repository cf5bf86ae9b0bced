import { parentPort } from 'node:worker_threads';
import type { PostRow } from './post-row.js';
import { readShare, type RowsJobMessage } from './read-rows-alongside.js';

/** Worker thread: reads post files with the thread that asked, chunk by chunk (see read-rows-alongside.ts). */
parentPort?.once('message', (m: RowsJobMessage) => {
  const rows = new Map<number, PostRow>();
  readShare(m, (i, row) => rows.set(i, row));
  parentPort!.postMessage(rows);
});
