import { signer } from '../cache/signature.js';
import { stablePages } from '../paginate.js';
import type { SiteOutput, SitePost, SiteSettings } from '../site-model.js';
import { renderPostList, type PostListOptions } from './list-page.js';

/**
 * Writes the pages of one list under `folder` (`folder/index.html`, `folder/page<n>/index.html`,
 * numbered from the oldest: see stablePages). `intro` shows on the front page only. A page is rendered only when its inputs changed
 * since the last build (its posts' files and stamps, its neighbours, the text around it, the
 * settings), so adding posts rewrites the front page of the lists they are on, and no other.
 */
export async function writePagedList(
  out: SiteOutput,
  posts: readonly SitePost[],
  folder: string,
  options: Omit<PostListOptions, 'self' | 'page'> & { readonly frontAfter?: string | ((self: string) => string) },
  site: SiteSettings,
): Promise<void> {
  const sign = signer('list', JSON.stringify(site));
  const { frontAfter, intro, ...common } = options;
  for (const page of stablePages(posts, site.paginate)) {
    const self = folder + page.file;
    // The intro (a count of the list's posts) only on the front page: older pages stay as they are.
    const pageIntro = page.front ? intro : undefined;
    const afterOption = page.front && frontAfter !== undefined ? frontAfter : common.after;
    const after = typeof afterOption === 'function' ? afterOption(self) : afterOption;
    const link = (file: string | undefined): string | undefined => (file === undefined ? undefined : folder + file);
    const pageInfo = { number: page.number, front: page.front, newer: link(page.newer), older: link(page.older) };
    const sig = sign(self, JSON.stringify({ ...common, pageIntro, after, pageInfo }), ...page.items.flatMap((p) => [p.file, p.stamp, p.url]));
    if (out.isFresh(self, sig)) continue;
    const shown = { ...common, ...(pageIntro !== undefined ? { intro: pageIntro } : {}), ...(after !== undefined ? { after } : {}) };
    await out.write(self, renderPostList(page.items, { ...shown, self, page: pageInfo }, site), sig);
  }
}
