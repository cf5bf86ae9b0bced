import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { buildSite } from '../../src/site/build-site.js';
import { homePages } from '../../src/site/generators/home-pages.js';
import type { Generator } from '../../src/site/site-model.js';
import { stagingFolder, writeOutputFile } from '../../src/site/staged-output.js';

let archive: string;
beforeAll(async () => {
  archive = await mkdtemp(join(tmpdir(), 'samizdat-staged-'));
  for (let i = 0; i < 5; i++) {
    const file = join(archive, '_posts', `2021-01-0${i + 1}-第${i}篇.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, formatPost({ title: `第${i}篇`, date: Date.UTC(2021, 0, i + 1), author: '美国之音', link: `https://example.org/${i}`, site: '美国之音', content: `<p>正文 ${i}</p>` }));
  }
});
afterAll(async () => {
  await rm(archive, { recursive: true, force: true });
});

/** Names beside `dir` left by staging (temp names). */
const stagingLeft = (dir: string): string[] => readdirSync(dirname(dir)).filter((n) => n.startsWith('.samizdat-tmp-'));

/** A generator that looks at the output folder while the build runs, then writes a file (or fails). */
function probe(outRoot: string, seen: { outExists?: boolean; stagedFiles?: string[] }, fail = false): Generator {
  return {
    name: 'probe',
    async generate(_model, out) {
      await out.write('probe.txt', 'written while building');
      seen.outExists = existsSync(outRoot);
      seen.stagedFiles = stagingLeft(outRoot).flatMap((n) => readdirSync(join(dirname(outRoot), n)));
      if (fail) throw new Error('probe failed on purpose');
    },
  };
}

describe('a new output folder', () => {
  it('is built beside it under a temp name and appears only when complete', async () => {
    const out = join(archive, 'site-a');
    const seen: { outExists?: boolean; stagedFiles?: string[] } = {};
    const report = await buildSite({ archiveDir: archive, outDir: out, config: { title: 't' }, generators: [homePages, probe(out, seen)] });
    expect(seen.outExists).toBe(false);
    expect(seen.stagedFiles).toEqual(expect.arrayContaining(['index.html', 'probe.txt']));
    expect(report.written).toBeGreaterThan(1);
    expect(readFileSync(join(out, 'probe.txt'), 'utf8')).toBe('written while building');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('第4篇');
    expect(stagingLeft(out)).toEqual([]);
    // The folder now exists: the next build writes in place.
    const again: { outExists?: boolean } = {};
    await buildSite({ archiveDir: archive, outDir: out, config: { title: 't' }, generators: [homePages, probe(out, again)], full: true });
    expect(again.outExists).toBe(true);
    expect(stagingLeft(out)).toEqual([]);
  });

  it('leaves nothing when its build fails, and a folder left by a build cut short is removed by the next', async () => {
    const out = join(archive, 'nested', 'site-b');
    const seen: { outExists?: boolean } = {};
    await expect(buildSite({ archiveDir: archive, outDir: out, config: { title: 't' }, generators: [homePages, probe(out, seen, true)] })).rejects.toThrow('probe failed on purpose');
    expect(seen.outExists).toBe(false);
    expect(existsSync(out)).toBe(false);
    expect(stagingLeft(out)).toEqual([]);
    // A build killed mid-way leaves its staging folder (here made by hand); the next build of the folder removes it.
    const left = stagingFolder(out);
    writeFileSync(join(left, 'half.html'), '<p>half');
    await buildSite({ archiveDir: archive, outDir: out, config: { title: 't' }, generators: [homePages] });
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'half.html'))).toBe(false);
    expect(stagingLeft(out)).toEqual([]);
    // Another folder's staging folder beside it is not touched.
    const other = stagingFolder(join(dirname(out), 'site-c'));
    await buildSite({ archiveDir: archive, outDir: join(dirname(out), 'site-d'), config: { title: 't' }, generators: [homePages] });
    expect(existsSync(other)).toBe(true);
  });

  it('that cannot be made is reported in one line naming it', async () => {
    writeFileSync(join(archive, 'a-file'), 'not a folder');
    const out = join(archive, 'a-file', 'site');
    const err: Error = await buildSite({ archiveDir: archive, outDir: out, config: { title: 't' }, generators: [homePages] }).then(() => new Error('built'), (e: Error) => e);
    expect(err.message).toMatch(/^build: cannot make the output folder .+ \(.+\)$/);
    expect(err.message).toContain(out);
    expect(err.message).not.toContain('\n');
  });
});

describe('writeOutputFile', () => {
  it('writes whole files, directly inside a staging folder and through a temp file elsewhere, creating folders', () => {
    const staged = stagingFolder(join(archive, 'site-e'));
    writeOutputFile(join(staged, 'a', 'b', 'index.html'), '<p>甲</p>');
    writeOutputFile(join(archive, 'site-f', 'c', 'index.html'), new TextEncoder().encode('<p>乙</p>'));
    writeOutputFile(join(archive, 'site-f', 'c', 'index.html'), '<p>丙</p>');
    expect(readFileSync(join(staged, 'a', 'b', 'index.html'), 'utf8')).toBe('<p>甲</p>');
    expect(readFileSync(join(archive, 'site-f', 'c', 'index.html'), 'utf8')).toBe('<p>丙</p>');
    expect(readdirSync(join(archive, 'site-f', 'c'))).toEqual(['index.html']);
  });
});
