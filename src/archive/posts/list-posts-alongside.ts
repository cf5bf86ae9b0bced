import { Worker } from 'node:worker_threads';
import { forEachClaimed, workerAvailable } from '../../worker-threads.js';
import { listPostFiles, statPost, type PostFile } from './list-posts.js';

const SCRIPT = new URL('./list-posts-worker.js', import.meta.url);
/** Files stat'ed per claim: small enough to share the end of the list evenly. */
const CHUNK = 256;

/**
 * What the worker sends once it has walked the folders: the paths, and the memory both threads
 * stat into. The paths go as one string, NUL-separated (no file name holds a NUL): copying 100k
 * strings to another thread took longer than the stat of 20k files.
 */
export interface PathsMessage {
  readonly paths: string;
  readonly skipped: string[];
  readonly shared: SharedArrayBuffer;
}

/** The stat results of `count` files in shared memory: the next index to claim, then sizes (−1: gone) and mtimes. */
export function sharedStats(count: number): SharedArrayBuffer {
  return new SharedArrayBuffer(8 + 16 * count);
}

/**
 * Stats listed posts, a chunk at a time, until none is left to claim: the worker and the
 * thread that asked both run it, each writing its own chunks.
 */
export function statShare(root: string, paths: readonly string[], shared: SharedArrayBuffer): void {
  const sizes = new Float64Array(shared, 8, paths.length);
  const mtimes = new Float64Array(shared, 8 + 8 * paths.length, paths.length);
  forEachClaimed(new Int32Array(shared, 0, 1), paths.length, CHUNK, (i) => {
    const st = statPost(root, paths[i]!);
    sizes[i] = st ? st.size : -1;
    mtimes[i] = st ? st.mtime : 0;
  });
}

/** The paths of a PathsMessage. */
export const joinPaths = (paths: readonly string[]): string => paths.join('\u0000');
export const splitPaths = (joined: string): string[] => (joined === '' ? [] : joined.split('\u0000'));

/** The post files of an archive, and the files skipped (`path: reason`). */
export interface PostListing {
  readonly files: PostFile[];
  readonly skipped: string[];
}

/**
 * listPostFiles with a worker thread: it walks the folders while the caller does other work
 * (reads its cache); the stat of every file, most of a large archive's listing, is shared
 * by both threads once the caller awaits. In this thread when no worker may start (see
 * workerAvailable) or it fails. Aborting `signal` stops the worker; the listing then rejects.
 */
export function listPostFilesAlongside(root: string, signal?: AbortSignal): Promise<PostListing> {
  const here = (): PostListing => {
    const skipped: string[] = [];
    return { files: listPostFiles(root, skipped), skipped };
  };
  if (!workerAvailable(SCRIPT)) return Promise.resolve(here());
  return new Promise<PostListing>((resolve, reject) => {
    const worker = new Worker(SCRIPT);
    // A caller that will not use the listing (its build stopped early) stops the walk.
    signal?.addEventListener('abort', () => void worker.terminate(), { once: true });
    let listed: { paths: readonly string[]; skipped: string[]; shared: SharedArrayBuffer } | undefined;
    worker.on('message', (m: PathsMessage | 'done') => {
      if (m !== 'done') {
        listed = { paths: splitPaths(m.paths), skipped: m.skipped, shared: m.shared };
        statShare(root, listed.paths, m.shared);
        return;
      }
      void worker.terminate();
      if (!listed) return reject(new Error('listing worker finished without a listing'));
      const { paths, shared, skipped } = listed;
      const sizes = new Float64Array(shared, 8, paths.length);
      const mtimes = new Float64Array(shared, 8 + 8 * paths.length, paths.length);
      const files: PostFile[] = [];
      paths.forEach((path, i) => {
        if (sizes[i]! >= 0) files.push({ path, size: sizes[i]!, mtime: mtimes[i]! });
      });
      resolve({ files, skipped });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`listing worker stopped (exit code ${code})`)));
    worker.postMessage(root);
  }).catch(() => {
    if (signal?.aborted) throw signal.reason;
    return here();
  });
}
