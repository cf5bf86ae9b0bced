import { parentPort } from 'node:worker_threads';
import { joinPaths, sharedStats, statShare, type PathsMessage } from './list-posts-alongside.js';
import { listPostPaths } from './list-posts.js';

/** Worker thread: walks an archive's post folders, then stats the files with the thread that asked (see list-posts-alongside.ts). */
parentPort?.once('message', (root: string) => {
  const skipped: string[] = [];
  const paths = listPostPaths(root, skipped);
  const shared = sharedStats(paths.length);
  parentPort!.postMessage({ paths: joinPaths(paths), skipped, shared } satisfies PathsMessage);
  statShare(root, paths, shared);
  parentPort!.postMessage('done');
});
