import { parentPort } from 'node:worker_threads';
import { SamizdatError } from '../model/index.js';
import { parseAndClean, type CleanInput } from './parse-and-clean.js';

/** Worker thread: parse + clean feeds sent by the pool (see clean-pool.ts). */
parentPort?.on('message', (msg: { id: number; input: CleanInput }) => {
  try {
    parentPort!.postMessage({ id: msg.id, ok: parseAndClean(msg.input) });
  } catch (err) {
    const e = err instanceof SamizdatError ? { stage: err.stage, code: err.code, message: err.message } : { stage: 'feed', code: 'internal', message: String((err as Error)?.message ?? err) };
    parentPort!.postMessage({ id: msg.id, error: e });
  }
});
