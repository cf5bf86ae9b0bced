import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addPost, ENV, git, makeRemote, publish } from './publish-repos.js';

describe('samizdat publish', () => {
  it('commits new posts with counts per source, never .samizdat/ or _site/ (even without .gitignore), and pushes', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    for (const site of ['美国之音', '德国之声', '美国之音']) addPost(a, site);
    mkdirSync(join(a, '.samizdat'));
    writeFileSync(join(a, '.samizdat', 'index.db'), 'cache');
    mkdirSync(join(a, '_site'));
    writeFileSync(join(a, '_site', 'index.html'), '<p>site</p>');
    writeFileSync(join(a, '_posts', '.samizdat-tmp-1-ab-1'), 'half written');

    const res = await publish(a);
    expect(res.code, res.stderr).toBe(0);
    const subject = 'samizdat: 3 new posts (美国之音 2, 德国之声 1)';
    expect(res.stderr).toContain(subject);
    expect(git(r.remote, 'log', '-1', '--format=%s', 'main')).toBe(subject);
    expect(git(r.remote, 'log', '-1', '--format=%an <%ae>', 'main')).toBe('clone a <a@example.org>');
    const files = git(r.remote, 'ls-tree', '-r', '--name-only', 'main').split('\n');
    expect(files.filter((f) => f.startsWith('_posts/'))).toHaveLength(3);
    expect(files.filter((f) => /samizdat|_site/.test(f))).toEqual([]);

    // Nothing changed: no empty commit.
    const again = await publish(a);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('nothing new to commit');
    expect(git(r.remote, 'rev-list', '--count', 'main')).toBe('2');
  });

  it('rebases onto a push made meanwhile by a second clone and succeeds without forcing', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    const b = r.clone('b');
    const bPost = addPost(b, '法广', 'B 的文章');
    git(b, 'add', '-A');
    git(b, 'commit', '-q', '-m', 'from b');
    git(b, 'push', '-q', 'origin', 'main');
    const bCommit = git(b, 'rev-parse', 'HEAD');
    const aPost = addPost(a, '德国之声', 'A 的文章');

    const res = await publish(a);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/pushed to origin main after 1 rebase/);
    const log = git(r.remote, 'log', '--format=%s', 'main').split('\n');
    expect(log).toEqual(['samizdat: 1 new post (德国之声 1)', 'from b', 'mirror']);
    execFileSync('git', ['merge-base', '--is-ancestor', bCommit, 'main'], { cwd: r.remote, env: { ...process.env, ...ENV } });
    // The clone now holds both sides' posts.
    expect(existsSync(join(a, '_posts', aPost))).toBe(true);
    expect(readFileSync(join(a, '_posts', bPost), 'utf8')).toContain('法广');
  });

  it('stops on a rebase conflict: exit 1, the remote untouched, the local commit kept, no rebase left half done', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    const b = r.clone('b');
    writeFileSync(join(b, 'subs.json'), '[{"site": "B", "url": "https://example.org/b.xml"}]\n');
    git(b, 'commit', '-q', '-am', 'b edits subs');
    git(b, 'push', '-q', 'origin', 'main');
    writeFileSync(join(a, 'subs.json'), '[{"site": "A", "url": "https://example.org/a.xml"}]\n');

    const res = await publish(a);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/conflicts in subs\.json/);
    expect(git(r.remote, 'log', '-1', '--format=%s', 'main')).toBe('b edits subs');
    expect(git(a, 'log', '-1', '--format=%s')).toBe('samizdat: subs.json updated');
    expect(existsSync(join(a, '.git', 'rebase-merge')) || existsSync(join(a, '.git', 'rebase-apply'))).toBe(false);
    // Only samizdat's own lock folder is untracked (this mirror has no .gitignore).
    expect(git(a, 'status', '--porcelain')).toBe('?? .samizdat/');
  });

  it('finishes after a publish killed in the middle of its rebase', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    const b = r.clone('b');
    addPost(b, '法广');
    git(b, 'add', '-A');
    git(b, 'commit', '-q', '-m', 'from b');
    git(b, 'push', '-q', 'origin', 'main');
    addPost(a, '美国之音');
    git(a, 'add', '-A');
    git(a, 'commit', '-q', '-m', 'from a');
    git(a, 'fetch', '-q', 'origin');
    // A rebase stopped half way, as a kill would leave it.
    execFileSync('git', ['rebase', '-i', 'origin/main'], { cwd: a, env: { ...process.env, ...ENV, GIT_SEQUENCE_EDITOR: 'sed -i 1ibreak' }, stdio: 'ignore' });
    expect(existsSync(join(a, '.git', 'rebase-merge'))).toBe(true);

    const res = await publish(a);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('aborted a rebase left by an interrupted publish');
    expect(git(r.remote, 'log', '--format=%s', 'main').split('\n')).toEqual(['from a', 'from b', 'mirror']);
  });

  it('two publishes racing from two clones both land, one after the other', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    const c = r.clone('c');
    addPost(a, '美国之音');
    addPost(c, '德国之声');
    const [ra, rc] = await Promise.all([publish(a), publish(c)]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rc.code, rc.stderr).toBe(0);
    const log = git(r.remote, 'log', '--format=%s', 'main').split('\n');
    expect(log.slice(0, 2).sort()).toEqual(['samizdat: 1 new post (德国之声 1)', 'samizdat: 1 new post (美国之音 1)']);
    expect(log).toHaveLength(3);
  });

  it('falls back to samizdat <samizdat@localhost> when no identity is configured', async () => {
    const r = makeRemote();
    const a = r.clone('a', false);
    addPost(a, '美国之音');
    const res = await publish(a);
    expect(res.code, res.stderr).toBe(0);
    expect(git(r.remote, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', 'main')).toBe('samizdat <samizdat@localhost>|samizdat <samizdat@localhost>');
  });

  it('reports usage errors with exit 2: not a repository, unknown remote', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'samizdat-publish-plain-'));
    const notRepo = await publish(plain);
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/not in a git repository/);

    const r = makeRemote();
    const a = r.clone('a');
    const noRemote = await publish(a, '--remote', 'upstream');
    expect(noRemote.code).toBe(2);
    expect(noRemote.stderr).toMatch(/no git remote named "upstream"/);
  });
});
