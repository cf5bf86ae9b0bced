import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { listPostFiles, type PostFile } from './list-posts.js';

const SCRIPT = new URL('./list-posts-worker.js', import.meta.url);

interface Listing {
  readonly paths: string[];
  readonly sizes: Float64Array;
  readonly mtimes: Float64Array;
  readonly skipped: string[];
}

/**
 * listPostFiles on a worker thread: a stat per post file is most of a large archive's listing,
 * and the caller can read its cache meanwhile. In this thread when the compiled worker is
 * absent (tests running the sources) or fails.
 */
export function listPostFilesAlongside(root: string): Promise<{ files: PostFile[]; skipped: string[] }> {
  const here = (): { files: PostFile[]; skipped: string[] } => {
    const skipped: string[] = [];
    return { files: listPostFiles(root, skipped), skipped };
  };
  if (!existsSync(fileURLToPath(SCRIPT))) return Promise.resolve(here());
  return new Promise<Listing>((resolve, reject) => {
    const worker = new Worker(SCRIPT);
    worker.once('message', (l: Listing) => {
      resolve(l);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`listing worker stopped (exit code ${code})`)));
    worker.postMessage(root);
  }).then(
    (l) => ({ files: l.paths.map((path, i) => ({ path, size: l.sizes[i]!, mtime: l.mtimes[i]! })), skipped: l.skipped }),
    () => here(),
  );
}
