import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addPost, git, makeRemote, publish } from './publish-repos.js';

function writeSite(dir: string, home: string): void {
  mkdirSync(join(dir, '_site', 'assets'), { recursive: true });
  writeFileSync(join(dir, '_site', 'index.html'), home);
  writeFileSync(join(dir, '_site', 'assets', 'style.css'), 'body{}');
}

describe('samizdat publish: the site', () => {
  it('deploys _site/ to gh-pages as a chain of plain commits with .nojekyll, leaving the checkout alone', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    writeFileSync(join(a, '.gitignore'), '.samizdat/\n_site/\n');
    addPost(a, '美国之音');
    writeSite(a, '<h1>v1</h1>');
    // What a build killed while writing a page leaves: not part of the site.
    writeFileSync(join(a, '_site', 'assets', '.samizdat-tmp-123-abcd-1'), 'half a page');

    const first = await publish(a, '--site-branch', 'gh-pages');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/site committed to gh-pages \([0-9a-f]{7}\) and pushed/);
    expect(git(r.remote, 'ls-tree', '-r', '--name-only', 'gh-pages').split('\n')).toEqual(['.nojekyll', 'assets/style.css', 'index.html']);
    expect(git(r.remote, 'show', 'gh-pages:index.html')).toBe('<h1>v1</h1>');
    const v1 = git(r.remote, 'rev-parse', 'gh-pages');
    // The archive branch holds no site, the checkout is still main and clean.
    expect(git(r.remote, 'ls-tree', '-r', '--name-only', 'main')).not.toMatch(/index\.html|nojekyll/);
    expect(git(a, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(git(a, 'status', '--porcelain')).toBe('');

    writeSite(a, '<h1>v2</h1>');
    const second = await publish(a, '--site-branch', 'gh-pages');
    expect(second.code, second.stderr).toBe(0);
    expect(git(r.remote, 'show', 'gh-pages:index.html')).toBe('<h1>v2</h1>');
    expect(git(r.remote, 'rev-parse', 'gh-pages^')).toBe(v1);

    const third = await publish(a, '--site-branch', 'gh-pages');
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain('site unchanged on gh-pages');
    expect(git(r.remote, 'rev-list', '--count', 'gh-pages')).toBe('2');
  });

  it('replaces a kept index of the site that git cannot read', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    writeSite(a, '<h1>v1</h1>');
    expect((await publish(a, '--site-branch', 'gh-pages')).code).toBe(0);
    writeFileSync(join(a, '.samizdat', 'site-index'), 'not an index');
    writeSite(a, '<h1>v2</h1>');
    const res = await publish(a, '--site-branch', 'gh-pages');
    expect(res.code, res.stderr).toBe(0);
    expect(git(r.remote, 'show', 'gh-pages:index.html')).toBe('<h1>v2</h1>');
    expect(git(r.remote, 'ls-tree', '-r', '--name-only', 'gh-pages').split('\n')).toEqual(['.nojekyll', 'assets/style.css', 'index.html']);
  });

  it('builds on a site commit pushed by another clone instead of replacing it', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    const b = r.clone('b');
    writeSite(b, '<h1>b</h1>');
    expect((await publish(b, '--site-branch', 'gh-pages')).code).toBe(0);
    const fromB = git(r.remote, 'rev-parse', 'gh-pages');
    writeSite(a, '<h1>a</h1>');
    const res = await publish(a, '--site-branch', 'gh-pages');
    expect(res.code, res.stderr).toBe(0);
    expect(git(r.remote, 'rev-parse', 'gh-pages^')).toBe(fromB);
    expect(git(r.remote, 'show', 'gh-pages:index.html')).toBe('<h1>a</h1>');
  });

  it('--no-push commits the archive and the site branch locally only', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    addPost(a, '美国之音');
    writeSite(a, '<h1>local</h1>');
    const res = await publish(a, '--no-push', '--site-branch', 'gh-pages');
    expect(res.code, res.stderr).toBe(0);
    expect(git(a, 'show', 'gh-pages:index.html')).toBe('<h1>local</h1>');
    expect(git(a, 'log', '-1', '--format=%s', 'main')).toBe('samizdat: 1 new post (美国之音 1)');
    expect(git(r.remote, 'log', '--format=%s', 'main')).toBe('mirror');
    expect(git(r.remote, 'branch', '--list', 'gh-pages')).toBe('');
  });

  it('--site-dir swaps a copy of the site in whole and refuses a folder that is not a site', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    writeSite(a, '<h1>copied</h1>');
    writeFileSync(join(a, '_site', 'assets', '.samizdat-tmp-123-abcd-1'), 'half a page'); // left by a build killed while writing
    const target = join(mkdtempSync(join(tmpdir(), 'samizdat-www-')), 'www');
    mkdirSync(target);
    writeFileSync(join(target, 'index.html'), 'old');
    writeFileSync(join(target, 'stale.html'), 'gone after the swap');
    const res = await publish(a, '--no-push', '--site-dir', target);
    expect(res.code, res.stderr).toBe(0);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('<h1>copied</h1>');
    expect(readdirSync(join(target, 'assets'))).toEqual(['style.css']);
    expect(existsSync(join(target, 'stale.html'))).toBe(false);
    expect(readdirSync(join(target, '..'))).toEqual(['www']);

    const documents = mkdtempSync(join(tmpdir(), 'samizdat-docs-'));
    writeFileSync(join(documents, 'thesis.txt'), 'precious');
    const refused = await publish(a, '--no-push', '--site-dir', documents);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/holds no index\.html; refusing/);
    expect(readdirSync(documents)).toEqual(['thesis.txt']);

    const overlap = await publish(a, '--no-push', '--site-dir', a);
    expect(overlap.code).toBe(2);
  });

  it('refuses a site deploy with no built site, or onto the archive branch itself (exit 2)', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    const none = await publish(a, '--site-branch', 'gh-pages');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no built site .*run samizdat build/);
    writeSite(a, 'x');
    const same = await publish(a, '--site-branch', 'main');
    expect(same.code).toBe(2);
    expect(git(r.remote, 'log', '--format=%s', 'main')).toBe('mirror');
  });
});
