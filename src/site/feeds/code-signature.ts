import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * A hash of the code that shapes the feeds (this folder and the source folder names), so a new
 * feed writer rewrites feeds whose posts did not change; the build's theme signature covers only
 * the theme and the generators.
 */
export function feedsCodeSignature(): string {
  if (cached) return cached;
  const hash = createHash('sha1');
  const dir = new URL('./', import.meta.url);
  for (const name of readdirSync(dir).sort()) {
    if (/\.(js|ts)$/.test(name) && !name.endsWith('.test.ts')) hash.update(name).update(readFileSync(new URL(name, dir)));
  }
  for (const file of ['../source-path.js', '../source-path.ts']) {
    try {
      hash.update(readFileSync(new URL(file, import.meta.url)));
    } catch {
      // Only one of the two exists (compiled or run from source).
    }
  }
  cached = hash.digest('hex');
  return cached;
}
