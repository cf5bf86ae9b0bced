import { parentPort } from 'node:worker_threads';
import { SamizdatError } from '../model/index.js';
import { GENERATORS } from './generators/index.js';
import { siteModel } from './post-content.js';
import { createSiteOutput, emptyRecord, previousOutputs } from './site-output.js';
import type { WorkerJob, WorkerReply } from './run-alongside.js';

/** Worker thread: runs one generator of a build alongside the main thread (see run-alongside.ts). */
parentPort?.once('message', (job: WorkerJob) => {
  void (async (): Promise<WorkerReply> => {
    try {
      const generator = GENERATORS.find((g) => g.name === job.generator);
      if (!generator) throw new SamizdatError('site', 'internal', `build: no generator named ${job.generator}`);
      const record = emptyRecord();
      const out = createSiteOutput(job.outRoot, previousOutputs(new Map(job.previous)), new Map(job.recalled), record);
      await generator.generate(siteModel(job.posts, job.settings, job.archiveDir), out);
      return {
        ok: {
          current: [...record.current], memory: [...record.memory], skipped: record.skipped, warnings: record.warnings, claimed: record.claimed,
          written: record.written, unchanged: record.unchanged, removed: record.removed,
        },
      };
    } catch (err) {
      return { error: err instanceof SamizdatError ? { stage: err.stage, code: err.code, message: err.message } : { stage: 'site', code: 'internal', message: String((err as Error)?.message ?? err) } };
    }
  })().then((reply) => parentPort!.postMessage(reply));
});
