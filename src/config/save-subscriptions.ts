import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../archive/atomic-write.js';
import { loadSubscriptions } from './load-subscriptions.js';

/** One entry of subs.json as written, extra keys included (they are kept on rewrite). */
export type SubsEntry = Readonly<Record<string, unknown>>;

export interface SubsFile {
  readonly file: string;
  readonly exists: boolean;
  readonly entries: readonly SubsEntry[];
  /** The file keeps each entry on one line (as the legacy mirrors and `init` write it): rewrite it so. */
  readonly oneLinePerEntry: boolean;
}

/**
 * Reads subs.json for editing: validated first by `loadSubscriptions` (a broken file is never
 * rewritten), then kept as raw entries so keys samizdat does not know survive. A missing file
 * is an empty list.
 */
export function readSubsFile(file: string): SubsFile {
  if (!existsSync(file)) return { file, exists: false, entries: [], oneLinePerEntry: true };
  loadSubscriptions(file);
  const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  const entries = JSON.parse(text) as SubsEntry[];
  const lines = text.trim().split('\n').filter((l) => l.trim() !== '');
  return { file, exists: true, entries, oneLinePerEntry: entries.length === 0 || lines.length === entries.length + 2 };
}

/** Writes the entries atomically (temp file + rename): 2-space JSON, in the file's style, with a trailing newline. */
export async function saveSubscriptions(subs: SubsFile, entries: readonly SubsEntry[]): Promise<void> {
  writeFileAtomic(subs.file, formatSubscriptions(entries, subs.oneLinePerEntry));
}

export function formatSubscriptions(entries: readonly SubsEntry[], oneLinePerEntry: boolean): string {
  if (!oneLinePerEntry || entries.length === 0) return `${JSON.stringify(entries, null, 2)}\n`;
  const line = (e: SubsEntry): string => `{ ${Object.entries(e).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
  return `[\n${entries.map((e) => `  ${line(e)}`).join(',\n')}\n]\n`;
}
