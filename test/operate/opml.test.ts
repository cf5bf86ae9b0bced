import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSubscriptions } from '../../src/config/load-subscriptions.js';
import { parseOpml } from '../../src/config/opml.js';
import { runCli } from '../helpers/cli.js';
import { makeMirror } from '../helpers/mirror.js';

const FEEDS = [
  { site: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' },
  { site: 'A & B "<quoted>"', url: 'https://a.example/feed?x=1&y=2' },
];

describe('OPML', () => {
  it('subs export --opml, then subs import into another mirror, gives the same feeds; a second import adds nothing', async () => {
    const from = makeMirror(FEEDS);
    const out = await runCli(['subs', 'export', '--opml', '--archive', from]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    const opmlFile = join(mkdtempSync(join(tmpdir(), 'samizdat-opml-')), 'feeds.opml');
    writeFileSync(opmlFile, out.stdout);

    const to = makeMirror([{ site: 'Existing', url: 'https://feedx.net/rss/mgzy1.xml/' }]);
    const imported = await runCli(['subs', 'import', opmlFile, '--archive', to]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/imported 1 feed .*; 1 already subscribed, 0 unusable/);
    expect(loadSubscriptions(join(to, 'subs.json')).subs.map((s) => ({ site: s.site, url: s.url }))).toEqual([
      { site: 'Existing', url: 'https://feedx.net/rss/mgzy1.xml/' },
      FEEDS[1],
    ]);
    const before = readFileSync(join(to, 'subs.json'), 'utf8');
    const again = await runCli(['subs', 'import', opmlFile, '--archive', to]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/imported 0 feeds/);
    expect(readFileSync(join(to, 'subs.json'), 'utf8')).toBe(before);
  });

  it('reads a feed reader export: nested folders flattened, title else text, unusable outlines reported', () => {
    const opml = `<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body>
      <outline text="News"><outline text="VOA" title="美国之音" type="rss" xmlUrl="https://feedx.net/rss/mgzy1.xml"/>
        <outline text="DW" xmlUrl="https://feedx.net/rss/dw.xml" htmlUrl="https://dw.com"/></outline>
      <outline text="bad" xmlUrl="feed://x.example/rss"/><outline xmlUrl="https://host.example/rss"/>
    </body></opml>`;
    const parsed = parseOpml(opml, 'f.opml');
    expect(parsed.feeds).toEqual([
      { site: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' },
      { site: 'DW', url: 'https://feedx.net/rss/dw.xml' },
      { site: 'host.example', url: 'https://host.example/rss' },
    ]);
    expect(parsed.skipped).toHaveLength(1);
    expect(() => parseOpml('<html><body>no</body></html>', 'f.opml')).toThrow(/f\.opml: not an OPML file/);
  });

  it('refuses export without a format and an unreadable OPML file (exit 2)', async () => {
    const dir = makeMirror(FEEDS);
    expect((await runCli(['subs', 'export', '--archive', dir])).code).toBe(2);
    const r = await runCli(['subs', 'import', join(dir, 'missing.opml'), '--archive', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.opml: cannot read \(ENOENT\)/);
  });
});
