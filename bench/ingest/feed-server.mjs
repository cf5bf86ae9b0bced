// The benchmark's feed server, run as a child process (fork) so its CPU is not counted in
// either competitor's process; both competitors face this same server. It serves the feeds
// of make-feeds.mjs over many loopback hosts (127.0.0.1 … 127.0.0.H, one HTTP server each),
// with ETag and Last-Modified, answering 304 to a matching conditional request.
// Protocol (IPC): → {type:'ready', feeds:[{site,url}], items, bytes, dupTitles, hosts}
//                 ← {type:'stats'}  → {type:'stats', ok, gzip, notModified, other, bytes} (counters reset)
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { loadCorpus } from './corpus.mjs';
import { makeFeeds } from './make-feeds.mjs';

const opts = JSON.parse(process.argv[2] ?? '{}');
const perHost = opts.perHost ?? 20;
const made = makeFeeds(loadCorpus(), { feeds: opts.feeds ?? 1000, items: opts.items ?? 20, dupTitles: opts.dupTitles ?? 0 });
const hosts = Math.ceil(made.feeds.length / perHost);
if (hosts > 254) throw new Error(`too many hosts (${hosts}); raise perHost`);
if (opts.gzip) for (const f of made.feeds) f.gz = gzipSync(f.body);

let stats = { ok: 0, gzip: 0, notModified: 0, other: 0, bytes: 0 };
const sockets = new Set();

/** @param {Map<string, any>} routes */
function handler(routes) {
  return (req, res) => {
    const feed = req.method === 'GET' || req.method === 'HEAD' ? routes.get(req.url) : undefined;
    if (!feed) {
      stats.other++;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const validators = { etag: feed.etag, 'last-modified': feed.lastModified, 'cache-control': 'max-age=0' };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    // RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since only when it is absent.
    const fresh = inm !== undefined ? inm.split(',').some((t) => t.trim().replace(/^W\//, '') === feed.etag) : ims !== undefined && Date.parse(ims) >= Date.parse(feed.lastModified);
    if (fresh) {
      stats.notModified++;
      res.writeHead(304, validators).end();
      return;
    }
    const gz = feed.gz && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gz ? feed.gz : feed.body;
    stats.ok++;
    if (gz) stats.gzip++;
    stats.bytes += body.length;
    res.writeHead(200, {
      ...validators,
      'content-type': 'application/rss+xml; charset=UTF-8',
      'content-length': body.length,
      ...(gz ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

const servers = [];
const listed = [];
for (let h = 0; h < hosts; h++) {
  const address = `127.0.0.${h + 1}`;
  const mine = made.feeds.slice(h * perHost, (h + 1) * perHost);
  const server = createServer({ keepAliveTimeout: 5000 }, handler(new Map(mine.map((f) => [f.path, f]))));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, address, resolve));
  servers.push(server);
  const { port } = server.address();
  for (const f of mine) listed.push({ site: f.site, url: `http://${address}:${port}${f.path}` });
}

process.on('message', (msg) => {
  if (msg?.type === 'stats') {
    process.send({ type: 'stats', ...stats });
    stats = { ok: 0, gzip: 0, notModified: 0, other: 0, bytes: 0 };
  } else if (msg?.type === 'close') {
    for (const s of sockets) s.destroy();
    for (const s of servers) s.close();
    process.disconnect();
  }
});
// The parent going away (crash, Ctrl-C) must not leave the servers running.
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready', feeds: listed, items: made.items, bytes: made.bytes, dupTitles: made.dupTitles, hosts });
