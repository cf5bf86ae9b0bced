import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { simpleFrontMatter } from '../../src/site/simple-front-matter.js';
import { frontMatterYaml, parseYaml } from '../../src/site/url-facts.js';
import { fixturePostFiles } from '../helpers/fixture-posts.js';

/** The yaml package's reading, which the simple reader must equal wherever it answers. */
const full = (yaml: string): unknown => parseYaml(yaml, []);

function expectSame(yaml: string, label: string): boolean {
  const simple = simpleFrontMatter(yaml);
  if (simple) expect(simple, label).toEqual(full(yaml));
  return simple !== undefined;
}

/** A small deterministic generator (mulberry32): the same cases on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('front matter read without a YAML parser', () => {
  it('reads a post as samizdat writes it the way YAML does', () => {
    const post = formatPost({
      title: '习近平普京会面 "白宫"和北约回应', date: Date.UTC(2022, 1, 4, 21, 32, 23), author: '大纪元', link: 'https://www.epochtimes.com/gb/22/2/4/n13555352.htm#r5',
      site: '大纪元', content: '<p>x</p>', categories: ['国际', 'US news'],
    });
    const yaml = frontMatterYaml(post)!;
    const simple = simpleFrontMatter(yaml);
    expect(simple).toBeDefined();
    expect(simple).toEqual(full(yaml));
    expect(simple!.data['comments']).toBe(true);
    expect(simple!.datePlain).toBe(true);
    expect(simpleFrontMatter('date: "2022-02-04 21:32:23"\n')).toEqual({ data: { date: '2022-02-04 21:32:23' }, datePlain: false });
  });

  it('leaves to the parser what it cannot read for sure', () => {
    for (const yaml of [
      'title: 2024\n', 'title: yes\n', 'title: "a\\nb"\n', 'title: "a\\u0041"\n', 'title: e5\n', 'e5: x\n', 'tags: [ a, E10 ]\n', 'date: e-3\n', '', '\n\n', `${'k'.repeat(1025)}: v\n`, 'on: x\n', 'title: x\ntitle: y\n', '# note\ntitle: x\n', 'title: x # note\n',
      'title: a: b\n', 'tags: [ a: b ]\n', 'tags: [ 1 ]\n', 'title:\n', '  title: x\n', 'title: x \n', 'title: "x"\r\n', 'title: &a x\n',
      'title: .5\n', 'title: ~\n', 'title: null\n', 'comments: on\n', 'tags: [ a, ]\n', 'title: |\n  x\n', 'title: "a\tb"\n', '__proto__: x\n',
    ]) {
      expect(simpleFrontMatter(yaml), JSON.stringify(yaml)).toBeUndefined();
    }
  });

  it('equals the yaml package on every fixture post it reads, and reads most of them', () => {
    let total = 0;
    let read = 0;
    for (const { root, path } of fixturePostFiles()) {
      const yaml = frontMatterYaml(readFileSync(join(root, path), 'utf8').replace(/^\ufeff/, ''));
      if (yaml === undefined) continue;
      total++;
      if (expectSame(yaml, `${root}${path}`)) read++;
    }
    expect(total).toBeGreaterThan(150);
    expect(read).toBeGreaterThan(total * 0.8);
  });

  it('equals the yaml package on 40,000 front matters made of awkward pieces, wherever it answers', () => {
    const next = random(20261129);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const keys = ['title', 'date', 'author', 'from', 'tags', 'categories', 'comments', 'layout', 'slug', 'guid', 'on', 'y', 'No', 'a_b', 'x1'];
    const pieces = [
      'a', 'Z', '大纪元', '习近平', ' ', '  ', ':', ': ', '#', ' #', '"', "'", '[', ']', ',', '{', '}', '-', '?', '!', '&', '*', '|', '>', '%', '@', '`',
      '\\', '.', '~', '+', '=', '<', '\t', '\u2028', '0', '7', '12', '0x1F', '1:20', '1_000', '.inf', 'yes', 'No', 'true', 'False', 'null', 'on', 'y',
      '\\"', '\\\\', '\\n', '2022-02-04', 'T21:32:23', ' 21:32:23', '.000Z', ' +08:00', 'https://example.org/a?b=c&d#e', '(上)', '｜', '🙂', '\u3000', '\u00a0', '\u0085', 'e5', 'E-3',
    ];
    const value = (): string => {
      const body = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(pieces)).join('');
      const form = next();
      if (form < 0.2) return `"${body}"`;
      if (form < 0.3) return `'${body}'`;
      if (form < 0.45) return `[ ${Array.from({ length: Math.floor(next() * 3) }, () => Array.from({ length: 1 + Math.floor(next() * 2) }, () => pick(pieces)).join('')).join(', ')} ]`;
      return body;
    };
    let read = 0;
    for (let i = 0; i < 40_000; i++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 5) }, () => `${pick(keys)}: ${value()}`);
      if (expectSame(`${lines.join('\n')}\n`, JSON.stringify(lines))) read++;
    }
    expect(read).toBeGreaterThan(2_000); // enough answers to compare
  });
});
