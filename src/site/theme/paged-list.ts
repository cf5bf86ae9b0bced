import { signature } from '../cache/signature.js';
import { pageFile, paginate } from '../paginate.js';
import type { SiteOutput, SitePost, SiteSettings } from '../site-model.js';
import { renderPostList, type PostListOptions } from './list-page.js';

/**
 * Writes the pages of one list under `folder` (`folder/index.html`, `folder/page2/index.html`…).
 * A page is rendered only when its inputs changed since the last build (its posts' files and
 * stamps, its place in the list, the text around it, the settings), so adding posts to one
 * source or month leaves the other lists untouched.
 */
export async function writePagedList(
  out: SiteOutput,
  posts: readonly SitePost[],
  folder: string,
  options: Omit<PostListOptions, 'self' | 'page' | 'pageCount' | 'pageFile'>,
  site: SiteSettings,
): Promise<void> {
  const pages = paginate(posts, site.paginate);
  const fileOf = (n: number): string => folder + pageFile(n);
  const settings = JSON.stringify(site);
  for (const [i, items] of pages.entries()) {
    const self = fileOf(i + 1);
    const after = typeof options.after === 'function' ? options.after(self) : options.after;
    const sig = signature('list', settings, self, i + 1, pages.length, JSON.stringify({ ...options, after }), ...items.flatMap((p) => [p.file, p.stamp, p.url]));
    if (out.isFresh(self, sig)) continue;
    await out.write(self, renderPostList(items, { ...options, ...(after !== undefined ? { after } : {}), self, page: i + 1, pageCount: pages.length, pageFile: fileOf }, site), sig);
  }
}
