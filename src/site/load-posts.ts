import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readPost } from '../archive/posts/read-post.js';
import { listPostFiles } from '../archive/posts/list-posts.js';
import type { SitePost } from './site-model.js';
import { outputPath, postUrl } from './permalink.js';
import { readUrlFacts } from './url-facts.js';

export type { SitePost } from './site-model.js';

export interface LoadedPosts {
  /** Newest first; one per URL. */
  readonly posts: readonly SitePost[];
  /** Files that are not posts at all: `file: reason`. */
  readonly skipped: readonly string[];
  /** Posts published with a caveat (invalid YAML, a URL another post also has). */
  readonly warnings: readonly string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads every post of the archive and gives it its Jekyll URL. A file that cannot be read,
 * is not UTF-8 (Jekyll skips those too), has no dated name or nothing to show is skipped and
 * reported. Two posts with one URL: like Jekyll, the later (by date, then path) wins.
 */
export async function loadSitePosts(archiveDir: string, options: { template: string; timeZone: string }): Promise<LoadedPosts> {
  const skipped: string[] = [];
  const warnings: string[] = [];
  const files = listPostFiles(archiveDir, skipped);
  const loaded: SitePost[] = [];
  for (const { path } of files) {
    let text: string;
    try {
      text = utf8.decode(await readFile(join(archiveDir, path)));
    } catch (err) {
      skipped.push(`${path}: ${err instanceof TypeError ? 'not valid UTF-8' : (err as Error).message}`);
      continue;
    }
    const facts = readUrlFacts(text, basename(path), options.timeZone);
    if (typeof facts === 'string') {
      skipped.push(`${path}: ${facts}`);
      continue;
    }
    if (!facts.published) continue;
    const { post } = readPost(text, basename(path));
    if (!post.title && !post.content) {
      skipped.push(`${path}: no title and no content`);
      continue;
    }
    for (const p of facts.problems) warnings.push(`${path}: ${p}`);
    let url: string;
    try {
      url = postUrl(options.template, facts.facts);
    } catch (err) {
      skipped.push(`${path}: ${(err as Error).message}`);
      continue;
    }
    // The content stays on disk: a page reads it when it is written (memory stays flat at 100k posts).
    const { content: _content, ...meta } = post;
    loaded.push({ file: path, post: meta, url, outPath: outputPath(url, facts.facts.outputExt) });
  }
  loaded.sort((a, b) => a.post.date - b.post.date || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const byUrl = new Map<string, SitePost>();
  for (const p of loaded) {
    const earlier = byUrl.get(p.url);
    if (earlier) warnings.push(`${earlier.file}: same URL ${p.url} as ${p.file}, which replaces it`);
    byUrl.set(p.url, p);
  }
  return { posts: [...byUrl.values()].reverse(), skipped, warnings };
}
