import { describe, expect, it } from 'vitest';
import { postRow, rowPost, rowProblems, rowSkipReason, skipRow, unpublishedRow } from '../../src/site/post-row.js';

const base = { title: '标题 "引号" {{ x }}', date: 1_420_000_000_000, author: '作者', link: 'https://example.org/a', site: '来源' };

describe('post rows (what the site cache keeps per post file)', () => {
  it('give back the post as read, through JSON, with every optional field and none', () => {
    const full = { ...base, guid: 'tag:x,2015:1', comments: false, categories: ['news', '来源'] };
    const row = postRow('_posts/2015-01-01-a.md', '120:1700000000000', full, '/2015-01-01/a/', ['no epoch comment'], ['/old/a/']);
    const back = JSON.parse(JSON.stringify(row)) as typeof row;
    expect(rowPost(back)).toEqual({
      file: '_posts/2015-01-01-a.md', post: full, url: '/2015-01-01/a/', outPath: '2015-01-01/a/index.html',
      stamp: '120:1700000000000', redirectFrom: ['/old/a/'],
    });
    expect(rowProblems(back)).toEqual(['no epoch comment']);
    expect(rowSkipReason(back)).toBeUndefined();

    const bare = postRow('_posts/b.md', '1:2', base, '/b.html', [], []);
    expect(bare).toHaveLength(10); // nothing beyond the common fields
    const post = rowPost(JSON.parse(JSON.stringify(bare)) as typeof bare);
    expect(post).toEqual({ file: '_posts/b.md', post: base, url: '/b.html', outPath: 'b.html', stamp: '1:2' });
    expect(post!.post).not.toHaveProperty('comments');
    expect(rowPost(postRow('_posts/c.md', '1:2', { ...base, comments: true }, '/c/', [], []))!.post.comments).toBe(true);
  });

  it('keep why a file is skipped, and that a file is unpublished, without a post', () => {
    const skip = skipRow('_posts/x.md', '1:2', 'not valid UTF-8');
    expect(rowPost(skip)).toBeUndefined();
    expect(rowSkipReason(skip)).toBe('not valid UTF-8');
    const draft = unpublishedRow('_posts/y.md', '1:2');
    expect(rowPost(draft)).toBeUndefined();
    expect(rowSkipReason(draft)).toBeUndefined();
    expect(rowProblems(draft)).toEqual([]);
  });
});
