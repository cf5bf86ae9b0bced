import { basename } from 'node:path';
import { permalinkTemplate, postUrl } from '../../site/permalink.js';
import { readUrlFacts } from '../../site/url-facts.js';
import type { SiteConfig } from '../../config/load-site-config.js';
import { parseFrontMatter } from './front-matter-keys.js';

/** What decides post URLs: `_config.yml` `permalink` and `timezone` (UTC when unset, as the legacy builds). */
export interface UrlRules {
  readonly template: string;
  readonly timeZone: string;
}

export function urlRules(config: SiteConfig): UrlRules {
  return { template: permalinkTemplate(config.permalink), timeZone: config.timezone ?? 'UTC' };
}

/**
 * The URL a post is published at: its own front matter `permalink:` when it has one (Jekyll
 * honours it per post; doctor adds one to renamed files), else the site's permalink rule
 * applied the way Jekyll 4.3 does. Undefined for a file Jekyll would not publish as a post.
 */
export function publishedUrl(text: string, path: string, rules: UrlRules): string | undefined {
  const own = parseFrontMatter(text)?.permalink;
  if (typeof own === 'string' && own.startsWith('/')) return own;
  const facts = readUrlFacts(text, basename(path), rules.timeZone);
  if (typeof facts === 'string' || !facts.published) return undefined;
  try {
    return postUrl(rules.template, facts.facts);
  } catch {
    return undefined;
  }
}
