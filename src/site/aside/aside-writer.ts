import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerAvailable } from '../../worker-threads.js';
import type { AsideInput, AsideJobInput, AsideJobName, AsideJobResult, AsideTaskName } from './aside-tasks.js';

const SCRIPT = new URL('./aside-worker.js', import.meta.url);

/** A task for the helper thread: make the files of `name` from `input`, write them at `paths` (absolute); or a job to run. */
export type AsideRequest<K extends AsideTaskName = AsideTaskName, J extends AsideJobName = AsideJobName> =
  | { readonly id: number; readonly name: K; readonly input: AsideInput<K>; readonly paths: readonly string[] }
  | { readonly id: number; readonly job: J; readonly input: AsideJobInput<J> };

/** A request before it is numbered. */
type Unnumbered<R> = R extends unknown ? Omit<R, 'id'> : never;

/** Done (with a job's result), or why not: `path` is the file that could not be written (absent when the task itself failed). */
export interface AsideReply {
  readonly id: number;
  readonly result?: unknown;
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
  job<K extends AsideJobName>(name: K, input: AsideJobInput<K>): Promise<AsideJobResult<K>>;
  close(): Promise<void>;
}

/** An AsideWriter, or undefined with one core or when no worker may start (see workerAvailable): the work is then done in the calling thread. */
export function asideWriter(): AsideWriter | undefined {
  if (availableParallelism() < 2 || !workerAvailable(SCRIPT)) return undefined;
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (result: unknown) => void; reject: (err: Error) => void }>();
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
      else pending?.resolve(reply.result);
    });
    w.once('error', failAll);
    w.once('exit', (code) => failAll(new Error(`the helper thread stopped (exit code ${code})`)));
    return w;
  };
  const send = <T>(request: Unnumbered<AsideRequest>): Promise<T> => {
    worker ??= start();
    const id = nextId++;
    const done = new Promise<T>((resolve, reject) => waiting.set(id, { resolve: resolve as (result: unknown) => void, reject }));
    worker.postMessage({ ...request, id });
    return done;
  };
  return {
    run: (name, input, paths) => send<void>({ name, input, paths }),
    job: (name, input) => send({ job: name, input }),
    async close() {
      await worker?.terminate();
    },
  };
}
