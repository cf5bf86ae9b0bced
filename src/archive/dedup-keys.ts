import { createHash } from 'node:crypto';
import { normalizeUrl } from '../content/urls.js';

export interface Identity {
  readonly link: string;
  readonly guid?: string;
  readonly site: string;
  readonly title: string;
  readonly content: string;
}

/**
 * The keys an article is known by, in the order of the documented chain:
 * the normalised link, then the GUID (scoped to its source, since GUIDs such as "1234"
 * are only unique within one feed), and only when both are missing a hash of
 * site + title + content. An article matching any key is already archived.
 */
export function dedupKeys(a: Identity): string[] {
  const keys: string[] = [];
  const link = normalizeUrl(a.link);
  if (link) keys.push(`l:${link}`);
  const guid = a.guid?.trim();
  if (guid) keys.push(`g:${a.site}\u0000${guid}`);
  if (keys.length === 0) {
    keys.push(`h:${createHash('sha1').update(`${a.site}\u0000${a.title}\u0000${a.content}`).digest('hex')}`);
  }
  return keys;
}

/** Key for a URL listed in a legacy `allurls.dat`. */
export function legacyUrlKey(url: string): string | undefined {
  const link = normalizeUrl(url);
  return link ? `l:${link}` : undefined;
}
