import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSearch } from '../../src/site/search/searcher.js';
import { allHits, diskLoader } from '../site/search-helpers.js';
import { siteDiff, siteTree } from '../site/site-tree.js';
import { runCli } from '../helpers/cli.js';
import { addPost, ENV, git, makeRemote, publish } from './publish-repos.js';

const cli = (...args: string[]) => runCli(args, { env: ENV });

// The hourly job on a CI runner: a fresh clone each time, .samizdat/ restored from a cache,
// no _site/. With --site-branch the build starts from the last deployed site.
describe('build and run --site-branch: a fresh clone starts from the deployed site', () => {
  it('writes only the pages that changed, and the deploy holds what a full build makes', async () => {
    const r = makeRemote();
    const a = r.clone('runner');
    writeFileSync(join(a, '.gitignore'), '.samizdat/\n_site/\n');
    for (let i = 0; i < 30; i++) addPost(a, i % 2 ? '美国之音' : '德国之声', `第${i}篇`);
    // No site deployed yet: a full build.
    const first = await cli('build', '--archive', a, '--site-branch', 'gh-pages', '--json');
    expect(first.code, first.stderr).toBe(0);
    const full = JSON.parse(first.stdout) as { written: number };
    expect((await publish(a, '--site-branch', 'gh-pages')).code).toBe(0);

    // The next run: the same path, a fresh shallow clone (as actions/checkout makes), the cache of the last run.
    renameSync(a, `${a}-last`);
    const b = join(r.root, 'runner');
    git(r.root, 'clone', '-q', '--depth', '1', pathToFileURL(r.remote).href, b);
    cpSync(join(`${a}-last`, '.samizdat'), join(b, '.samizdat'), { recursive: true });
    const added = addPost(b, '美国之音', '新的一篇');
    const next = await cli('build', '--archive', b, '--site-branch', 'gh-pages', '--json');
    expect(next.code, next.stderr).toBe(0);
    const report = JSON.parse(next.stdout) as { written: number; incremental: boolean; posts: number };
    expect(report).toMatchObject({ incremental: true, posts: 31 });
    expect(report.written).toBeGreaterThan(0);
    expect(report.written).toBeLessThan(full.written / 3);

    const deployed = await publish(b, '--site-branch', 'gh-pages');
    expect(deployed.code, deployed.stderr).toBe(0);
    expect(git(b, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(git(r.remote, 'rev-list', '--count', 'gh-pages')).toBe('2'); // on top of the last deploy
    // The deploy went through the index the restore filled (the one copied in knew no new post).
    const indexed = execFileSync('git', ['-c', 'core.quotePath=false', 'ls-files'], { cwd: b, env: { ...process.env, ...ENV, GIT_INDEX_FILE: join(b, '.samizdat/site-index') }, encoding: 'utf8' });
    expect(indexed.split('\n')).toContain(`${added.slice(0, 10)}/新的一篇/index.html`);
    // A build with nothing to change leaves the site as deployed: the next deploy has nothing to commit.
    expect(JSON.parse((await cli('build', '--archive', b, '--site-branch', 'gh-pages', '--json')).stdout)).toMatchObject({ written: 0, incremental: true });
    expect((await publish(b, '--site-branch', 'gh-pages')).stderr).toContain('site unchanged on gh-pages');
    // What gh-pages now holds is what a full build of the archive makes.
    const check = r.clone('check');
    const fresh = await cli('build', '--archive', check, '--out', join(r.root, 'full-site'), '--json');
    expect(fresh.code, fresh.stderr).toBe(0);
    const pages = join(r.root, 'pages');
    git(r.root, 'clone', '-q', '--branch', 'gh-pages', r.remote, pages);
    rmSync(join(pages, '.git'), { recursive: true });
    rmSync(join(pages, '.nojekyll'));
    expect(siteDiff(siteTree(pages), siteTree(join(r.root, 'full-site')), ['deployed', 'full'])).toEqual([]);
    // Its search index (two segments now) finds the new post and the old ones.
    const search = await openSearch(diskLoader(pages).load);
    expect((await allHits(await search.search('新的一篇'))).map((h) => h.title)).toEqual(['新的一篇']);
    expect(await allHits(await search.search('篇'))).toHaveLength(31);
  }, 60_000);

  it('run --site-branch does the same, a feed down or not; a folder that holds a site is left alone', async () => {
    const r = makeRemote();
    const a = r.clone('runner');
    writeFileSync(join(a, '.gitignore'), '.samizdat/\n_site/\n');
    writeFileSync(join(a, 'subs.json'), '[{"site": "美国之音", "url": "http://127.0.0.1:9/down.xml"}]\n');
    for (let i = 0; i < 6; i++) addPost(a, '美国之音', `篇${i}`);
    expect((await cli('run', '--archive', a, '--site-branch', 'gh-pages', '--timeout', '5')).code).toBe(1); // the feed is down
    expect((await publish(a, '--site-branch', 'gh-pages')).code).toBe(0);
    renameSync(a, `${a}-last`);
    const b = r.clone('runner');
    cpSync(join(`${a}-last`, '.samizdat'), join(b, '.samizdat'), { recursive: true });
    const again = await cli('run', '--archive', b, '--site-branch', 'gh-pages', '--timeout', '5', '--json');
    expect([0, 1], again.stderr).toContain(again.code); // the feed is down, or backing off
    expect(again.stderr).toMatch(/run: started from the site of gh-pages \([0-9a-f]{10}\)/);
    expect(JSON.parse(again.stdout.trim().split('\n').pop()!).build).toMatchObject({ written: 0, incremental: true });
    // The folder now holds the site: a second run builds on it and restores nothing.
    const third = await cli('run', '--archive', b, '--site-branch', 'gh-pages', '--timeout', '5');
    expect(third.stderr).not.toMatch(/started from the site/);
  }, 60_000);

  it('leaves a branch alone that holds another site (no mark of a samizdat build)', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    addPost(a, '美国之音');
    // gh-pages as a hand-made site left it.
    git(a, 'checkout', '-q', '--orphan', 'gh-pages');
    git(a, 'rm', '-rq', '--cached', '.');
    writeFileSync(join(a, 'old.html'), '<p>旧站</p>');
    git(a, 'add', 'old.html');
    git(a, 'commit', '-qm', 'old site');
    git(a, 'push', '-q', 'origin', 'gh-pages');
    git(a, 'checkout', '-qf', 'main');
    const res = await cli('build', '--archive', a, '--site-branch', 'gh-pages', '--verbose');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('build: site not taken from gh-pages: gh-pages holds no site samizdat built (no .samizdat-build)');
    expect(existsSync(join(a, '_site/old.html'))).toBe(false);
    expect(existsSync(join(a, '_site/index.html'))).toBe(true);
  }, 60_000);

  it('needs a git repository, and builds every page when the branch cannot be fetched', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    addPost(a, '美国之音');
    git(a, 'remote', 'set-url', 'origin', join(r.root, 'no-such-remote.git'));
    const res = await cli('build', '--archive', a, '--site-branch', 'gh-pages');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/warning: build: could not take the site from gh-pages \(.+\); every page is built/);
    expect(existsSync(join(a, '_site/index.html'))).toBe(true);
    const plain = join(r.root, 'plain');
    cpSync(join(a, '_posts'), join(plain, '_posts'), { recursive: true });
    const no = await cli('build', '--archive', plain, '--site-branch', 'gh-pages');
    expect(no.code).toBe(2);
    expect(no.stderr.trim()).toMatch(/^error: build: --site-branch: .*plain is not in a git repository$/);
  }, 60_000);
});
