import { describe, expect, it } from 'vitest';
import { postDigest } from '../../src/site/post-digest.js';
import { postRow, rowPost, rowProblems, rowSkipReason, sameRead, skipRow, unpublishedRow } from '../../src/site/post-row.js';

const base = { title: '标题 "引号" {{ x }}', date: 1_420_000_000_000, author: '作者', link: 'https://example.org/a', site: '来源' };

describe('post rows (what the site cache keeps per post file)', () => {
  it('give back the post as read, through JSON, with every optional field and none', () => {
    const full = { ...base, guid: 'tag:x,2015:1', comments: false, categories: ['news', '来源'] };
    const row = postRow('_posts/2015-01-01-a.md', '120:1700000000000', 'd1', full, '/2015-01-01/a/', ['no epoch comment'], ['/old/a/']);
    const back = JSON.parse(JSON.stringify(row)) as typeof row;
    expect(rowPost(back)).toEqual({
      file: '_posts/2015-01-01-a.md', post: full, url: '/2015-01-01/a/', outPath: '2015-01-01/a/index.html',
      digest: 'd1', redirectFrom: ['/old/a/'],
    });
    expect(rowProblems(back)).toEqual(['no epoch comment']);
    expect(rowSkipReason(back)).toBeUndefined();

    const bare = postRow('_posts/b.md', '1:2', 'd2', base, '/b.html', [], []);
    expect(bare).toHaveLength(11); // nothing beyond the common fields
    const post = rowPost(JSON.parse(JSON.stringify(bare)) as typeof bare);
    expect(post).toEqual({ file: '_posts/b.md', post: base, url: '/b.html', outPath: 'b.html', digest: 'd2' });
    expect(post!.post).not.toHaveProperty('comments');
    expect(rowPost(postRow('_posts/c.md', '1:2', 'd3', { ...base, comments: true }, '/c/', [], []))!.post.comments).toBe(true);
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

  it('tell a file read again with the same bytes (only the stamp differs) from a changed one', () => {
    const row = (stamp: string, digest: string, extra: { categories?: string[] } = {}) =>
      postRow('_posts/a.md', stamp, digest, { ...base, ...extra }, '/a/', [], []);
    const cached = JSON.parse(JSON.stringify(row('1:2', 'd', { categories: ['甲'] }))) as ReturnType<typeof row>;
    expect(sameRead(cached, row('1:3', 'd', { categories: ['甲'] }))).toBe(true);
    expect(sameRead(cached, row('1:3', 'e', { categories: ['甲'] }))).toBe(false); // other bytes
    expect(sameRead(cached, row('1:3', 'd', { categories: ['乙'] }))).toBe(false);
    expect(sameRead(cached, row('1:3', 'd'))).toBe(false);
    expect(sameRead(skipRow('_posts/x.md', '1:2', 'not valid UTF-8'), skipRow('_posts/x.md', '9:9', 'not valid UTF-8'))).toBe(true);
    expect(sameRead(skipRow('_posts/x.md', '1:2', 'not valid UTF-8'), skipRow('_posts/x.md', '1:2', 'no title and no content'))).toBe(false);
    expect(sameRead(skipRow('_posts/x.md', '1:2', 'r'), skipRow('_posts/y.md', '1:2', 'r'))).toBe(false);
    expect(sameRead(unpublishedRow('_posts/y.md', '1:2'), cached)).toBe(false);
  });

  it('sign a post by its bytes as git names a blob', () => {
    // `printf 'hello\n' | git hash-object --stdin` is ce013625030ba8dba906f756967f9e9ca394464a.
    expect(postDigest(Buffer.from('hello\n'))).toBe(Buffer.from('ce013625030ba8dba906f756967f9e9ca394464a', 'hex').toString('base64url').slice(0, 16));
    expect(postDigest(Buffer.from('hello\n'))).not.toBe(postDigest(Buffer.from('hello\r\n')));
  });
});
