import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedFilesInput } from '../../src/site/feeds/render-feed-files.js';
import { renderFeedFiles } from '../../src/site/feeds/render-feed-files.js';
import type { ShardWork } from '../../src/site/search/shard-work.js';

// The helper thread runs compiled code (the sources have no compiled worker script): npm test builds dist/ first.
type Writer = typeof import('../../src/site/aside/aside-writer.js');
const compiled = async (): Promise<Writer> =>
  (await import(pathToFileURL(join(import.meta.dirname, '../../dist/site/aside/aside-writer.js')).href)) as Writer;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'samizdat-aside-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const input = (title: string): FeedFilesInput => ({
  siteTitle: '测试镜像',
  files: ['feed.xml', 'rss.xml', 'feed.json'],
  channel: {
    title, description: '', folderUrl: '', id: 'urn:uuid:00000000-0000-4000-8000-000000000000', updated: Date.UTC(2024, 0, 2),
    entries: [{ id: 'urn:x:1', title: '标题 <&>', link: 'https://example.org/1', original: '', date: Date.UTC(2024, 0, 2), author: '作者', source: '来源', categories: ['要闻'], html: '<p>正文</p>' }],
  },
});

describe('the helper thread that writes files aside', () => {
  it.skipIf(availableParallelism() < 2)('writes what the task makes, atomically, reports a file it cannot write by name, and goes on', async () => {
    const writer = (await compiled()).asideWriter();
    expect(writer).toBeDefined();
    const paths = ['feed.xml', 'rss.xml', 'feed.json'].map((f) => join(dir, 'a', f));
    mkdirSync(join(dir, 'a'));
    await writer!.run('feedFiles', input('甲'), paths);
    const expected = renderFeedFiles(input('甲'));
    expect(paths.map((p) => readFileSync(p, 'utf8'))).toEqual(expected);

    // A folder in the way of the second file: the task fails naming it, the first was written.
    mkdirSync(join(dir, 'b', 'rss.xml', 'in-the-way'), { recursive: true });
    const blocked = ['feed.xml', 'rss.xml', 'feed.json'].map((f) => join(dir, 'b', f));
    const failed = await writer!.run('feedFiles', input('乙'), blocked).then(() => undefined, (err: unknown) => err);
    expect(failed).toMatchObject({ path: blocked[1] });
    expect(readFileSync(blocked[0]!, 'utf8')).toBe(renderFeedFiles(input('乙'))[0]);
    expect(readdirSync(join(dir, 'b')).sort()).toEqual(['feed.xml', 'rss.xml']);

    // The thread goes on with the next task.
    writeFileSync(paths[2]!, 'old');
    await writer!.run('feedFiles', input('丙'), paths);
    expect(readFileSync(paths[2]!, 'utf8')).toBe(renderFeedFiles(input('丙'))[2]);
    await writer!.close();
  });

  it.skipIf(availableParallelism() < 2)('gzips search text files into folders it makes, as the indexer would', async () => {
    const writer = (await compiled()).asideWriter();
    const texts = ['第一篇\u0000正文', 'second, with “quotes” and 😀'];
    const paths = texts.map((_, i) => join(dir, 'texts', String(i), `${i}.bin`));
    await writer!.run('searchTexts', { texts }, paths);
    expect(paths.map((p) => gunzipSync(readFileSync(p)).toString('utf8'))).toEqual(texts);
    const { gzipTexts } = await import('../../src/site/search/build-search-index.js');
    expect(paths.map((p) => readFileSync(p))).toEqual(gzipTexts({ texts }).map((b) => Buffer.from(b)));
    await writer!.close();
  });

  it.skipIf(availableParallelism() < 2)('fails the build in one line that names the first file and the count when a task itself fails', async () => {
    const writer = (await compiled()).asideWriter()!;
    const { createSiteOutput, emptyRecord, previousOutputs } = await import('../../src/site/site-output.js');
    const root = join(dir, 'site');
    const out = createSiteOutput(root, previousOutputs(), new Map(), emptyRecord(), undefined, undefined, writer);
    out.claim('search/');
    // Not text: gzip throws on the helper thread before any file is written.
    const files = ['a', 'b', 'c'].map((n) => ({ rel: `search/texts/0/${n}.bin`, sig: '' }));
    const done = out.writeAside(files, 'searchTexts', { texts: [1, 2, 3] as unknown as string[] });
    await expect(done).resolves.toBeUndefined(); // it only says when the task is over
    const failed = await out.settled().then(() => undefined, (err: unknown) => err as Error);
    expect(failed?.message).toMatch(/^build: cannot write .*site\/search\/texts\/0\/a\.bin and 2 more files \([^\n]+\)$/);
    await writer.close();
  });

  it.skipIf(availableParallelism() < 2)('runs a job that writes files of its own under a claimed folder: counted as written, or one line naming the file it could not write', async () => {
    const writer = (await compiled()).asideWriter()!;
    const { createSiteOutput, emptyRecord, previousOutputs } = await import('../../src/site/site-output.js');
    const { PostingBatch } = await import('../../src/site/search/posting-batch.js');
    const { SpillRuns } = await import('../../src/site/search/spill-runs.js');
    // Spill runs of one small batch, flushed: the work of four shards.
    const spill = join(dir, 'spill');
    mkdirSync(spill);
    const batch = new PostingBatch();
    [...'中文搜索'].forEach((c, doc) => batch.addCode(c.codePointAt(0)!, doc));
    const runs = new SpillRuns(spill);
    runs.spill(batch);
    runs.flush();
    const work = (): ShardWork => ({ dir: spill, partitions: runs.partitions, shards: 4, segment: 'seg', next: new Int32Array(new SharedArrayBuffer(4)) });
    const root = join(dir, 'job-site');
    const record = emptyRecord();
    const out = createSiteOutput(root, previousOutputs(), new Map(), record, undefined, undefined, writer);
    await expect(out.runAside('search/shards/', 'searchShards', work())).rejects.toThrow(/search\/shards\/ is not a claimed folder/);
    out.claim('search/shards/');
    expect(await out.runAside('search/shards/', 'searchShards', work())).toMatchObject({ files: 4, keys: 4 });
    expect(record.written).toBe(4);
    expect(readdirSync(join(root, 'search/shards/seg')).sort()).toEqual(['0.bin', '1.bin', '2.bin', '3.bin']);

    // A file in the way of the segment's folder.
    const blocked = join(dir, 'job-blocked');
    mkdirSync(join(blocked, 'search/shards'), { recursive: true });
    writeFileSync(join(blocked, 'search/shards/seg'), 'in the way');
    const other = createSiteOutput(blocked, previousOutputs(), new Map(), emptyRecord(), undefined, undefined, writer);
    other.claim('search/shards/');
    const failed = await other.runAside('search/shards/', 'searchShards', work()).then(() => undefined, (err: unknown) => err as Error);
    expect(failed?.message).toMatch(/^build: cannot write .*job-blocked\/search\/shards\/seg\/[0-3]\.bin \([^\n]+\)$/);
    await writer.close();
  });
});
