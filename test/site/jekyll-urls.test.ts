import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { permalinkTemplate } from '../../src/site/permalink.js';
import { loadSitePosts } from '../../src/site/load-posts.js';
import { slugify } from '../../src/site/slugify.js';

/**
 * The URL set real Jekyll 4.3.1 wrote for the fixture mirrors (`permalink: /:year-:month-:day/:title/`,
 * `future: true`, no `timezone`: the build machine's zone, UTC — the dates match only in UTC)
 * must equal ours. One known difference, asserted precisely: a post whose front matter is not
 * YAML. Jekyll then has no date and no slug for it and writes it at the *build's* date under the
 * whole file name (`/2026-11-29/2022-04-25-城寨新聞…/`), a URL that changes with every build;
 * samizdat publishes it at its file name's date and title instead. Posts sharing a URL
 * (duplicates in the mirrors) are one page in both.
 */
const TEMPLATE = permalinkTemplate('/:year-:month-:day/:title/');
const SHARED = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
const LOCAL = fileURLToPath(new URL('../testdata/site/jekyll-urls/', import.meta.url));

async function compare(archiveDir: string, urlsFile: string): Promise<{ ours: number; jekyll: number; invalidYaml: number; duplicates: number }> {
  const jekyll = new Set(readFileSync(urlsFile, 'utf8').split('\n').filter(Boolean));
  const { posts, skipped, warnings } = await loadSitePosts(archiveDir, { template: TEMPLATE, timeZone: 'UTC' });
  expect(skipped).toEqual([]);
  const ours = new Set(posts.map((p) => p.url));
  expect(ours.size).toBe(posts.length);

  const invalid = warnings.filter((w) => w.includes('front matter is not valid YAML')).map((w) => w.slice(0, w.indexOf(': front matter')));
  const expected = new Set(jekyll);
  for (const file of invalid) {
    const stem = basename(file).replace(/\.[^.]+$/, '');
    const buildDateUrls = [...jekyll].filter((u) => u.endsWith(`/${slugify(stem, 'pretty', true)}/`) && /^\/\d{4}-\d\d-\d\d\//.test(u));
    expect(buildDateUrls, `Jekyll's URL for ${file}`).toHaveLength(1);
    expected.delete(buildDateUrls[0]!);
    const ourUrl = posts.find((p) => p.file === file)!.url;
    expect(jekyll.has(ourUrl)).toBe(false);
    expected.add(ourUrl);
  }
  const missing = [...expected].filter((u) => !ours.has(u));
  const extra = [...ours].filter((u) => !expected.has(u));
  expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  const duplicates = warnings.filter((w) => w.includes(': same URL ')).length;
  return { ours: ours.size, jekyll: jekyll.size, invalidYaml: invalid.length, duplicates };
}

describe('post URLs equal the ones Jekyll 4.3 wrote', () => {
  it('on the bundled subset (tricky titles, duplicates, invalid front matter)', async () => {
    const r = await compare(LOCAL, `${LOCAL}expected.urls`);
    expect(r.invalidYaml).toBe(1);
    expect(r.duplicates).toBeGreaterThan(0);
  });

  const mirrors = existsSync(`${SHARED}jekyll-urls`) ? readdirSync(`${SHARED}jekyll-urls`).filter((f) => f.endsWith('.urls')) : [];
  it.skipIf(mirrors.length === 0)('on every fixture mirror in ../shared/fixtures (skipped when absent)', async () => {
    const results: Record<string, unknown> = {};
    for (const file of mirrors) {
      const mirror = file.replace(/\.urls$/, '');
      results[mirror] = await compare(`${SHARED}posts/${mirror}`, `${SHARED}jekyll-urls/${file}`);
    }
    expect(Object.keys(results).length).toBe(4);
    console.info(results);
  });
});
