// npm run bench:operate [-- --posts N]: take over a legacy-style archive of N posts
// (generated from the fixture posts by bench/build/make-archive.mjs), check it, and rebuild
// the index after `.samizdat/` is deleted. Wall time and peak RSS of each command.
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureArchive } from './build/make-archive.mjs';
import { measure } from './build/measure.mjs';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '100000' } } });
const n = Number(values.posts);
const bin = new URL('../bin/samizdat.js', import.meta.url).pathname;
const node = process.execPath;

console.log(`operate: ${n} posts`);
const archive = await ensureArchive(n, { onProgress: (i) => i % 10000 === 0 && console.log(`  generated ${i}`) });
const into = join(tmpdir(), `samizdat-bench-import-${n}`);
rmSync(into, { recursive: true, force: true });

const rows = [];
const run = async (label, args) => {
  const r = await measure({ cmd: node, args: [bin, ...args], timeoutMs: 3_600_000 });
  rows.push({ label, s: r.ms / 1000, cpu: r.cpuMs / 1000, rss: r.maxRssMb, code: r.code });
  console.log(`  ${label.padEnd(34)} ${(r.ms / 1000).toFixed(1).padStart(7)} s wall ${(r.cpuMs / 1000).toFixed(1).padStart(7)} CPU-s ${r.maxRssMb.toFixed(0).padStart(6)} MB peak RSS  exit ${r.code}`);
  if (r.code !== 0 && r.code !== 1) console.log(r.stderr.split('\n').slice(-5).join('\n'));
};

await run('import --into (copy + index)', ['import', archive.dir, '--into', into]);
await run('doctor (every post checked)', ['doctor', '--archive', into, '--json']);
rmSync(join(into, '.samizdat'), { recursive: true, force: true });
// A fetch rebuilds the index from the posts before it fetches; its one feed is a closed port.
const subs = join(tmpdir(), 'samizdat-bench-subs.json');
writeFileSync(subs, '[{"site": "nowhere", "url": "http://127.0.0.1:9/feed.xml"}]\n');
await run('index rebuild after rm .samizdat/', ['fetch', '--archive', into, '--subs', subs, '--quiet']);
rmSync(into, { recursive: true, force: true });
