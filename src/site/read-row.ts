import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readPost } from '../archive/posts/read-post.js';
import { postFileText } from '../archive/posts/utf8-text.js';
import { postUrl } from './permalink.js';
import { postDigest } from './post-digest.js';
import { postRow, skipRow, unpublishedRow, type PostRow } from './post-row.js';
import { readUrlFacts } from './url-facts.js';

/** What the loader reads a post file with: the permalink template and the time zone of URL dates. */
export interface ReadOptions {
  readonly template: string;
  readonly timeZone: string;
}

/**
 * Reads one post file into its row: its Jekyll URL and metadata, or why it is skipped (cannot
 * be read, not UTF-8, no dated name, nothing to show, a bad permalink) or left out (unpublished).
 */
export function readRow(archiveDir: string, path: string, stamp: string, options: ReadOptions): PostRow {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(archiveDir, path));
  } catch (err) {
    return skipRow(path, stamp, (err as Error).message);
  }
  const text = postFileText(bytes);
  if (text === undefined) return skipRow(path, stamp, 'not valid UTF-8');
  const facts = readUrlFacts(text, basename(path), options.timeZone);
  if (typeof facts === 'string') return skipRow(path, stamp, facts);
  if (!facts.published) return unpublishedRow(path, stamp);
  const { post } = readPost(text, basename(path), facts.frontMatter);
  if (!post.title && !post.content) return skipRow(path, stamp, 'no title and no content');
  let url: string;
  try {
    // A post's own `permalink:` (e.g. kept by `doctor --fix` when it renamed the file) wins, as in Jekyll.
    url = postUrl(facts.permalink ?? options.template, facts.facts);
  } catch (err) {
    return skipRow(path, stamp, (err as Error).message);
  }
  // The content stays on disk: a page reads it when it is written (memory stays flat at 100k posts).
  const { content: _content, ...meta } = post;
  return postRow(path, stamp, postDigest(bytes), meta, url, facts.problems, facts.redirectFrom);
}
