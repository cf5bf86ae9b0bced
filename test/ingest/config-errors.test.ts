import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

function mirrorWith(subsText: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-cfg-'));
  if (subsText !== undefined) writeFileSync(join(dir, 'subs.json'), subsText);
  return dir;
}

describe('bad configuration: one clear line, exit 2', () => {
  const cases: Array<[string, string | undefined, RegExp]> = [
    ['missing file', undefined, /subs\.json: not found/],
    ['not JSON', '[{"site": "a", "url": "http://x/"},]', /subs\.json: not valid JSON/],
    ['not an array', '{"site": "a"}', /subs\.json: expected a JSON array/],
    ['entry without site', '[{"url": "http://x.invalid/f.xml"}]', /subs\.json: entry 1: missing "site"/],
    ['invalid url', '[{"site": "甲", "url": "not a url"}]', /subs\.json: entry 1 \("甲"\): "url" is not an absolute http\(s\) URL: "not a url"/],
    ['ftp url', '[{"site": "甲", "url": "ftp://x.invalid/f.xml"}]', /entry 1 \("甲"\): "url" is not an absolute http\(s\) URL/],
    ['duplicate url', '[{"site": "甲", "url": "http://x.invalid/f.xml"}, {"site": "乙", "url": "http://X.invalid/f.xml"}]', /entry 2 \("乙"\): duplicate "url" \(same as entry 1\)/],
    ['bad timeout', '[{"site": "甲", "url": "http://x.invalid/f.xml", "timeout": -1}]', /"timeout" must be a number of seconds/],
    ['bad encoding', '[{"site": "甲", "url": "http://x.invalid/f.xml", "encoding": "klingon"}]', /unknown "encoding": "klingon"/],
    ['empty list', '[]', /no subscriptions/],
  ];
  it.each(cases)('%s', async (_name, text, message) => {
    const dir = mirrorWith(text);
    const res = await runCli(['fetch', '--archive', dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('unknown options and commands are usage errors', async () => {
    const opt = await runCli(['fetch', '--bogus']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toMatch(/fetch: Unknown option '--bogus'/);
    const cmd = await runCli(['fecth']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/unknown command "fecth"/);
  });

  it('--help explains the command and exits 0', async () => {
    const res = await runCli(['fetch', '--help']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Usage: samizdat fetch/);
    expect(res.stdout).toMatch(/--archive DIR/);
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/fetch +fetch every feed/);
  });
});
