import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { workerAvailable } from '../worker-threads.js';
import { SamizdatError } from '../model/index.js';
import type { Generator, SiteModel, SitePost } from './site-model.js';
import type { SharedPages } from './shared-pages.js';
import type { OutputRecord, PreviousOutputs } from './site-output.js';

export interface WorkerJob {
  readonly generator: string;
  readonly outRoot: string;
  readonly archiveDir: string;
  readonly posts: SiteModel['posts'];
  readonly settings: SiteModel['settings'];
  readonly previous: ReadonlyArray<readonly [string, string]>;
  readonly recalled: ReadonlyArray<readonly [string, string]>;
  /** Posts (by index) whose content the main thread wants, with the memo key it goes under: rendered first, handed over. */
  readonly present: ReadonlyArray<readonly [number, string]>;
  /** A page queue shared with the main thread (see shared-pages.ts): pages are claimed with its counters, texts handed over on its port. */
  readonly shared?: { readonly counters: SharedArrayBuffer; readonly port: MessagePort };
}

/** Memo key → content of posts the main thread wanted (see Generator.presented). */
export interface PresentedMessage {
  readonly presented: Array<[string, string]>;
}

export type WorkerReply =
  | { readonly ok: { current: Array<[string, string]>; memory: Array<[string, string]>; skipped: string[]; warnings: string[]; claimed: string[]; written: number; unchanged: number; removed: number } & PresentedMessage }
  | { readonly error: { stage: string; code: string; message: string } };

/** Posts whose content the main thread wants from the worker, and what to do with it. */
export interface Presenting {
  readonly keys: ReadonlyMap<SitePost, string>;
  take(presented: ReadonlyArray<readonly [string, string]>): void;
}

const SCRIPT = new URL('./site-worker.js', import.meta.url);

/**
 * True when generators marked `alongside` can run on a worker thread: more than one core,
 * and a worker may start (see workerAvailable).
 */
export function canRunAlongside(): boolean {
  return availableParallelism() > 1 && workerAvailable(SCRIPT);
}

/**
 * The old generation a worker may grow to. Without a limit V8 sized it to the machine (GBs) and
 * let garbage pile up: at 100k posts the post-page thread's heap reached ~500 MB and the build
 * peaked at 1.59 GB; with 1 GB it collects sooner (peak 1.12–1.41 GB), and a limit of 300 MB
 * still built that site. 10 MB per 1,000 posts, 1 GB at least, keeps a wide margin.
 */
const workerHeapMb = (posts: number): number => Math.max(1024, Math.ceil(posts / 100));

/**
 * Runs one generator on a worker thread while the main thread runs the others, then merges
 * what it wrote into the build's record. `stop()` ends the thread (the build failed).
 * `presenting`: posts whose content the thread renders first and hands over; `handedOver`
 * settles when it did (or when the thread ended), whatever it managed to hand over.
 */
export function runAlongside(
  g: Generator, model: SiteModel, outRoot: string, previous: PreviousOutputs, recalled: ReadonlyMap<string, string>, record: OutputRecord,
  presenting?: Presenting, shared?: SharedPages,
): { done: Promise<void>; handedOver: Promise<void>; stop: () => Promise<void> } {
  const worker = new Worker(SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(model.posts.length) } });
  const present: Array<[number, string]> = [];
  if (presenting?.keys.size) {
    model.posts.forEach((p, i) => {
      const key = presenting.keys.get(p);
      if (key !== undefined) present.push([i, key]);
    });
  }
  const job: WorkerJob = {
    generator: g.name, outRoot, archiveDir: model.archiveDir ?? '', posts: model.posts, settings: model.settings,
    previous: g.outputs ? Array.from(g.outputs(model), (rel) => [rel, previous.get(rel)] as const).filter((e): e is readonly [string, string] => e[1] !== undefined) : [...previous.entries()],
    recalled: [...recalled], present, ...(shared ? { shared: { counters: shared.counters.buffer as SharedArrayBuffer, port: shared.otherPort } } : {}),
  };
  let handed!: () => void;
  const handedOver = new Promise<void>((resolve) => (handed = resolve));
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: WorkerReply | PresentedMessage) => {
      if ('presented' in reply) {
        presenting?.take(reply.presented);
        handed();
        return;
      }
      if ('error' in reply) {
        reject(new SamizdatError(reply.error.stage, reply.error.code, reply.error.message));
        return;
      }
      const r = reply.ok;
      presenting?.take(r.presented);
      for (const [rel, sig] of r.current) record.current.set(rel, sig);
      for (const [key, value] of r.memory) record.memory.set(key, value);
      record.skipped.push(...r.skipped);
      record.warnings.push(...r.warnings);
      record.claimed.push(...r.claimed);
      record.written += r.written;
      record.unchanged += r.unchanged;
      record.removed += r.removed;
      resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new SamizdatError('site', 'internal', `build: the ${g.name} worker stopped (exit code ${code})`)));
  }).finally(() => {
    handed();
    void worker.terminate();
  });
  // Whoever waits for a text of the thread's pages fails with it (a clean end hands every text over first).
  done.then(() => shared?.finished(), (err: unknown) => shared?.fail(err));
  worker.postMessage(job, shared ? [shared.otherPort] : []);
  return { done, handedOver, stop: async () => void (await worker.terminate()) };
}
