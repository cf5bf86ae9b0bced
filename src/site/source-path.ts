import { createHash } from 'node:crypto';
import { slugify } from './slugify.js';

/** Longest slug kept whole, in UTF-8 bytes: a folder name must stay under 255 bytes on every file system. */
const MAX_SLUG_BYTES = 120;
/** Names Windows refuses as file or folder names: a copied or unzipped site must still open there. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * The output folder of a source's pages and feeds (its list pages, `feed.xml`, `rss.xml`,
 * `feed.json`), relative to the output root and ending in '/': `sources/<slug>/`, where slug is
 * Jekyll's default slugify of the name (lowercased; letters, marks and digits of every script
 * kept, so `大纪元` stays `大纪元` and `BBC 中文` becomes `bbc-中文`). A name with nothing left
 * after slugifying gets a short hash of the name instead; an overlong slug is cut and gets the
 * hash appended. Two names that differ only in case or punctuation share a folder.
 */
export function sourcePath(site: string): string {
  let path = memo.get(site);
  if (path === undefined) {
    // Called once per post by several generators; an archive has few distinct sources.
    if (memo.size > 10_000) memo.clear();
    memo.set(site, (path = computeSourcePath(site)));
  }
  return path;
}

const memo = new Map<string, string>();

function computeSourcePath(site: string): string {
  const slug = slugify(site, 'default');
  if (slug === '') return `sources/${hashOf(site)}/`;
  if (Buffer.byteLength(slug) > MAX_SLUG_BYTES) return `sources/${cutToBytes(slug, MAX_SLUG_BYTES - 9)}-${hashOf(site)}/`;
  if (WINDOWS_RESERVED.test(slug)) return `sources/${slug}-${hashOf(site)}/`;
  return `sources/${slug}/`;
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 8);
}

/** The longest prefix of whole code points that fits in `max` UTF-8 bytes, with no trailing '-'. */
function cutToBytes(text: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out.replace(/-+$/, '');
}
