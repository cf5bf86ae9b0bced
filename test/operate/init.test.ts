import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSiteConfig } from '../../src/config/load-site-config.js';
import { loadSubscriptions } from '../../src/config/load-subscriptions.js';
import { EXAMPLE_SUBS } from '../../src/init/templates.js';
import { runCli } from '../helpers/cli.js';

const FILES = ['subs.json', '_config.yml', '.gitignore', '_posts/.gitkeep', '.github/workflows/samizdat.yml'];
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'samizdat-init-'));

describe('samizdat init', () => {
  it('creates a mirror in a new folder: valid subs.json and _config.yml, a workflow that runs hourly, one at a time', async () => {
    const dir = join(tempDir(), 'new', 'mirror');
    const r = await runCli(['init', dir]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of FILES) expect(existsSync(join(dir, f)), f).toBe(true);
    for (const f of FILES) expect(r.stderr).toContain(join(dir, f));
    expect(r.stderr).toMatch(/Next steps:/);

    const { subs, warnings } = loadSubscriptions(join(dir, 'subs.json'));
    expect(warnings).toEqual([]);
    expect(subs.map((s) => s.site)).toEqual(EXAMPLE_SUBS.map((s) => s.site));
    expect(readFileSync(join(dir, 'subs.json'), 'utf8').endsWith(']\n')).toBe(true);

    expect(loadSiteConfig(join(dir, '_config.yml'))).toEqual({
      title: 'samizdat mirror', description: expect.any(String), baseurl: '', permalink: '/:year-:month-:day/:title/', paginate: 50, timezone: 'Asia/Shanghai',
    });
    expect(parse(readFileSync(join(dir, '_config.yml'), 'utf8'))).toMatchObject({ url: '', baseurl: '' });
    expect(readFileSync(join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['.samizdat/', '_site/', '.samizdat-tmp-*']));

    const wf = parse(readFileSync(join(dir, '.github/workflows/samizdat.yml'), 'utf8')) as Record<string, any>;
    expect(wf.on.schedule[0].cron).toMatch(/^\d+ \* \* \* \*$/);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    expect(wf.concurrency).toEqual({ group: 'samizdat', 'cancel-in-progress': false });
    const steps = wf.jobs.mirror.steps as Array<Record<string, any>>;
    const uses = steps.map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(expect.arrayContaining([expect.stringMatching(/^actions\/checkout@/), expect.stringMatching(/^actions\/setup-node@/), expect.stringMatching(/^actions\/cache@/)]));
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))!.with['node-version']).toBe(20);
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache'))!;
    expect(cache.with.path).toBe('.samizdat');
    expect(cache.with.key).toContain('${{ github.run_id }}');
    expect(cache.with['restore-keys']).toMatch(/^samizdat-/);
    const script = steps.map((s) => s.run ?? '').join('\n');
    expect(script).toContain('npm install -g samizdat');
    // Fetch + build, tolerate exit 1 (some feeds down), then publish with the site branch.
    expect(script).toMatch(/npx samizdat run --site-branch gh-pages \|\| status=\$\?[\s\S]*if \[ "\$status" -gt 1 \]/);
    expect(script).toContain('npx samizdat publish --site-branch gh-pages');
    expect(script.indexOf('samizdat run')).toBeLessThan(script.indexOf('samizdat publish'));
  });

  it('matches the bundled examples/mirror/subs.json', () => {
    const example = JSON.parse(readFileSync(new URL('../../examples/mirror/subs.json', import.meta.url), 'utf8')) as unknown;
    expect(EXAMPLE_SUBS).toEqual(example);
  });

  it('refuses to overwrite an existing file without --force, and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '_config.yml'), 'title: mine\n');
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(join(dir, '_config.yml'));
    expect(r.stderr).toContain('--force');
    expect(readFileSync(join(dir, '_config.yml'), 'utf8')).toBe('title: mine\n');
    expect(existsSync(join(dir, 'subs.json'))).toBe(false);

    const forced = await runCli(['init', '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, '_config.yml'), 'utf8')).toContain('permalink: /:year-:month-:day/:title/');
    expect(existsSync(join(dir, 'subs.json'))).toBe(true);
  });

  it('answers --help and refuses two folders', async () => {
    const help = await runCli(['init', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: samizdat init \[DIR\]/);
    const two = await runCli(['init', 'a', 'b'], { cwd: tempDir() });
    expect(two.code).toBe(2);
  });
});
