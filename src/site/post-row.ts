import { outputPath } from './permalink.js';
import type { SitePost } from './site-model.js';

/** Bump when rows change shape or meaning: rows of another version are read again. */
export const ROW_VERSION = 6;

const POST = 0;
const SKIP = 1;
const UNPUBLISHED = 2;

/** What a post row holds besides its common fields, when anything (most posts: nothing). */
interface RowExtra {
  readonly guid?: string;
  readonly categories?: readonly string[];
  /** Caveats the post was published with (invalid YAML…): warnings of every build. */
  readonly problems?: readonly string[];
  readonly redirectFrom?: readonly string[];
}

/**
 * What one post file yields, as the site cache keeps it between builds: a flat JSON array, no
 * key names and nothing derivable (the output path comes from the URL). A build at 100k posts
 * parses 100k rows, and their size is most of its time when little changed.
 * `stamp` is the file's size and mtime: a row whose stamp differs is read again. `digest` (a post's
 * only) follows its bytes (see postDigest): a file read again with the same bytes is no change.
 */
export type PostRow =
  | readonly [file: string, stamp: string, kind: typeof POST, title: string, date: number, author: string, link: string, site: string,
    url: string, comments: boolean | null, digest: string, extra?: RowExtra]
  | readonly [file: string, stamp: string, kind: typeof SKIP, reason: string]
  | readonly [file: string, stamp: string, kind: typeof UNPUBLISHED];

export const skipRow = (file: string, stamp: string, reason: string): PostRow => [file, stamp, SKIP, reason];
export const unpublishedRow = (file: string, stamp: string): PostRow => [file, stamp, UNPUBLISHED];

export function postRow(
  file: string, stamp: string, digest: string, post: SitePost['post'], url: string, problems: readonly string[], redirectFrom: readonly string[],
): PostRow {
  const extra: { -readonly [K in keyof RowExtra]: RowExtra[K] } = {};
  if (post.guid !== undefined) extra.guid = post.guid;
  if (post.categories !== undefined) extra.categories = post.categories;
  if (problems.length) extra.problems = problems;
  if (redirectFrom.length) extra.redirectFrom = redirectFrom;
  const row = [file, stamp, POST, post.title, post.date, post.author, post.link, post.site, url, post.comments ?? null, digest] as const;
  return Object.keys(extra).length ? [...row, extra] : row;
}

/** Why the file is not a post, for a row of a file that is skipped. */
export const rowSkipReason = (row: PostRow): string | undefined => (row[2] === SKIP ? row[3] : undefined);

/** The caveats of a post row (none for other rows). */
export const rowProblems = (row: PostRow): readonly string[] => (row[2] === POST ? (row[11]?.problems ?? []) : []);

/** The post of a post row; undefined for a file that is skipped or unpublished. */
export function rowPost(row: PostRow): SitePost | undefined {
  if (row[2] !== POST) return undefined;
  const [file, , , title, date, author, link, site, url, comments, digest, extra] = row;
  const post: { -readonly [K in keyof SitePost['post']]: SitePost['post'][K] } = { title, date, author, link, site };
  if (comments !== null) post.comments = comments;
  if (extra?.guid !== undefined) post.guid = extra.guid;
  if (extra?.categories !== undefined) post.categories = extra.categories;
  return { file, post, url, outPath: outputPath(url), digest, ...(extra?.redirectFrom?.length ? { redirectFrom: extra.redirectFrom } : {}) };
}

/** The URL of a post row's page; undefined for other rows. */
export const rowUrl = (row: PostRow): string | undefined => (row[2] === POST ? row[8] : undefined);

/** The digest of a post row's file (see postDigest); undefined for other rows. */
export const rowDigest = (row: PostRow): string | undefined => (row[2] === POST ? row[10] : undefined);

/** The row with another stamp: its file's bytes are known to be the same. */
export const restamped = (row: PostRow, stamp: string): PostRow => [row[0], stamp, ...row.slice(2)] as unknown as PostRow;

/** True when a file read again gave the row it had: only its stamp (a new mtime) differs. */
export function sameRead(a: PostRow, b: PostRow): boolean {
  if (a.length !== b.length) return false;
  for (let i = 2; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && (typeof x !== 'object' || x === null || JSON.stringify(x) !== JSON.stringify(y))) return false;
  }
  return a[0] === b[0];
}
