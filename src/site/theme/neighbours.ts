import type { SitePost } from '../site-model.js';
import type { PostGroup } from './groups.js';

/** A post's neighbours in its own source, by date: the one just before and the one just after. */
export interface Neighbours {
  readonly older?: SitePost;
  readonly newer?: SitePost;
}

/**
 * Previous/next within each source group (as the source's list pages show them), in one pass:
 * linear in the number of posts, unlike Jekyll's `page.previous` scans.
 */
export function sourceNeighbours(sources: readonly PostGroup[]): (p: SitePost) => Neighbours {
  const at = new Map<SitePost, readonly SitePost[]>();
  const index = new Map<SitePost, number>();
  for (const g of sources) {
    g.posts.forEach((p, i) => {
      at.set(p, g.posts);
      index.set(p, i);
    });
  }
  return (p) => {
    const list = at.get(p);
    const i = index.get(p);
    if (!list || i === undefined) return {};
    const newer = list[i - 1];
    const older = list[i + 1];
    return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
  };
}

/** What of the neighbours a post page shows: part of its signature, so the page is rebuilt when they change. */
export function neighbourSignature(n: Neighbours): string {
  return [n.older, n.newer].map((q) => (q ? `${q.url}\u0001${q.post.title}` : '')).join('\u0002');
}
