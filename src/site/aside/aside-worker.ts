import { parentPort } from 'node:worker_threads';
import { writeFileAtomic } from '../../archive/atomic-write.js';
import { runAsideTask } from './aside-tasks.js';
import type { AsideReply, AsideRequest } from './aside-writer.js';

/** Helper thread: makes and writes the files of each task it is sent, in turn (see aside-writer.ts). */
parentPort?.on('message', ({ id, name, input, paths }: AsideRequest) => {
  let reply: AsideReply;
  let path: string | undefined;
  try {
    const data = runAsideTask(name, input);
    paths.forEach((p, i) => {
      path = p;
      writeFileAtomic(p, data[i]!);
    });
    reply = { id };
  } catch (err) {
    reply = { id, error: { ...(path ? { path } : {}), message: String((err as Error)?.message ?? err).split('\n')[0]! } };
  }
  parentPort!.postMessage(reply);
});
