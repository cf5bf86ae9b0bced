import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { rss, startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.js';
import { makeMirror } from '../helpers/mirror.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  server.route('/good.xml', staticFeed(rss('好', [{ title: '新闻 1', link: 'https://news.example.invalid/1.html', date: 'Mon, 01 Jan 2024 08:00:00 GMT' }])));
  server.route('/bad.xml', (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('boom');
  });
  server.route('/gone.xml', (_req, res) => {
    res.writeHead(410, { 'content-type': 'text/plain' });
    res.end('gone');
  });
});
afterAll(() => server.close());

interface Row { site: string; url: string; status: string; text: string }

describe('samizdat subs ls', () => {
  it('shows every feed as never fetched before any run, without creating the index', async () => {
    const dir = makeMirror([{ site: 'Good', url: server.url('/good.xml') }, { site: 'Bad', url: server.url('/bad.xml') }]);
    const r = await runCli(['subs', 'ls', '--archive', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([`Good  ${server.url('/good.xml')}  never fetched`, `Bad  ${server.url('/bad.xml')}  never fetched`]);
    expect(existsSync(join(dir, '.samizdat'))).toBe(false);
  });

  it('after a fetch: ok with the last new item, failing with the count and the error, dead for 410', async () => {
    const dir = makeMirror([
      { site: 'Good', url: server.url('/good.xml') },
      { site: 'Bad', url: server.url('/bad.xml') },
      { site: 'Gone', url: server.url('/gone.xml') },
      { site: 'New', url: server.url('/never.xml') },
    ]);
    const fetchRun = await runCli(['fetch', '--archive', dir, '--timeout', '5']);
    expect(fetchRun.code, fetchRun.stderr).toBe(1);
    // A feed added after the run has no state in the index yet.
    const added = await runCli(['subs', 'add', 'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv', '--site', 'Later', '--no-check', '--archive', dir]);
    expect(added.code, added.stderr).toBe(0);
    const r = await runCli(['subs', 'ls', '--archive', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    const by = new Map(rows.map((row) => [row.site, row]));
    expect(by.get('Good')).toMatchObject({ status: 'ok', text: expect.stringMatching(/^ok, last new item \d{4}-\d\d-\d\d \d\d:\d\dZ/) });
    expect(by.get('Bad')).toMatchObject({ status: 'failing', text: expect.stringMatching(/^failing 1 time in a row, .*backing off until .*: fetch: .*\/bad\.xml: .*500/) });
    expect(by.get('Gone')).toMatchObject({ status: 'dead', text: expect.stringMatching(/^dead \(410 Gone\)/) });
    expect(by.get('New')?.status).toBe('failing'); // 404 is a failure too
    expect(by.get('Later')).toMatchObject({ status: 'never', text: 'never fetched' });

    const plain = await runCli(['subs', 'ls', '--archive', dir]);
    expect(plain.code).toBe(0);
    const lines = plain.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^Good  http:\/\/127\.0\.0\.1:\d+\/good\.xml  ok, last new item/);
    expect(lines[1]).toMatch(/^Bad  .*  failing 1 time in a row.*500/);
    expect(plain.stderr).toMatch(/5 feeds: 1 ok, 2 failing, 1 dead, 1 never fetched/);
  });
});
