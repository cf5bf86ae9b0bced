import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPostContent } from '../archive/posts/read-post.js';
import { lenientUtf8Text } from '../archive/posts/utf8-text.js';
import { presentContent } from './present-content.js';
import { presentedText } from './presented-text.js';
import type { SiteChanges, SiteModel, SitePost, SiteSettings } from './site-model.js';

/** Reads a post's content from its file (the site keeps only metadata in memory). */
export async function readContent(archiveDir: string, p: SitePost): Promise<string> {
  // Synchronous: a few KB, and the promise API costs more than the read (about 4× the CPU).
  return readPostContent(lenientUtf8Text(readFileSync(join(archiveDir, p.file))));
}

/** The content as a page shows it: sanitized again, presentation attributes added. */
export async function pageHtml(archiveDir: string, p: SitePost): Promise<string> {
  return presentContent(await readContent(archiveDir, p), isWebLink(p.post.link) ? p.post.link : 'https://invalid.invalid/');
}

/** The content's text as its page shows it (what the search indexes). */
export async function plainText(archiveDir: string, p: SitePost): Promise<string> {
  return presentedText(await pageHtml(archiveDir, p));
}

/** Only http(s) links are shown as links: a `javascript:` "original" must not become one. */
export function isWebLink(link: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(link);
}

/** The model generators build from: metadata in memory, contents read from the archive when a page needs them. */
export function siteModel(posts: readonly SitePost[], settings: SiteSettings, archiveDir: string, changes?: SiteChanges): SiteModel {
  return { posts, settings, archiveDir, ...(changes ? { changes } : {}), html: (p) => pageHtml(archiveDir, p), text: (p) => plainText(archiveDir, p) };
}
