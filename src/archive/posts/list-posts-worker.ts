import { parentPort } from 'node:worker_threads';
import { listPostFiles } from './list-posts.js';

/** Worker thread: lists an archive's post files (see list-posts-alongside.ts). */
parentPort?.once('message', (root: string) => {
  const skipped: string[] = [];
  const files = listPostFiles(root, skipped);
  // Columns clone faster than 100,000 small objects.
  const sizes = new Float64Array(files.length);
  const mtimes = new Float64Array(files.length);
  files.forEach((f, i) => {
    sizes[i] = f.size;
    mtimes[i] = f.mtime;
  });
  parentPort!.postMessage({ paths: files.map((f) => f.path), sizes, mtimes, skipped }, [sizes.buffer, mtimes.buffer]);
});
