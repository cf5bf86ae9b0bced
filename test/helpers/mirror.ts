import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh mirror folder with the given subscriptions. */
export function makeMirror(subs: ReadonlyArray<Record<string, unknown>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-mirror-'));
  writeFileSync(join(dir, 'subs.json'), JSON.stringify(subs, null, 2));
  return dir;
}

export function postNames(dir: string): string[] {
  try {
    return readdirSync(join(dir, '_posts')).sort();
  } catch {
    return [];
  }
}

export function readPostFile(dir: string, name: string): string {
  return readFileSync(join(dir, '_posts', name), 'utf8');
}
