import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerAvailable } from '../../worker-threads.js';
import type { AsideInput, AsideTaskName } from './aside-tasks.js';

const SCRIPT = new URL('./aside-worker.js', import.meta.url);

/** A task for the helper thread: make the files of `name` from `input`, write them at `paths` (absolute). */
export interface AsideRequest<K extends AsideTaskName = AsideTaskName> {
  readonly id: number;
  readonly name: K;
  readonly input: AsideInput<K>;
  readonly paths: readonly string[];
}

/** Done, or why not: `path` is the file that could not be written (absent when the task itself failed). */
export interface AsideReply {
  readonly id: number;
  readonly error?: { readonly path?: string; readonly message: string };
}

/** Why a task failed, as the helper thread said. */
export class AsideError extends Error {
  constructor(readonly path: string | undefined, message: string) {
    super(message);
  }
}

/**
 * A helper thread that makes and writes files while the build goes on: an incremental build
 * leaves the second core idle, and rewriting the feeds of a few sources (megabytes of content,
 * three formats) was a fifth of its time. Started on first use; `close` ends it.
 */
export interface AsideWriter {
  run<K extends AsideTaskName>(name: K, input: AsideInput<K>, paths: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** An AsideWriter, or undefined with one core or when no worker may start (see workerAvailable): the work is then done in the calling thread. */
export function asideWriter(): AsideWriter | undefined {
  if (availableParallelism() < 2 || !workerAvailable(SCRIPT)) return undefined;
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  const failAll = (err: Error): void => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const start = (): Worker => {
    const w = new Worker(SCRIPT);
    w.on('message', (reply: AsideReply) => {
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.error) pending?.reject(new AsideError(reply.error.path, reply.error.message));
      else pending?.resolve();
    });
    w.once('error', failAll);
    w.once('exit', (code) => failAll(new Error(`the helper thread stopped (exit code ${code})`)));
    return w;
  };
  return {
    run(name, input, paths) {
      worker ??= start();
      const id = nextId++;
      const done = new Promise<void>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.postMessage({ id, name, input, paths } satisfies AsideRequest<typeof name>);
      return done;
    },
    async close() {
      await worker?.terminate();
    },
  };
}
