import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../archive/atomic-write.js';
import { UsageError, type Subscription } from '../model/index.js';
import { DEMO_DIR } from './demo-feeds.js';

/**
 * Makes `dir` a mirror of the demo feeds: the demo's `_config.yml` and a `subs.json` naming
 * the local feed server. Refuses a folder that holds anything else, so `--out` can never mix
 * the demo into a real mirror.
 */
export async function prepareDemoMirror(dir: string, subs: readonly Subscription[]): Promise<void> {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new UsageError(`demo: ${dir} is not empty; give a new or empty folder`);
  }
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(DEMO_DIR, '_config.yml'), join(dir, '_config.yml'));
  writeFileAtomic(join(dir, 'subs.json'), `${JSON.stringify(subs, null, 2)}\n`);
}
