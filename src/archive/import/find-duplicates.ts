import { normalizeUrl } from '../../content/urls.js';

export interface PostIdentity {
  readonly path: string;
  /** The `from:` link as written. */
  readonly link: string;
  /** ms since the epoch, as the reader found it. */
  readonly date: number;
}

export interface DuplicateGroup {
  /** The normalised link the posts share. */
  readonly link: string;
  /** The post that stays: the earliest (see `findDuplicates`). */
  readonly keep: string;
  /** The others, in the same order. */
  readonly remove: readonly string[];
}

/**
 * Posts that archive the same article (the same normalised link: scheme/host case, default
 * port, `utm_*` and fragment dropped). In each group the earliest post is kept — it is the
 * first copy the mirror made and the URL readers saw first; on a tie a post in `_posts/`
 * wins over one in `archived/`, then the shorter path, then the path's order.
 */
export function findDuplicates(posts: readonly PostIdentity[]): DuplicateGroup[] {
  const byLink = new Map<string, PostIdentity[]>();
  for (const p of posts) {
    const link = p.link ? normalizeUrl(p.link) : '';
    if (!link) continue;
    const group = byLink.get(link);
    if (group) group.push(p);
    else byLink.set(link, [p]);
  }
  const groups: DuplicateGroup[] = [];
  for (const [link, group] of byLink) {
    if (group.length < 2) continue;
    group.sort(earliestFirst);
    groups.push({ link, keep: group[0]!.path, remove: group.slice(1).map((p) => p.path) });
  }
  return groups.sort((a, b) => (a.keep < b.keep ? -1 : a.keep > b.keep ? 1 : 0));
}

function earliestFirst(a: PostIdentity, b: PostIdentity): number {
  const live = (p: PostIdentity): number => (p.path.startsWith('_posts/') ? 0 : 1);
  return a.date - b.date || live(a) - live(b) || a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
