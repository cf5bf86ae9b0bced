/** jekyll-paginate's layout: page 1 is `index.html`, page n is `page<n>/index.html`. */
export function pageFile(page: number): string {
  return page <= 1 ? 'index.html' : `page${page}/index.html`;
}

/** Splits newest-first items into pages of `perPage` (at least one page, possibly empty). */
export function paginate<T>(items: readonly T[], perPage: number): T[][] {
  const size = Math.max(1, Math.floor(perPage));
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}
