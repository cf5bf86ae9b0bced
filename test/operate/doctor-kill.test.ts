import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPost } from '../../src/archive/doctor/check-post.js';
import { isFixable } from '../../src/archive/doctor/kinds.js';
import { publishedUrl, urlRules } from '../../src/archive/import/post-url.js';
import { BIN, runCli } from '../helpers/cli.js';
import { copyLegacy, postHashes } from '../testdata/import/legacy-copy.js';

const RULES = urlRules({ permalink: '/:year-:month-:day/:title/' });

function urlList(dir: string): string[] {
  return [...postHashes(dir).keys()].map((p) => publishedUrl(readFileSync(join(dir, p), 'utf8'), p, RULES) ?? '').sort();
}

/**
 * Runs doctor --fix --write and SIGKILLs it `afterMs` after its first write in `_posts/` (a
 * temp file or a renamed post shows up in a listing polled every few ms), so the kill lands
 * in the writing phase whatever the machine's load.
 */
function killDuringWrites(dir: string, afterMs: number): Promise<{ signal: NodeJS.Signals | null }> {
  const posts = join(dir, '_posts');
  const initial = readdirSync(posts).sort().join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'doctor', '--archive', dir, '--fix', '--write'], { stdio: 'ignore' });
    const poll = setInterval(() => {
      if (readdirSync(posts).sort().join('\n') === initial) return;
      clearInterval(poll);
      setTimeout(() => child.kill('SIGKILL'), afterMs);
    }, 2);
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      clearInterval(poll);
      resolve({ signal });
    });
  });
}

describe('doctor --fix --write killed at random points', () => {
  it('always leaves a consistent archive (every post whole, old or repaired, every URL kept); the next run completes', async () => {
    const dir = copyLegacy();
    // Four times the subset's _posts (in folders of their own), so that the writing phase lasts.
    for (let i = 1; i <= 3; i++) cpSync(join(dir, '_posts'), join(dir, 'archived', `copy${i}`), { recursive: true });
    const original = postHashes(dir);
    const originalHashes = new Set(original.values());
    const originalUrls = urlList(dir);

    let killedMidWrite = 0;
    let changedBefore = 0;
    for (let i = 0; i < 6; i++) {
      const r = await killDuringWrites(dir, Math.random() * 40);
      const now = postHashes(dir);
      const changed = [...now].filter(([p, h]) => original.get(p) !== h).length; // renamed or rewritten
      if (r.signal === 'SIGKILL' && changed > changedBefore) killedMidWrite++;
      changedBefore = changed;
      expect(now.size, `after kill ${i + 1}`).toBe(original.size);
      for (const [p, hash] of now) {
        if (originalHashes.has(hash)) continue;
        // Not an original: then a complete repaired post.
        const left = checkPost(p, readFileSync(join(dir, p), 'utf8'), Date.now()).findings.filter((f) => isFixable(f.kind));
        expect(left, p).toEqual([]);
      }
      expect(urlList(dir)).toEqual(originalUrls);
    }
    // The kills hit the writing phase: some left the repair half done.
    expect(killedMidWrite).toBeGreaterThan(0);

    const final = await runCli(['doctor', '--archive', dir, '--fix', '--write', '--json'], { timeoutMs: 60_000 });
    expect(final.signal).toBeNull();
    const check = await runCli(['doctor', '--archive', dir, '--json']);
    const report = JSON.parse(check.stdout) as { kinds: Array<{ kind: string }> };
    expect(report.kinds.map((k) => k.kind)).toEqual(['duplicate']);
    expect(urlList(dir)).toEqual(originalUrls);
    expect(postHashes(dir).size).toBe(original.size);
  }, 60_000);
});
