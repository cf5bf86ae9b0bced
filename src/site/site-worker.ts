import { parentPort } from 'node:worker_threads';
import { SamizdatError } from '../model/index.js';
import { GENERATORS } from './generators/index.js';
import { siteModel } from './post-content.js';
import { createSiteOutput, emptyRecord, previousOutputs } from './site-output.js';
import { presentedText } from './presented-text.js';
import type { PresentedMessage, WorkerJob, WorkerReply } from './run-alongside.js';
import { claimPage, handsOverText, type HandedMessage, type HandedText } from './shared-pages.js';
import type { PageQueue, SiteModel, SitePost } from './site-model.js';

/** Worker thread: runs one generator of a build alongside the main thread (see run-alongside.ts). */
parentPort?.once('message', (job: WorkerJob) => {
  void (async (): Promise<WorkerReply> => {
    try {
      const generator = GENERATORS.find((g) => g.name === job.generator);
      if (!generator) throw new SamizdatError('site', 'internal', `build: no generator named ${job.generator}`);
      const record = emptyRecord();
      const out = createSiteOutput(job.outRoot, previousOutputs(new Map(job.previous)), new Map(job.recalled), record);
      const model = siteModel(job.posts, job.settings, job.archiveDir);
      const presenting = job.shared ? sharedQueue(model, job.present, job.shared) : presentingModel(model, job.present);
      await generator.generate(presenting.model, out);
      await out.settled();
      return {
        ok: {
          current: [...record.current], memory: [...record.memory], skipped: record.skipped, warnings: record.warnings, claimed: record.claimed,
          written: record.written, unchanged: record.unchanged, removed: record.removed, presented: presenting.rest(),
        },
      };
    } catch (err) {
      return { error: err instanceof SamizdatError ? { stage: err.stage, code: err.code, message: err.message } : { stage: 'site', code: 'internal', message: String((err as Error)?.message ?? err) } };
    }
  })().then((reply) => parentPort!.postMessage(reply));
});

/** Texts handed over at once (fewer messages), unless the queue ran dry (the other thread may be waiting). */
const TEXT_BATCH = 16;

/**
 * The model with its post pages handed out by the queue both threads share (see shared-pages.ts):
 * each page's text goes to the main thread, with the content of the wanted posts (job.present).
 */
function sharedQueue(model: SiteModel, present: WorkerJob['present'], shared: NonNullable<WorkerJob['shared']>): { model: SiteModel; rest: () => Array<[string, string]> } {
  const counters = new Int32Array(shared.counters);
  const queue = [...model.posts].reverse();
  const wanted = new Map<SitePost, string>(present.map(([i, key]) => [model.posts[i]!, key]));
  const texts: HandedText[] = [];
  const presented: Array<[string, string]> = [];
  const flush = (): void => {
    if (texts.length || presented.length) shared.port.postMessage({ texts: texts.splice(0), presented: presented.splice(0) } satisfies HandedMessage);
  };
  const pageQueue: PageQueue = {
    next() {
      const j = claimPage(counters, queue.length);
      if (j !== undefined) return [j, queue[j]!];
      flush();
      return undefined;
    },
    made([j, p], html) {
      texts.push([j, html !== undefined && handsOverText(counters, j) ? presentedText(html) : null]);
      const key = wanted.get(p);
      if (key !== undefined && html !== undefined) presented.push([key, html]);
      if (texts.length >= TEXT_BATCH) flush();
    },
  };
  return {
    model: { ...model, pageQueue },
    // Everything goes on the queue's port, the last texts and content too: nothing is left for the reply.
    rest: () => {
      flush();
      shared.port.close();
      return [];
    },
  };
}

/**
 * The model with the wanted posts first (job.present): their content is handed over in one
 * message once each was made, or once the pages moved on to other posts and none of the wanted
 * is still being made (a wanted page that was fresh is not rendered); later ones go with the reply.
 */
function presentingModel(model: SiteModel, present: WorkerJob['present']): { model: SiteModel; rest: () => Array<[string, string]> } {
  const wanted = new Map<SitePost, string>(present.map(([i, key]) => [model.posts[i]!, key]));
  const handed: Array<[string, string]> = [];
  if (wanted.size === 0) return { model, rest: () => handed };
  let left = wanted.size;
  let making = 0;
  let movedOn = false;
  let sent = false;
  const sendWhenDone = (): void => {
    if (sent || (left > 0 && (!movedOn || making > 0))) return;
    sent = true;
    parentPort!.postMessage({ presented: handed.splice(0) } satisfies PresentedMessage);
  };
  return {
    model: {
      ...model,
      first: new Set(wanted.keys()),
      async html(p) {
        const key = wanted.get(p);
        if (key === undefined) {
          movedOn = true;
          sendWhenDone();
          return model.html(p);
        }
        making++;
        try {
          const html = await model.html(p);
          handed.push([key, html]);
          left--;
          return html;
        } finally {
          making--;
          sendWhenDone();
        }
      },
    },
    rest: () => handed,
  };
}
