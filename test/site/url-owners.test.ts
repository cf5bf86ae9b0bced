import { describe, expect, it } from 'vitest';
import type { SitePost } from '../../src/site/site-model.js';
import { urlOwners } from '../../src/site/url-owners.js';

const post = (file: string, url: string, date: number): SitePost => ({
  file, url, outPath: `${url.slice(1)}index.html`, digest: file, post: { title: file, date, author: '', link: '', site: '甲报' },
});

describe('the owners of URLs several posts have', () => {
  // Oldest first. URLs of one length and one next-to-last character that differ elsewhere (the
  // cheap test a suspect passes), a URL three posts have, one two have, many of one post each.
  const posts = [
    post('_posts/a.md', '/2020-01-01/甲/', 1),
    post('_posts/b.md', '/2020-01-01/乙/', 2),
    post('_posts/c.md', '/2020-01-01/甲/', 3),
    post('_posts/d.md', '/x/', 4),
    post('_posts/e.md', '/2020-01-01/甲/', 5),
    post('_posts/f.md', '/2020-01-02/乙/', 6),
    post('_posts/g.md', '/x/', 7),
    ...Array.from({ length: 50 }, (_, i) => post(`_posts/n${i}.md`, `/2020-02-${String(i).padStart(2, '0')}/丙/`, 10 + i)),
  ];

  it('are the last posts by date; the others lose their pages, each with a warning', () => {
    const warnings: string[] = [];
    const owners = urlOwners(posts, warnings);
    expect(posts.filter((p) => !owners.wins(p)).map((p) => p.file)).toEqual(['_posts/a.md', '_posts/c.md', '_posts/d.md']);
    expect(owners.ownerOf('/2020-01-01/甲/')?.file).toBe('_posts/e.md');
    expect(owners.ownerOf('/2020-01-02/乙/')?.file).toBe('_posts/f.md');
    expect([...owners.shared].sort()).toEqual(['/2020-01-01/甲/', '/x/']);
    expect(warnings).toEqual([
      '_posts/a.md: same URL /2020-01-01/甲/ as _posts/c.md, which replaces it',
      '_posts/c.md: same URL /2020-01-01/甲/ as _posts/e.md, which replaces it',
      '_posts/d.md: same URL /x/ as _posts/g.md, which replaces it',
    ]);
    expect(owners.collided).toHaveLength(6);
  });

  it('come out the same when only the suspects are checked, as long as every shared URL is one', () => {
    const all: string[] = [];
    const full = urlOwners(posts, all);
    // The shared URLs, one that looks like them to the cheap test, one no post has.
    const suspects = new Set(['/2020-01-01/甲/', '/x/', '/2020-01-02/乙/', '/2099-01-01/无/']);
    const some: string[] = [];
    const checked = urlOwners(posts, some, suspects);
    expect(posts.map((p) => checked.wins(p))).toEqual(posts.map((p) => full.wins(p)));
    expect(checked.shared).toEqual(full.shared);
    expect(checked.collided).toEqual(full.collided);
    expect(some).toEqual(all);
    for (const url of suspects) expect(checked.ownerOf(url)).toBe(full.ownerOf(url));
    // A URL that is not a suspect is not looked at: its posts all keep their pages.
    const partial = urlOwners(posts, [], new Set(['/x/']));
    expect(posts.filter((p) => !partial.wins(p)).map((p) => p.file)).toEqual(['_posts/d.md']);
    expect(partial.ownerOf('/2020-01-02/乙/')).toBeUndefined();
  });
});
