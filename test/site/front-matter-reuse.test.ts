import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPost } from '../../src/archive/posts/read-post.js';
import { readUrlFacts } from '../../src/site/url-facts.js';
import { fixturePostFiles } from '../helpers/fixture-posts.js';

/** readPost given the front matter readUrlFacts parsed, and readPost parsing it itself. */
function both(text: string, name: string): { own: unknown; reused: unknown; offered: boolean } {
  const facts = readUrlFacts(text, name, 'UTC');
  const parsed = typeof facts === 'string' ? undefined : facts.frontMatter;
  return { own: readPost(text, name).post, reused: readPost(text, name, parsed).post, offered: parsed !== undefined };
}

describe('the site reads each front matter once', () => {
  it('reads every legacy post the same with the URL reader\'s parse as with its own', () => {
    let offered = 0;
    let total = 0;
    for (const { root, path } of fixturePostFiles()) {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(root, path)));
      } catch {
        continue; // not UTF-8: the site skips it before reading its front matter
      }
      const r = both(text, basename(path));
      expect(r.reused, `${root}${path}`).toEqual(r.own);
      total++;
      if (r.offered) offered++;
    }
    expect(total).toBeGreaterThan(150);
    expect(offered).toBeGreaterThan(total * 0.9);
  });

  it('parses again where a timestamp would read differently: a date-like title, a date without an epoch comment', () => {
    const dateTitle = '---\ntitle: 2022-01-01\nfrom: https://example.org/a\ntags: [ 测试 ]\n---\n<!--1641024000000-->\n<div>\n<p>x</p>\n</div>\n';
    const r1 = both(dateTitle, '2022-01-01-x.md');
    expect(r1.reused).toEqual(r1.own);
    expect((r1.own as { title: string }).title).toBe('2022-01-01T00:00:00.000Z'); // what YAML 1.1 makes of it, as before
    const noEpoch = '---\ntitle: "无时间戳"\ndate: 2022-02-04 21:32:23\nfrom: https://example.org/b\n---\n<p>正文</p>\n';
    const r2 = both(noEpoch, '2022-02-04-无时间戳.md');
    expect(r2.offered).toBe(true);
    expect(r2.reused).toEqual(r2.own);
    expect((r2.own as { date: number }).date).toBe(Date.UTC(2022, 1, 4, 21, 32, 23));
  });
});
