import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../archive/atomic-write.js';
import { formatSubscriptions } from '../config/save-subscriptions.js';
import { UsageError } from '../model/index.js';
import { EXAMPLE_SUBS, GITIGNORE, SITE_CONFIG, WORKFLOW } from './templates.js';

/** The files of a new mirror, relative to its folder, in the order they are written. */
export const MIRROR_FILES: ReadonlyArray<readonly [path: string, content: string]> = [
  ['subs.json', formatSubscriptions(EXAMPLE_SUBS, true)],
  ['_config.yml', SITE_CONFIG],
  ['.gitignore', GITIGNORE],
  ['_posts/.gitkeep', ''],
  ['.github/workflows/samizdat.yml', WORKFLOW],
];

/**
 * Creates a new mirror in `dir` (made if missing) and returns the files written, relative to it.
 * Checks every file first, so a refusal writes nothing: an existing file is a UsageError naming it,
 * unless `force`. Each file is written atomically.
 */
export async function initMirror(dir: string, { force = false } = {}): Promise<string[]> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`init: ${dir} exists and is not a folder`);
  if (!force) {
    const existing = MIRROR_FILES.map(([p]) => p).filter((p) => existsSync(join(dir, p)));
    if (existing.length) {
      const more = existing.length > 1 ? ` (and ${existing.slice(1).join(', ')})` : '';
      throw new UsageError(`init: ${join(dir, existing[0]!)} already exists${more}; nothing written (--force overwrites)`, 'exists');
    }
  }
  mkdirSync(dir, { recursive: true });
  for (const [path, content] of MIRROR_FILES) writeFileAtomic(join(dir, path), content);
  return MIRROR_FILES.map(([p]) => p);
}
