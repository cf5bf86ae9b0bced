import { existsSync, readFileSync } from 'node:fs';
import { parse } from '../vendor/yaml.js';
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
  /** A comment widget for posts whose front matter has `comments: true`; loaded only on a click. */
  readonly comments?: CommentsConfig;
}

/**
 * `comments:` in `_config.yml`, with each provider's documented embed parameters (snake_case):
 * `{provider: giscus, repo, repo_id, category, category_id[, lang, theme]}`,
 * `{provider: utterances, repo[, label, theme]}`, `{provider: disqus, shortname}`.
 * minima's `disqus: {shortname}` is read as well.
 */
export type CommentsConfig =
  | { readonly provider: 'giscus'; readonly repo: string; readonly repo_id: string; readonly category: string; readonly category_id: string; readonly lang?: string; readonly theme?: string }
  | { readonly provider: 'utterances'; readonly repo: string; readonly label?: string; readonly theme?: string }
  | { readonly provider: 'disqus'; readonly shortname: string };

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
    ...commentsOf(d, file),
  };
}

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const TOKEN = /^[A-Za-z0-9_.:=+/-]+$/;

/** A misconfigured provider is a usage error rather than a widget that silently never loads. */
function commentsOf(d: Record<string, unknown>, file: string): { comments?: CommentsConfig } {
  const minima = d.disqus as Record<string, unknown> | undefined;
  const c = (d.comments ?? (minima && typeof minima === 'object' && minima.shortname ? { provider: 'disqus', ...minima } : undefined)) as unknown;
  if (!c || typeof c !== 'object' || Array.isArray(c)) return {};
  const o = c as Record<string, unknown>;
  const bad = (what: string): never => {
    throw new UsageError(`${file}: comments: ${what}`, 'config');
  };
  const need = (k: string, re: RegExp): string => {
    const v = o[k] === undefined || o[k] === null ? undefined : String(o[k]);
    if (!v || !re.test(v)) bad(`${k} is missing or malformed for ${String(o.provider)}`);
    return v!;
  };
  const opt = (k: string): Record<string, string> => (o[k] !== undefined && o[k] !== null ? { [k]: need(k, /^[^<>"'\n]{1,100}$/) } : {});
  switch (o.provider) {
    case 'giscus':
      return { comments: { provider: 'giscus', repo: need('repo', REPO), repo_id: need('repo_id', TOKEN), category: need('category', /^[^\n]{1,100}$/), category_id: need('category_id', TOKEN), ...opt('lang'), ...opt('theme') } };
    case 'utterances':
      return { comments: { provider: 'utterances', repo: need('repo', REPO), ...opt('label'), ...opt('theme') } };
    case 'disqus':
      return { comments: { provider: 'disqus', shortname: need('shortname', /^[A-Za-z0-9_-]{1,64}$/) } };
    default:
      return bad(`provider must be giscus, utterances or disqus, got ${JSON.stringify(o.provider)}`);
  }
}
