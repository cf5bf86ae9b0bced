import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * True when a worker thread may be started from `script`: its compiled file is there (tests
 * running the sources have none, and do the work in the calling thread: same code, same
 * results) and `SAMIZDAT_WORKERS=0` does not keep every run on one thread.
 */
export function workerAvailable(script: URL): boolean {
  return process.env.SAMIZDAT_WORKERS !== '0' && existsSync(fileURLToPath(script));
}

/**
 * Calls `each` for the items 0…count-1 of the chunks of `chunk` items this thread claims from
 * `next` (a counter in shared memory), until none is left: threads running it on one counter
 * share a list, each taking more while it has time.
 */
export function forEachClaimed(next: Int32Array, count: number, chunk: number, each: (i: number) => void): void {
  for (;;) {
    const from = Atomics.add(next, 0, chunk);
    if (from >= count) return;
    for (let i = from; i < Math.min(from + chunk, count); i++) each(i);
  }
}
