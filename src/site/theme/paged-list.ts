import { signer } from '../cache/signature.js';
import type { ListScope } from '../change-scope.js';
import { stablePageFiles, stablePages, type ListPage } from '../paginate.js';
import type { SiteOutput, SitePost, SiteSettings } from '../site-model.js';
import { renderPostList, type PostListOptions } from './list-page.js';

/**
 * Writes the pages of one list under `folder` (`folder/index.html`, `folder/page<n>/index.html`,
 * numbered from the oldest: see stablePages). `intro` shows on the front page only. A page is
 * rendered only when its inputs changed since the last build (its posts' files and digests, its neighbours, the text around it, the
 * settings), so adding posts rewrites the front page of the lists they are on, and no other.
 * With the `scope` of the build's changes, pages among the list's unchanged oldest posts are
 * kept without that check, when the text around them is as it was too.
 */
export async function writePagedList(
  out: SiteOutput,
  posts: readonly SitePost[],
  folder: string,
  options: Omit<PostListOptions, 'self' | 'page'> & { readonly frontAfter?: string | ((self: string) => string) },
  site: SiteSettings,
  scope?: ListScope,
): Promise<void> {
  const sign = signer('list', JSON.stringify(site));
  const { frontAfter, intro, ...common } = options;
  // What every page but the front one shows besides its posts (pages below the front one share a depth, so links read alike).
  const memory = `list:${folder}`;
  const basis = sign(folder, JSON.stringify(common), typeof common.after === 'function' ? common.after(`${folder}page1/index.html`) : common.after);
  const sameBasis = out.recall(memory) === basis;
  out.remember(memory, basis);
  const size = Math.max(1, Math.floor(site.paginate));
  const files = stablePageFiles(posts.length, size);
  let todo: ((page: ListPage<SitePost>) => boolean) | undefined;
  // A list no change touches, around which nothing changed: every page is as the last build
  // wrote it (only a page that build did not write is made), without slicing pages or signing them.
  if (scope && sameBasis && frontAfter === undefined && scope.unchangedOldest === posts.length && scope.lengthBefore === posts.length) {
    const missing = new Set(files.filter((file) => !out.keep(folder + file)));
    if (missing.size === 0) return;
    todo = (page) => missing.has(page.file);
  }
  // Page n (numbered from the oldest) is as it was when its posts are among the unchanged oldest
  // and its newer neighbour is page n+1, now and in the last build (pages 1…k are archived, k+1 is the front).
  const archivedBoth = scope && sameBasis ? Math.min(files.length - 1, Math.max(0, Math.floor(scope.lengthBefore / size) - 1)) : 0;
  for (const page of stablePages(posts, size)) {
    if (todo && !todo(page)) continue;
    const self = folder + page.file;
    if (!page.front && page.number < archivedBoth && page.number * size <= scope!.unchangedOldest && out.keep(self)) continue;
    // The intro (a count of the list's posts) only on the front page: older pages stay as they are.
    const pageIntro = page.front ? intro : undefined;
    const afterOption = page.front && frontAfter !== undefined ? frontAfter : common.after;
    const after = typeof afterOption === 'function' ? afterOption(self) : afterOption;
    const link = (file: string | undefined): string | undefined => (file === undefined ? undefined : folder + file);
    const pageInfo = { number: page.number, front: page.front, newer: link(page.newer), older: link(page.older) };
    const sig = sign(self, JSON.stringify({ ...common, pageIntro, after, pageInfo }), ...page.items.flatMap((p) => [p.file, p.digest, p.url]));
    if (out.isFresh(self, sig)) continue;
    const shown = { ...common, ...(pageIntro !== undefined ? { intro: pageIntro } : {}), ...(after !== undefined ? { after } : {}) };
    await out.write(self, renderPostList(page.items, { ...shown, self, page: pageInfo }, site), sig);
  }
}
