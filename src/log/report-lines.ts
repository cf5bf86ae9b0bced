import type { FeedOutcome, RunReport } from '../pipeline/feed-outcome.js';

/** One line per feed: what happened and, for failures, why. */
export function formatOutcome(o: FeedOutcome): string {
  const head = `${o.site} <${o.url}>`;
  const moved = o.movedTo ? `; moved permanently to ${o.movedTo} (update subs.json)` : '';
  switch (o.status) {
    case 'new':
      return `new        ${head}: ${o.newPosts} new of ${o.items} items${o.rejected ? `, ${o.rejected} rejected` : ''}${moved}`;
    case 'unchanged':
      return `unchanged  ${head}${o.items ? `: ${o.items} items, none new` : ': not modified'}${moved}`;
    case 'skipped':
      return `skipped    ${head}: ${o.message ?? ''}`;
    // Failure messages name the URL themselves (`fetch: <url>: …`).
    case 'dead':
      return `dead       ${o.site}: ${o.message ?? ''} — the feed is gone; remove it from subs.json`;
    case 'failed':
      return `failed     ${o.site}: ${o.message ?? ''}`;
  }
}

export function formatSummary(r: RunReport): string {
  const t = r.totals;
  return `${t.feeds} feeds: ${t.new} with new posts, ${t.unchanged} unchanged, ${t.failed} failed, ${t.skipped} skipped; ${t.posts} posts written in ${(r.ms / 1000).toFixed(1)} s`;
}
