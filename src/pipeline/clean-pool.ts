import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerAvailable } from '../worker-threads.js';
import { SamizdatError } from '../model/index.js';
import { parseAndClean, type CleanInput, type CleanOutput } from './parse-and-clean.js';

export interface CleanPool {
  clean(input: CleanInput): Promise<CleanOutput>;
  close(): Promise<void>;
}

type Reply = { id: number; ok?: CleanOutput; error?: { stage: string; code: string; message: string } };

/**
 * Parsing and cleaning take most of a cold run's CPU while the main thread waits on the
 * network and the disk: spread them over worker threads, one per core beyond the first.
 * With one core, or when no worker may start (see workerAvailable), the work runs in the
 * main thread — same code, same results.
 */
export function createCleanPool(size = Math.min(4, availableParallelism() - 1)): CleanPool {
  const script = new URL('./clean-worker.js', import.meta.url);
  if (size < 1 || !workerAvailable(script)) {
    return { clean: async (input) => parseAndClean(input), close: async () => {} };
  }
  const workers = Array.from({ length: size }, () => new Worker(script));
  const pending = new Map<number, { resolve: (o: CleanOutput) => void; reject: (e: Error) => void }>();
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let nextId = 0;
  for (const w of workers) {
    w.on('message', (r: Reply) => {
      load.set(w, load.get(w)! - 1);
      const p = pending.get(r.id);
      pending.delete(r.id);
      if (!p) return;
      if (r.ok) p.resolve(r.ok);
      else p.reject(new SamizdatError(r.error!.stage, r.error!.code, r.error!.message));
    });
    w.on('error', (err) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  }
  return {
    clean(input) {
      // The least busy worker takes the feed.
      const w = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
      load.set(w, load.get(w)! + 1);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, input });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
