import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { runCli } from '../helpers/cli.js';

/** Shared by the publish tests: real git against a local bare repository; the machine's own git config is kept out. */
const home = mkdtempSync(join(tmpdir(), 'samizdat-publish-home-'));
export const ENV = { GIT_CONFIG_GLOBAL: join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home };
writeFileSync(ENV.GIT_CONFIG_GLOBAL, '');

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, env: { ...process.env, ...ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A bare remote with one commit on main (subs.json), and a function that clones it. */
export function makeRemote(): { root: string; remote: string; clone(name: string, identity?: boolean): string } {
  const root = mkdtempSync(join(tmpdir(), 'samizdat-publish-'));
  const remote = join(root, 'remote.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  // What a protected branch does: a forced push would be refused, so the tests would see it.
  git(remote, 'config', 'receive.denyNonFastForwards', 'true');
  const seed = join(root, 'seed');
  git(root, 'init', '-q', '-b', 'main', seed);
  writeFileSync(join(seed, 'subs.json'), '[{"site": "美国之音", "url": "https://example.org/voa.xml"}]\n');
  git(seed, 'add', '-A');
  git(seed, '-c', 'user.name=seed', '-c', 'user.email=seed@example.org', 'commit', '-q', '-m', 'mirror');
  git(seed, 'push', '-q', remote, 'main');
  return {
    root, remote,
    clone(name, identity = true) {
      const dir = join(root, name);
      git(root, 'clone', '-q', remote, dir);
      if (identity) {
        git(dir, 'config', 'user.name', `clone ${name}`);
        git(dir, 'config', 'user.email', `${name}@example.org`);
      }
      return dir;
    },
  };
}

let n = 0;
export function addPost(dir: string, site: string, title = `标题 ${++n}`): string {
  const name = `2024-05-0${(n % 9) + 1}-${title.replace(/\s/g, '-')}.md`;
  mkdirSync(join(dir, '_posts'), { recursive: true });
  writeFileSync(join(dir, '_posts', name), formatPost({ title, date: Date.UTC(2024, 4, 1, 8), author: site, link: `https://example.org/${encodeURIComponent(title)}`, site, content: '<p>正文</p>' }));
  return name;
}

export const publish = (dir: string, ...args: string[]) => runCli(['publish', '--archive', dir, ...args], { env: ENV });

