import { parentPort } from 'node:worker_threads';
import { SamizdatError } from '../model/index.js';
import { GENERATORS } from './generators/index.js';
import { siteModel } from './post-content.js';
import { createSiteOutput, emptyRecord, previousOutputs } from './site-output.js';
import type { PresentedMessage, WorkerJob, WorkerReply } from './run-alongside.js';
import type { SiteModel, SitePost } from './site-model.js';

/** Worker thread: runs one generator of a build alongside the main thread (see run-alongside.ts). */
parentPort?.once('message', (job: WorkerJob) => {
  void (async (): Promise<WorkerReply> => {
    try {
      const generator = GENERATORS.find((g) => g.name === job.generator);
      if (!generator) throw new SamizdatError('site', 'internal', `build: no generator named ${job.generator}`);
      const record = emptyRecord();
      const out = createSiteOutput(job.outRoot, previousOutputs(new Map(job.previous)), new Map(job.recalled), record);
      const presenting = presentingModel(siteModel(job.posts, job.settings, job.archiveDir), job.present);
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
