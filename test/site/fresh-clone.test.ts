import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { STATE_DIR } from '../../src/archive/archive.js';
import { buildSite } from '../../src/site/build-site.js';
import { git } from '../operate/publish-repos.js';

// A mirror built hourly on a CI runner starts from a fresh clone: every post file has a new
// mtime. With the site cache restored, git tells which files are as they were read.

const POSTS = 600;
const START = Date.UTC(2020, 0, 1, 4);

describe('a build in a fresh clone, with the site cache of the last build', () => {
  it('reads only the files git does not vouch for: edited, new, or not a post', async () => {
    const root = await mkdtemp(join(tmpdir(), 'samizdat-clone-'));
    const first = join(root, 'first');
    const file = (i: number): string => `_posts/${new Date(START + i * 3_600_000).toISOString().slice(0, 10)}-p${i}.md`;
    const post = (dir: string, i: number, body = `正文 ${i}`): void => writeFileSync(join(dir, file(i)), formatPost({
      title: `第${i}篇`, date: START + i * 3_600_000, author: '甲', link: `https://example.org/${i}`, site: i % 2 ? '甲' : '乙', content: `<p>${body}</p>`,
    }));
    mkdirSync(join(first, '_posts'), { recursive: true });
    for (let i = 0; i < POSTS; i++) post(first, i);
    writeFileSync(join(first, '_posts/2020-01-01-bad.md'), Buffer.from([0xff, 0xfe, 0x41])); // not UTF-8: skipped
    writeFileSync(join(first, '.gitignore'), '.samizdat/\n_site/\n');
    git(first, 'init', '-q', '-b', 'main');
    git(first, 'add', '-A');
    git(first, '-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'posts');
    const built = await buildSite({ archiveDir: first, outDir: join(first, '_site'), config: {} });
    expect(built.read).toBe(POSTS + 1);

    // Post 7 edited and committed after that build: the cache's row is of the old bytes.
    post(first, 7, '提交后改过');
    git(first, '-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qam', 'edit');

    const clone = join(root, 'clone');
    git(root, 'clone', '-q', first, clone);
    cpSync(join(first, STATE_DIR), join(clone, STATE_DIR), { recursive: true });
    post(clone, 8, '没提交的改动'); // edited in the clone, not committed
    post(clone, POSTS); // new, untracked
    const report = await buildSite({ archiveDir: clone, outDir: join(clone, '_site'), config: {} });
    expect(report).toMatchObject({ posts: POSTS + 1, read: 4 }); // posts 7, 8 and 600, and the file that is not a post
    expect(report.skipped).toEqual([expect.stringContaining('2020-01-01-bad.md: not valid UTF-8')]);
    const page = (i: number): string => readFileSync(join(clone, '_site', file(i).slice(7, 17), `p${i}/index.html`), 'utf8');
    expect(page(7)).toContain('提交后改过');
    expect(page(8)).toContain('没提交的改动');
    expect(page(POSTS)).toContain(`正文 ${POSTS}`);
    // The rows' new stamps went beside the cache's document, which was not written again; the next build reads nothing.
    const documentOf = (dir: string): Buffer => readFileSync(join(dir, STATE_DIR, 'site-cache-posts.v8'));
    expect(documentOf(clone).equals(documentOf(first))).toBe(true);
    expect(await buildSite({ archiveDir: clone, outDir: join(clone, '_site'), config: {} })).toMatchObject({ posts: POSTS + 1, read: 0, written: 0 });

    // Without git, the same clone reads every file again (and finds no other change).
    const plain = join(root, 'plain');
    git(root, 'clone', '-q', first, plain);
    cpSync(join(first, STATE_DIR), join(plain, STATE_DIR), { recursive: true });
    rmSync(join(plain, '.git'), { recursive: true });
    expect(await buildSite({ archiveDir: plain, outDir: join(plain, '_site'), config: {} })).toMatchObject({ posts: POSTS, read: POSTS + 1 });
  }, 60_000);
});
