import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { VERSION } from '../../version.js';

let cached: string | undefined;

/**
 * A hash of the code that shapes pages (the theme and the generators, as installed), so a new
 * version of samizdat rebuilds every page even where no post changed.
 */
export function themeSignature(): string {
  if (cached) return cached;
  const hash = createHash('sha1').update(VERSION);
  for (const folder of ['../theme/', '../generators/']) {
    const dir = new URL(folder, import.meta.url);
    for (const name of readdirSync(dir).sort()) {
      if (/\.(js|ts)$/.test(name) && !name.endsWith('.test.ts')) hash.update(name).update(readFileSync(new URL(name, dir)));
    }
  }
  cached = hash.digest('hex');
  return cached;
}
