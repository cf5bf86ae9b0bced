/** What a publish commits, counted for its message. */
export interface ArchiveChanges {
  /** New post files by source (the post's `tags`, else its last category). */
  readonly newPosts: ReadonlyMap<string, number>;
  readonly changedPosts: number;
  readonly removedPosts: number;
  /** Other files added, changed or removed (subs.json, _config.yml …), relative to the archive. */
  readonly otherFiles: readonly string[];
}

/** Sources named in the subject line; the body lists them all. */
const SUBJECT_SOURCES = 8;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * E.g. `samizdat: 12 new posts (美国之音 7, 德国之声 5); 1 post changed; subs.json updated`.
 * Sources with the most new posts first; names are flattened to one line.
 */
export function commitMessage(c: ArchiveChanges): { subject: string; body: string } {
  const sources = [...c.newPosts].map(([site, n]) => [oneLine(site) || '(no source)', n] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = sources.reduce((n, [, k]) => n + k, 0);
  const parts: string[] = [];
  if (total) {
    const shown = sources.slice(0, SUBJECT_SOURCES).map(([s, n]) => `${s} ${n}`);
    if (sources.length > SUBJECT_SOURCES) shown.push(`${sources.length - SUBJECT_SOURCES} more`);
    parts.push(`${plural(total, 'new post')} (${shown.join(', ')})`);
  }
  if (c.changedPosts) parts.push(`${plural(c.changedPosts, 'post')} changed`);
  if (c.removedPosts) parts.push(`${plural(c.removedPosts, 'post')} removed`);
  if (c.otherFiles.length) {
    const names = c.otherFiles.length <= 3 ? c.otherFiles.map(oneLine).join(', ') : plural(c.otherFiles.length, 'other file');
    parts.push(`${names} updated`);
  }
  const subject = `samizdat: ${parts.join('; ') || 'no changes'}`;
  const body = sources.length > SUBJECT_SOURCES ? sources.map(([s, n]) => `${s}: ${n}`).join('\n') : '';
  return { subject, body };
}

function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim().slice(0, 80);
}
