import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchDoc, type SearchIndexOptions, type SegmentStats } from '../../src/site/search/build-search-index.js';
import { encodePostings, encodeShard } from '../../src/site/search/encode-shard.js';
import { foldText } from '../../src/site/search/fold.js';
import { codeKeyText, forEachKey, queryTerms, shardOf, shardOfCode, shardOfUtf8, termKeys } from '../../src/site/search/keys.js';
import { PostingBatch } from '../../src/site/search/posting-batch.js';
import { decodePostings, readShard } from '../../src/site/search/postings.js';
import { openSearch, SHARDS_FOLDER } from '../../src/site/search/searcher.js';
import { addShard, claimedShards, noShards, writeClaimedShards, type ShardHelper, type ShardTotals, type ShardWork } from '../../src/site/search/shard-work.js';
import { formatPostTexts, parsePostTexts, passageOf } from '../../src/site/search/passage-record.js';
import { SpillRuns } from '../../src/site/search/spill-runs.js';
import { PASSAGE_LENGTH, PASSAGE_OVERLAP, splitPassages } from '../../src/site/search/split-passages.js';
import { allHits, random } from './search-helpers.js';

// The helper thread runs compiled code (the sources have no compiled worker script): npm test builds dist/ first.
type Aside = typeof import('../../src/site/aside/aside-writer.js');
const compiledAside = async (): Promise<Aside> => (await import(pathToFileURL(join(import.meta.dirname, '../../dist/site/aside/aside-writer.js')).href)) as Aside;

describe('folding and keys', () => {
  it('folds width, case and compatibility forms, and maps folded positions back', () => {
    const offsets: number[] = [];
    expect(foldText('ＶＰＮ Gate，習近平①㍿', offsets)).toBe('vpn gate 習近平1株式会社');
    expect(offsets).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 13, 13, 13]);
    expect(foldText('a\u{20000}b')).toBe('a\u{20000}b'); // an ideograph outside the BMP stays whole
  });

  it('gives a document every key its terms ask for', () => {
    const text = foldText('翻墙VPN教程：习近平在2014年说 Hello-World 𠀀𠀁');
    const keys = new Set<string>();
    forEachKey(text, 8, (k) => keys.add(codeKeyText(k)), (k) => keys.add(k));
    for (const q of ['翻墙', '墙', '习近平在', 'vpn', 'vp', 'hello', 'world', '2014', '𠀀𠀁', '年说']) {
      for (const t of queryTerms(q)) for (const k of termKeys(t, 8).keys) expect(keys.has(k), `${q}: ${k}`).toBe(true);
    }
    expect(keys.has('墙v')).toBe(false);
    expect(keys.has('说h')).toBe(false);
  });

  it('turns numeric keys back into their text, and computes the same shard from either', () => {
    const next = random(3);
    const codes: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const c1 = 0x4e00 + Math.floor(next() * 0x5200);
      codes.push(i % 2 ? c1 : c1 * 0x10000 + 0x4e00 + Math.floor(next() * 0x5200));
    }
    const texts: string[] = [];
    forEachKey(foldText('Zhongnanhai 2024 covid19 café 中南海'), 8, (k) => codes.push(k), (k) => texts.push(k));
    const words = codes.slice(2000).map(codeKeyText);
    expect(words).toEqual(['z', 'zh', 'zho', 'zhon', 'zhong', 'zhongn', 'zhongna', 'zhongnan', '2', '20', '202', '2024',
      'c', 'co', 'cov', 'covi', 'covid', 'covid1', 'covid19', 'c', 'ca', 'caf', '中', '南', '中南', '海', '南海']);
    expect(texts).toEqual(['café']);
    for (const code of codes) expect(shardOfCode(code, 1024)).toBe(shardOf(codeKeyText(code), 1024));
  });

  it('computes a key\'s shard from its UTF-8 bytes as from its text (1- to 4-byte characters)', () => {
    const keys = ['vpn', 'café', 'ñ', '中', '中国', '𠀀', '𠀀中', 'a𝒳b', 'ǅ̈x', '한국어', 'ﾅ'];
    const next = random(5);
    for (let i = 0; i < 500; i++) keys.push(String.fromCodePoint(1 + Math.floor(next() * 0x10fffe)).replace(/[\ud800-\udfff]/g, 'x'));
    for (const key of keys) {
      const bytes = Buffer.from(key, 'utf8').toString('latin1');
      for (const shards of [1, 64, 4096]) expect(shardOfUtf8(bytes, shards), key).toBe(shardOf(key, shards));
    }
  });
});

