import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.js';
import { makeMirror, postNames } from '../helpers/mirror.js';
import { seedFields, seedText } from '../helpers/seed.js';

/** The seed article as a real feed would carry it: HTML split across lines at tag boundaries. */
function seedFeed(): string {
  const f = seedFields();
  const html = f.html.replace(/<\/p><p/g, '</p>\n<p');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>大纪元</title><link>https://www.epochtimes.com/gb/</link><description>x</description>\n<item><title>${f.title}</title><link>${f.link}</link><guid isPermaLink="true">${f.link}</guid><pubDate>${new Date(f.date).toUTCString()}</pubDate><description><![CDATA[${html}]]></description></item></channel></rss>`;
}

describe('the seed contract', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.route('/feed.xml', staticFeed(seedFeed()));
  });
  afterAll(() => server.close());

  it('fetch over HTTP writes the seed post byte for byte, and a second run writes nothing', async () => {
    const dir = makeMirror([{ site: seedFields().site, url: server.url('/feed.xml') }]);
    const first = await runCli(['fetch'], { cwd: dir });
    expect(first.stderr).toContain('1 new of 1 items');
    expect(first.code).toBe(0);
    const name = '2022-02-04-习近平普京会面 白宫和北约回应.md';
    expect(postNames(dir)).toEqual([name]);
    expect(readFileSync(join(dir, '_posts', name), 'utf8')).toBe(seedText());

    const before = server.requests.length;
    const second = await runCli(['fetch', '--archive', dir, '--json']);
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout) as { feeds: Array<{ status: string }>; totals: { posts: number } };
    expect(report.feeds[0]!.status).toBe('unchanged');
    expect(report.totals.posts).toBe(0);
    // The second request was conditional and answered 304.
    const req = server.requests[before]!;
    expect(req.headers['if-none-match']).toBe('"v1"');
    expect(req.headers['if-modified-since']).toBe('Fri, 04 Feb 2022 21:32:23 GMT');
    expect(postNames(dir)).toEqual([name]);
  });
});
