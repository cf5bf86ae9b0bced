import { parentPort } from 'node:worker_threads';
import { errorPath, runAsideJob, runAsideTask } from './aside-tasks.js';
import type { AsideReply, AsideRequest } from './aside-writer.js';
import { writeOutputFile } from '../staged-output.js';

/** Helper thread: makes and writes the files of each task or job it is sent, in turn (see aside-writer.ts). */
parentPort?.on('message', (request: AsideRequest) => {
  let reply: AsideReply;
  let path: string | undefined;
  try {
    if ('job' in request) reply = { id: request.id, result: runAsideJob(request.job, request.input) };
    else {
      const data = runAsideTask(request.name, request.input);
      request.paths.forEach((p, i) => {
        path = p;
        writeOutputFile(p, data[i]!);
      });
      reply = { id: request.id };
    }
  } catch (err) {
    // A job names the file it could not write itself.
    path ??= errorPath(err);
    reply = { id: request.id, error: { ...(path ? { path } : {}), message: String((err as Error)?.message ?? err).split('\n')[0]! } };
  }
  parentPort!.postMessage(reply);
});
