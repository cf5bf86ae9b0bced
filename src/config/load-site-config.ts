import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { UsageError } from '../model/index.js';

/** The Jekyll `_config.yml` keys samizdat reads (the legacy mirrors' own file). */
export interface SiteConfig {
  readonly title?: string;
  readonly description?: string;
  readonly url?: string;
  readonly baseurl?: string;
  readonly permalink?: string;
  readonly paginate?: number;
  readonly timezone?: string;
}

/** Reads `_config.yml` when present; a file that is not YAML is a one-line usage error. */
export function loadSiteConfig(file: string): SiteConfig {
  if (!existsSync(file)) return {};
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`, 'config');
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`${file}: expected a mapping of settings`, 'config');
  const d = data as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  const title = str('title') ?? str('name');
  return {
    ...(title ? { title } : {}),
    ...(str('description') ? { description: str('description')! } : {}),
    ...(str('url') ? { url: str('url')! } : {}),
    ...(str('baseurl') !== undefined ? { baseurl: str('baseurl')! } : {}),
    ...(str('permalink') ? { permalink: str('permalink')! } : {}),
    ...(typeof d.paginate === 'number' ? { paginate: d.paginate } : {}),
    ...(str('timezone') ? { timezone: str('timezone')! } : {}),
  };
}
