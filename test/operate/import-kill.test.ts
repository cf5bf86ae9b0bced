import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { BIN, runCli } from '../helpers/cli.js';
import { postHashes } from '../testdata/import/legacy-copy.js';

const POSTS = 3000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('import --into killed at random points', () => {
  it('is completed by the next run, every post byte for byte', async () => {
    const source = mkdtempSync(join(tmpdir(), 'samizdat-import-src-'));
    mkdirSync(join(source, '_posts'));
    for (let i = 0; i < POSTS; i++) {
      const date = Date.UTC(2020, 0, 1) + i * 3_600_000;
      writeFileSync(join(source, '_posts', `${new Date(date).toISOString().slice(0, 10)}-第${i}篇.md`),
        formatPost({ title: `第${i}篇`, date, author: '甲', link: `https://example.org/${i}`, site: '甲', content: `<p>${'正文 '.repeat(300)}${i}</p>` }));
    }
    const into = join(mkdtempSync(join(tmpdir(), 'samizdat-import-into-')), 'new');
    const copiedPosts = (): number => (existsSync(join(into, '_posts')) ? readdirSync(join(into, '_posts')).filter((n) => n.endsWith('.md')).length : 0);
    for (let round = 0; round < 3; round++) {
      const before = copiedPosts();
      const child = spawn(process.execPath, [BIN, 'import', source, '--into', into], { stdio: 'ignore' });
      const closed = new Promise((r) => child.on('close', r));
      // Kill once this round has copied something (or is indexing), at a varying point. The
      // scan before the copy takes seconds on a slow machine: wait up to 20 s for the copy.
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && copiedPosts() <= before + 50 * round) await sleep(5);
      child.kill('SIGKILL');
      await closed;
    }
    expect(copiedPosts()).toBeGreaterThan(0);
    const res = await runCli(['import', source, '--into', into]);
    expect(res.code, res.stderr).toBe(0);
    expect(postHashes(into)).toEqual(postHashes(source));
    expect(existsSync(join(into, '.samizdat-import'))).toBe(false);
    // A finished import is not resumed: the folder is now an archive, not a new one.
    expect((await runCli(['import', source, '--into', into])).code).toBe(2);
  }, 150_000);
});
