/** One page of a paginated list. */
export interface ListPage<T> {
  /** Newest first. */
  readonly items: readonly T[];
  /** The page's file inside its list's folder: `index.html` for the front page, else `page<n>/index.html`. */
  readonly file: string;
  /** Pages are numbered from the oldest (1); the front page has the highest number. */
  readonly number: number;
  readonly front: boolean;
  /** Files of the neighbouring pages, when there are. */
  readonly newer?: string;
  readonly older?: string;
}

/**
 * Splits newest-first items into pages numbered from the oldest, so adding posts leaves the
 * older pages as they are (an hourly build rewrites the front page, not every page of the
 * list, as jekyll-paginate's newest-first numbering would): pages 1 … k hold `perPage` items
 * each, the oldest in page 1; the front page (`index.html`) holds the rest, the newest
 * `perPage` to 2·`perPage`−1 items. Returned front page first; always at least one page.
 */
export function stablePages<T>(items: readonly T[], perPage: number): Array<ListPage<T>> {
  const size = Math.max(1, Math.floor(perPage));
  const files = stablePageFiles(items.length, size);
  const archived = files.length - 1;
  const frontCount = items.length - archived * size;
  const spans = [{ number: archived + 1, from: 0, to: frontCount }];
  for (let n = archived; n >= 1; n--) {
    const from = frontCount + (archived - n) * size;
    spans.push({ number: n, from, to: from + size });
  }
  return spans.map((s, i) => ({
    items: items.slice(s.from, s.to), file: files[i]!, number: s.number, front: i === 0,
    ...(i > 0 ? { newer: files[i - 1]! } : {}),
    ...(i + 1 < spans.length ? { older: files[i + 1]! } : {}),
  }));
}

/** The files of stablePages for `count` items, front page first, without making the pages. */
export function stablePageFiles(count: number, perPage: number): string[] {
  const archived = Math.max(0, Math.floor(count / Math.max(1, Math.floor(perPage))) - 1);
  return ['index.html', ...Array.from({ length: archived }, (_, i) => `page${archived - i}/index.html`)];
}
