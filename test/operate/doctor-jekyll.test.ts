import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/archive/import/front-matter-keys.js';
import { redirectList } from '../../src/archive/import/merge-duplicates.js';
import { publishedUrl, urlRules } from '../../src/archive/import/post-url.js';
import { runCli } from '../helpers/cli.js';
import { copyLegacy, postHashes } from '../testdata/import/legacy-copy.js';

const JEKYLL = '/usr/bin/jekyll';
const hasJekyll = existsSync(JEKYLL);
if (!hasJekyll) console.warn('doctor-jekyll.test.ts skipped: /usr/bin/jekyll is missing (apt-get install -y jekyll)');
const RULES = urlRules({ permalink: '/:year-:month-:day/:title/' });

/** Real Jekyll (Debian's 4.3) on a mirror, with a minimal theme. */
function jekyllBuild(dir: string, plugins: string[] = []): { code: number | null; output: string } {
  mkdirSync(join(dir, '_layouts'), { recursive: true });
  writeFileSync(join(dir, '_layouts', 'post.html'), '<!doctype html><title>{{ page.title }}</title>{{ content }}\n');
  writeFileSync(join(dir, '_layouts', 'default.html'), '<!doctype html>{{ content }}\n');
  writeFileSync(join(dir, '_config.yml'), `title: test\npermalink: /:year-:month-:day/:title/\n${plugins.length ? `plugins: [${plugins.join(', ')}]\n` : ''}`);
  const r = spawnSync(JEKYLL, ['build', '--quiet'], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true' } });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

function hasRedirectPlugin(): boolean {
  return spawnSync('ruby', ['-e', 'require "jekyll-redirect-from"'], { encoding: 'utf8' }).status === 0;
}

describe.skipIf(!hasJekyll)('a legacy mirror taken over by samizdat builds with real Jekyll', () => {
  it('the raw legacy subset breaks Jekyll; after import --merge-duplicates and doctor --fix --write it builds with no error and every URL is kept', async () => {
    const raw = copyLegacy();
    const broken = jekyllBuild(raw);
    // A name with ':' becomes a URL Jekyll takes for a scheme; an invalid front matter is a YAML exception.
    expect(broken.code).not.toBe(0);

    const dir = copyLegacy();
    const urlsBefore = new Set([...postHashes(dir).keys()].map((p) => publishedUrl(readFileSync(join(dir, p), 'utf8'), p, RULES)!));
    const imported = await runCli(['import', dir, '--merge-duplicates']);
    expect(imported.code, imported.stderr).not.toBe(2);
    const fixed = await runCli(['doctor', '--archive', dir, '--fix', '--write', '--json']);
    expect(JSON.parse(fixed.stdout).remaining, fixed.stderr).toBe(0);

    const plugins = hasRedirectPlugin() ? ['jekyll-redirect-from'] : [];
    if (!plugins.length) console.warn('jekyll-redirect-from missing (apt-get install -y ruby-jekyll-redirect-from): redirect pages not checked');
    const built = jekyllBuild(dir, plugins);
    expect(built.code, built.output).toBe(0);
    expect(built.output).not.toMatch(/error|exception/i);

    // Every post answers at its URL (its own, or the old one kept by permalink:), and every
    // URL a merged duplicate had is still there (a redirect page) when the plugin is present.
    const served = new Set<string>();
    for (const p of postHashes(dir).keys()) {
      const text = readFileSync(join(dir, p), 'utf8');
      const fm = parseFrontMatter(text);
      const url = publishedUrl(text, p, RULES)!;
      // Jekyll takes archived/ files as pages: they follow the permalink rule only through permalink:.
      if (p.startsWith('_posts/') || typeof fm?.permalink === 'string') {
        expect(existsSync(join(dir, '_site', url, 'index.html')), `${p} -> ${url}`).toBe(true);
        served.add(url);
      }
      for (const old of redirectList(text)) {
        served.add(old);
        if (plugins.length) expect(readFileSync(join(dir, '_site', old, 'index.html'), 'utf8'), old).toMatch(/http-equiv="refresh"/);
      }
    }
    for (const url of urlsBefore) {
      if (served.has(url)) continue;
      // Left: archived/ pages whose URL never changed (Jekyll serves them as pages, as before).
      expect([...postHashes(dir).keys()].some((p) => p.startsWith('archived/') && publishedUrl(readFileSync(join(dir, p), 'utf8'), p, RULES) === url), url).toBe(true);
    }
  }, 120_000);
});