describe('posting lists and shards', () => {
  it('round-trips sparse lists as varints and dense ones as bitmaps', () => {
    const sparse = [3, 700, 70_000, 1_000_000];
    const dense = Array.from({ length: 3000 }, (_, i) => i * 3);
    const a = encodePostings(sparse);
    const b = encodePostings(dense);
    expect(a.bitmap).toBe(false);
    expect(b.bitmap).toBe(true);
    expect(b.bytes.length).toBe(Math.floor(dense[dense.length - 1]! / 8) + 1);
    const key = (k: string): string => Buffer.from(k, 'utf8').toString('latin1');
    const shard = readShard(encodeShard([[key('中国'), a], [key('vpn'), b]]));
    expect([...shard.keys()]).toEqual(['vpn', '中国']);
    expect(Array.from(decodePostings(shard.get('中国')!))).toEqual(sparse);
    expect(Array.from(decodePostings(shard.get('vpn')!))).toEqual(dense);
  });

  it('a posting batch gives each key its documents once and ascending, however many keys a document has', () => {
    const next = random(7);
    const b = new PostingBatch();
    for (let round = 0; round < 2; round++) {
      const want = new Map<string, number[]>();
      const add = (key: number | string, doc: number): void => {
        if (typeof key === 'string') b.addText(key, doc);
        else b.addCode(key, doc);
        const name = typeof key === 'string' ? `t:${key}` : `c:${key}`;
        const docs = want.get(name) ?? [];
        if (docs[docs.length - 1] !== doc) docs.push(doc);
        want.set(name, docs);
      };
      // Documents restart at 0 after clear(); document 3 holds more keys than the repeat table's first size.
      for (let doc = 0; doc < 40; doc++) {
        const count = doc === 3 ? 20_000 : 1 + Math.floor(next() * 300);
        for (let i = 0; i < count; i++) {
          const r = next();
          if (r < 0.05) add(`w${Math.floor(next() * 50)}`, doc);
          else if (r < 0.1) add(2 ** 44 + Math.floor(next() * 1e6), doc);
          else add(doc === 3 ? 0x4e00_0000 + i : 0x4e00 + Math.floor(next() * 400), doc);
        }
      }
      const got = new Map<string, number[]>();
      b.forEachList((code, text, docs, from, to) => {
        const name = text === undefined ? `c:${code}` : `t:${text}`;
        expect(got.has(name), name).toBe(false);
        got.set(name, Array.from(docs.subarray(from, to)));
      });
      expect(got).toEqual(want);
      expect(b.size).toBe([...want.values()].reduce((n, docs) => n + docs.length, 0));
      b.clear();
      expect(b.size).toBe(0);
    }
  });

  it('spill runs give back each key\'s whole list, held in memory or spilled to files alike', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samizdat-spill-'));
    try {
      await mkdir(join(dir, 'held'));
      await mkdir(join(dir, 'spilled'));
      const held = new SpillRuns(join(dir, 'held'), 8);
      const spilled = new SpillRuns(join(dir, 'spilled'), 8, 0); // every batch goes to the files
      const ideograph = 0x4e2d * 0x10000 + 0x56fd; // 中国
      const batch = (adds: Array<[number | string, number]>): PostingBatch => {
        const b = new PostingBatch();
        for (const [key, doc] of adds) (typeof key === 'string' ? b.addText(key, doc) : b.addCode(key, doc));
        return b;
      };
      const batches = [
        batch([[ideograph, 1], ['vpn', 2], [ideograph, 5], [ideograph, 5]]),
        batch([[ideograph, 9], [0x4e2d, 10], [0x4e2d, 11]]),
      ];
      for (const b of batches) {
        held.spill(b);
        spilled.spill(b);
      }
      const all = (runs: SpillRuns): Map<string, number[]> => new Map(Array.from({ length: 8 }, (_, p) => [...runs.read(p)]).flat());
      const key = (k: string): string => Buffer.from(k, 'utf8').toString('latin1');
      expect(all(held)).toEqual(new Map([[key('中国'), [1, 5, 9]], [key('vpn'), [2]], [key('中'), [10, 11]]]));
      expect(all(spilled)).toEqual(all(held));
      expect(held.bytes).toBe(spilled.bytes);
      expect((await readdir(join(dir, 'spilled'))).length).toBeGreaterThan(0);
      expect(await readdir(join(dir, 'held'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('passages', () => {
  it('travel in one file per post and come back each as it was', () => {
    const body = `${'第一段𠀀\n'.repeat(300)}{"json": [1]}\n${'末段'.repeat(900)}`;
    const split = splitPassages('标题 "引号"', body);
    expect(split.length).toBeGreaterThan(1);
    const texts = { href: '../2020-01-01/标题/', date: '2020-01-01 08:00', source: '甲报', title: '标题 "引号"', doc: 7, bodyStart: split[0]!.bodyStart, passages: split.map((p) => p.text) };
    const back = parsePostTexts(formatPostTexts(texts));
    expect(back).toEqual(texts);
    expect(passageOf(back, 0)).toEqual({ href: texts.href, date: texts.date, source: '甲报', title: texts.title, doc: 7, bodyStart: split[0]!.bodyStart, text: split[0]!.text });
    expect(passageOf(back, 1).bodyStart).toBe(0);
    expect(passageOf(back, 1).text).toBe(split[1]!.text);
    expect(() => parsePostTexts('["only", "six", "", "", 1, 0]\n')).toThrow(/bad text file/);
  });

  it('cut long posts into overlapping passages at line breaks, title in the first', () => {
    const body = Array.from({ length: 60 }, (_, i) => `第${i}段${'字'.repeat(95)}`).join('\n');
    const parts = splitPassages('标题', body);
    expect(parts.length).toBe(Math.ceil(body.length / PASSAGE_LENGTH));
    expect(parts[0]!.text.startsWith('标题\n第0段')).toBe(true);
    expect(parts[0]!.bodyStart).toBe(3);
    for (const p of parts.slice(1)) expect(p.text).toMatch(/^第\d+段/);
    // Every character of the body is in some passage, in order, with at most the overlap repeated.
    const total = parts.reduce((n, p) => n + p.text.length - p.bodyStart, 0);
    expect(total).toBeGreaterThanOrEqual(body.length);
    expect(total).toBeLessThanOrEqual(body.length + PASSAGE_OVERLAP * (parts.length - 1));
  });

  let dir: string;
  const files = new Map<string, Uint8Array>();
  let search: Awaited<ReturnType<typeof openSearch>>;
  const filler = (n: number, seed: number): string => {
    const next = random(seed);
    return Array.from({ length: n }, () => String.fromCharCode(0x4e00 + Math.floor(next() * 2000))).join('');
  };
  // Post 1 has a term across every cut of its passages; post 2 has two terms in different passages.
  const docs: Array<Omit<SearchDoc, 'id'>> = [
    { href: 'a', date: '2020-01-01 00:00', source: 's', title: '第一篇', body: `${filler(1998, 1)}麒麟蛋糕${filler(4000, 2)}` },
    { href: 'b', date: '2021-01-01 00:00', source: 's', title: '第二篇', body: `凤凰${filler(9000, 3)}琵琶` },
    { href: 'c', date: '2022-01-01 00:00', source: 's', title: '麒麟', body: '只在标题里。凤凰' },
  ];
  /** The docs' index (its files in `into`) and its figures. */
  const index = async (into: Map<string, Uint8Array>, options: SearchIndexOptions = {}): Promise<SegmentStats> => {
    const stats = await buildSearchIndex((async function* () {
      yield* docs;
    })(), async (rel, data) => {
      into.set(rel, typeof data === 'string' ? new TextEncoder().encode(data) : data);
    }, { tmpDir: dir, batchPostings: 1000, ...options });
    expect(stats.docs).toBe(3);
    expect(stats.passages).toBeGreaterThan(6);
    return stats;
  };
  const build = async (into: Map<string, Uint8Array>, options: SearchIndexOptions = {}): Promise<number> => (await index(into, options)).shards;
  const open = (from: Map<string, Uint8Array>): ReturnType<typeof openSearch> => openSearch(async (rel) => {
    const f = from.get(rel);
    if (!f) throw new Error(`missing ${rel}`);
    return f;
  });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'samizdat-search-index-'));
    expect(await build(files)).toBeLessThan(256); // fewer shards than spill partitions
    search = await open(files);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('find a term that straddles a cut, and terms in different passages of one post', async () => {
    const hrefs = async (q: string): Promise<string[]> => (await allHits(await search.search(q), 2)).map((h) => h.href);
    expect(await hrefs('麒麟蛋糕')).toEqual(['a']);
    expect(await hrefs('麒麟')).toEqual(['c', 'a']);
    expect(await hrefs('凤凰 琵琶')).toEqual(['b']);
    expect(await hrefs('凤凰')).toEqual(['c', 'b']);
    // A long query looks up a few of its bigrams and is verified against the text.
    expect(await hrefs(docs[1]!.body.slice(3000, 3030))).toEqual(['b']);
    // Many spills (tiny batches) still give each key one ascending list.
    const body = docs[1]!.body;
    const q = body.slice(5000, 5003);
    expect(await hrefs(q)).toEqual([...(docs[0]!.body.includes(q) ? ['a'] : []), 'b'].reverse());
  });

  it('are the same with more shards than spill partitions (each key placed by its hash)', async () => {
    const many = new Map<string, Uint8Array>();
    expect(await build(many, { targetShardBytes: 16 })).toBeGreaterThan(256);
    const other = await open(many);
    for (const q of ['麒麟蛋糕', '麒麟', '凤凰 琵琶', '凤凰', '蛋', docs[1]!.body.slice(3000, 3030), docs[1]!.body.slice(5000, 5003)]) {
      const hrefs = async (s: typeof search): Promise<string[]> => (await allHits(await s.search(q), 2)).map((h) => h.href);
      expect(await hrefs(other), q).toEqual(await hrefs(search));
      expect((await hrefs(search)).length, q).toBeGreaterThan(0);
    }
  });

  it('are the same, byte for byte, when another thread makes some of the shards', async () => {
    const figures = ({ shards, keys, postings, shardBytes, largestShard }: SegmentStats): number[] => [shards, keys, postings, shardBytes, largestShard];
    for (const targetShardBytes of [64, 16]) { // fewer shards than spill partitions, then more
      const alone = new Map<string, Uint8Array>();
      const stats = await index(alone, { targetShardBytes });
      expect(stats.shards).toBeGreaterThan(1);
      // A helper that takes turns with the indexer: each claims a group, makes its shards, lets the other go on.
      const helped = new Map<string, Uint8Array>();
      let theirs = 0;
      const shardHelper: ShardHelper = async (work) => {
        const totals = noShards();
        for (const shard of claimedShards(new SpillRuns(work.dir, work.partitions), work)) {
          helped.set(SHARDS_FOLDER + shard.name, shard.data);
          addShard(totals, shard);
          await new Promise(setImmediate);
        }
        theirs = totals.files;
        return totals;
      };
      expect(figures(await index(helped, { targetShardBytes, shardHelper, helperMinBytes: 0 }))).toEqual(figures(stats));
      expect(theirs, String(targetShardBytes)).toBeGreaterThan(0);
      expect(theirs).toBeLessThan(stats.shards);
      expect([...helped.keys()].sort()).toEqual([...alone.keys()].sort());
      for (const [rel, data] of alone) expect(Buffer.from(helped.get(rel)!).equals(Buffer.from(data)), rel).toBe(true);
    }
    // A segment smaller than helperMinBytes (by default) is not worth the hand-over: no helper call.
    let called = false;
    const small = new Map<string, Uint8Array>();
    await index(small, { targetShardBytes: 16, shardHelper: async () => ((called = true), noShards()) });
    expect(called).toBe(false);
    expect([...small.keys()].filter((rel) => rel.startsWith(SHARDS_FOLDER)).length).toBeGreaterThan(1);
  });

  it('are the same when the build\'s helper thread writes some of them, and a shard it cannot write fails the index naming it', async () => {
    const writer = (await compiledAside()).asideWriter();
    // (With one core there is no helper thread: the job then runs in this one, as a build runs it.)
    const job = (input: ShardWork & { folder: string }): Promise<ShardTotals> => (writer ? writer.job('searchShards', input) : Promise.resolve(writeClaimedShards(input)));
    const files = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder, { recursive: true, withFileTypes: true }) : [])
      .filter((e) => e.isFile()).map((e) => relative(folder, join(e.parentPath, e.name)));
    /** The index with the helper writing into `folder`: this thread writes its first shard only once the helper has made one (or failed). */
    const helped = async (into: Map<string, Uint8Array>, folder: string): Promise<SegmentStats> => {
      let helper: Promise<unknown> = new Promise(() => undefined);
      let waited = false;
      return buildSearchIndex((async function* () {
        yield* docs;
      })(), async (rel, data) => {
        if (rel.startsWith(SHARDS_FOLDER) && !waited) {
          for (let tries = 0; tries < 2000 && files(folder).length === 0; tries++) await Promise.race([helper, new Promise((r) => setTimeout(r, 5))]);
          waited = true;
        }
        into.set(rel, typeof data === 'string' ? new TextEncoder().encode(data) : data);
      }, { tmpDir: dir, batchPostings: 1000, targetShardBytes: 16, helperMinBytes: 0, shardHelper: (work) => (helper = job({ ...work, folder })) as Promise<ShardTotals> });
    };
    try {
      const alone = new Map<string, Uint8Array>();
      const stats = await index(alone, { targetShardBytes: 16 });
      const folder = join(dir, 'helped');
      const here = new Map<string, Uint8Array>();
      expect(await helped(here, folder)).toEqual(stats);
      const theirs = files(folder);
      expect(theirs.length).toBeGreaterThan(0);
      for (const f of theirs) here.set(SHARDS_FOLDER + f, readFileSync(join(folder, f)));
      expect([...here.keys()].sort()).toEqual([...alone.keys()].sort());
      for (const [rel, data] of alone) expect(Buffer.from(here.get(rel)!).equals(Buffer.from(data)), rel).toBe(true);

      // A file in the way of the segment's folder: the index fails, naming a file it could not
      // write, once both threads are done (its spill runs are removed after that).
      const blocked = join(dir, 'blocked');
      mkdirSync(blocked);
      writeFileSync(join(blocked, stats.id), 'in the way');
      const failed = await helped(new Map(), blocked).then(() => undefined, (err: unknown) => err);
      expect(failed).toMatchObject({ path: expect.stringContaining(join(blocked, stats.id)) });
      expect(readdirSync(dir).filter((f) => f.startsWith('samizdat-search-'))).toEqual([]);
    } finally {
      await writer?.close();
    }
  });

  it('shows the passage that matched, the match marked', async () => {
    const [hit] = (await (await search.search('蛋糕')).page(0, 10)).hits;
    expect(hit!.title).toBe('第一篇');
    expect(hit!.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(['蛋糕']);
    // A match in the title only: the snippet is the content's start, nothing marked.
    const [titleOnly] = (await (await search.search('麒麟')).page(0, 10)).hits;
    expect(titleOnly!.href).toBe('c');
    expect(titleOnly!.snippet).toEqual([{ text: '只在标题里。凤凰', mark: false }]);
  });
});
