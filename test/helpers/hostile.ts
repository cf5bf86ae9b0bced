import { readFileSync } from 'node:fs';

export interface HostileItem {
  id: string;
  kind: string;
  field: 'content_html' | 'title' | 'author' | 'site_name' | 'link' | 'guid' | 'category';
  payload: string | { prefix?: string; repeat: string; times: number; suffix?: string };
  expect: string;
}

/** The hostile corpus (copied from the shared fixtures): XSS, YAML, Liquid, file-name, Unicode, huge payloads. */
export const hostileItems = (): HostileItem[] =>
  JSON.parse(readFileSync(new URL('../testdata/hostile/items.json', import.meta.url), 'utf8')) as HostileItem[];

export function payloadText(p: HostileItem['payload']): string {
  return typeof p === 'string' ? p : `${p.prefix ?? ''}${p.repeat.repeat(p.times)}${p.suffix ?? ''}`;
}
