import { SamizdatError } from '../../model/index.js';
import { VERSION } from '../../version.js';
import { displayDateTime } from '../display-date.js';
import { displayText } from '../display-text.js';
import { relativeHref } from '../relative-href.js';
import { searchScript } from '../search/browser-bundle.js';
import { indexFiles, indexSegment, SEARCH_DEFAULTS, type GoneDoc, type SearchDoc, type SearchWrite, type TextsWrite } from '../search/build-search-index.js';
import { postKeys } from '../search/post-keys.js';
import { recallState, recallStateHead, rememberState } from '../search/remembered-state.js';
import { extendable, planSearchBuild, type IndexedSegment, type SearchState } from '../search/search-plan.js';
import { SEARCH_CSS, SEARCH_PAGE, SEARCH_SCRIPT, SEARCH_STYLESHEET, renderSearchPage } from '../search/search-page.js';
import { MANIFEST_FILE, SHARDS_FOLDER, STARTS_FILE, textFile } from '../search/searcher.js';
import type { ShardHelper } from '../search/shard-work.js';
import type { Generator, SiteModel, SiteOutput, SitePost } from '../site-model.js';

/** Bump when the index format or what it is built from changes: every search file is rebuilt. */
const FORMAT = 'search-7';
const SEARCH_DIR = 'search/';
const TEXTS_DIR = `${SEARCH_DIR}texts/`;
const SHARDS_DIR = SEARCH_DIR + SHARDS_FOLDER;
const MEMORY_KEY = 'search';
/** Batches of text files handed to the helper thread and not yet written, at most. */
const TEXT_BATCHES_AHEAD = 4;

/**
 * The search page, its script and the static index (search/index.json, starts.bin, shards/,
 * texts/). The index grows by segments: posts added since the last build go into a new small
 * segment (merged with recent ones as they grow), so an hourly build rewrites a handful of
 * files; a full rebuild happens when there is no earlier index, the format or samizdat's version changed,
 * or too many indexed posts were removed (search-plan.ts decides).
 */
export const search: Generator = {
  name: 'search',
  reserved: (path) => path.startsWith(SEARCH_DIR),
  // No index to extend (see planSearchBuild): every post is indexed, oldest first.
  readsEveryText(model, recall) {
    const head = recallStateHead(recall, MEMORY_KEY);
    return !extendable(head, FORMAT) || head?.basis !== JSON.stringify(keyBasis(model));
  },
  async generate(model, out) {
    await out.write(SEARCH_SCRIPT, await searchScript());
    await out.write(SEARCH_CSS, SEARCH_STYLESHEET);
    await out.write(SEARCH_PAGE, renderSearchPage(model.settings));

    const basis = keyBasis(model);
    const basisKey = JSON.stringify(basis);
    const previous = recallState(out, MEMORY_KEY);
    const posts = postKeys(model, basis, previous?.basis === basisKey ? previous.keys : undefined);
    let plan = planSearchBuild(FORMAT, previous, posts.keys);
    // Starting over numbers the posts in date order.
    if (plan.keep === 0 && posts.inDateOrder() !== posts.keys) plan = planSearchBuild(FORMAT, previous, posts.inDateOrder());
    const state = plan.state;

    // The text files (one per post) are this generator's to keep track of: post n's file stays
    // as long as post n is the same post.
    out.claim(TEXTS_DIR);
    const known = previous?.format === FORMAT ? previous : undefined;
    if (!known) out.remove(TEXTS_DIR); // files of an index this build knows nothing of
    const keptTexts = (doc: number, parts: number): boolean => known?.keys[doc] === state.keys[doc] && known?.parts[doc] === parts;
    for (let doc = 0; doc < (known?.keys.length ?? 0); doc++) {
      if (!known!.keys[doc] || known!.keys[doc] === state.keys[doc]) continue;
      out.remove(SEARCH_DIR + textFile(doc, SEARCH_DEFAULTS.perFolder));
    }
    // So are the segments' folders of shards: a segment's files never change under its id.
    out.claim(SHARDS_DIR);
    if (!known) out.remove(SHARDS_DIR);
    for (const seg of state.segments.slice(0, plan.keep)) out.kept(seg.shards);
    if (plan.index) {
      const { firstDoc, docs } = plan.index;
      const firstPassage = state.segments.slice(0, plan.keep).reduce((n, s) => n + s.passages, 0);
      const postOf = (doc: number): SitePost | undefined => posts.postOf(state.keys[doc]!);
      try {
        const write: SearchWrite = (rel, data) => out.write(SEARCH_DIR + rel, data);
        // Text files are gzipped and written aside (a full build's main thread, which indexes
        // them, finishes last), a few batches ahead at most: the texts in flight are memory.
        const inFlight: Promise<void>[] = [];
        const writeTexts: TextsWrite = async (batch) => {
          inFlight.push(out.writeAside(batch.map(([rel]) => ({ rel: SEARCH_DIR + rel, sig: '' })), 'searchTexts', { texts: batch.map(([, text]) => text) }));
          if (inFlight.length > TEXT_BATCHES_AHEAD) await inFlight.shift();
        };
        // The helper thread makes some of the shards too (the other threads are done with their pages by then).
        const shardHelper: ShardHelper = (work) => out.runAside(SHARDS_DIR, 'searchShards', work);
        const stats = await indexSegment(firstPassage, records(model, firstDoc, docs, postOf), write, { keepTexts: keptTexts, writeTexts, shardHelper });
        stats.parts.forEach((n, i) => (state.parts[firstDoc + i] = n));
        const segment: IndexedSegment = { id: stats.id, shards: stats.shards, firstDoc, docs, passages: stats.passages };
        state.segments.splice(plan.keep, state.segments.length, segment);
      } catch (err) {
        if (err instanceof SamizdatError) throw err;
        // The spill files (temp folder) are the only I/O of its own: a full disk, say.
        throw new SamizdatError('site', 'search-index', `build: cannot build the search index (${(err as Error).message.split('\n')[0]})`, { cause: err });
      }
    }
    const live = new Set(state.segments.map((seg) => seg.id));
    for (const seg of known?.segments ?? []) if (!live.has(seg.id)) out.remove(`${SHARDS_DIR}${seg.id}/`);
    let kept = 0;
    for (let doc = 0; doc < state.keys.length; doc++) if (state.keys[doc] && known?.keys[doc] === state.keys[doc]) kept++;
    out.kept(kept);
    await writeManifest(state, out);
    rememberState(out, MEMORY_KEY, state, basisKey);
  },
};

/** What the posts' keys are made from besides the posts. Keys leave the theme out: a new page design leaves the index alone, a new version of samizdat does not. */
function keyBasis(model: SiteModel): string[] {
  return [FORMAT, VERSION, model.settings.timeZone];
}

async function writeManifest(state: SearchState, out: SiteOutput): Promise<void> {
  const segments = state.segments.map((s) => ({ id: s.id, shards: s.shards, passages: s.passages }));
  const files = indexFiles(state.parts, segments, state.keys.flatMap((k, doc) => (k ? [] : [doc])));
  await out.write(SEARCH_DIR + STARTS_FILE, files.starts);
  await out.write(SEARCH_DIR + MANIFEST_FILE, files.manifest);
}

/** The search records of posts firstDoc … firstDoc+count-1, in order, reading a few contents ahead. */
async function* records(model: SiteModel, firstDoc: number, count: number, postOf: (doc: number) => SitePost | undefined): AsyncIterable<SearchDoc | GoneDoc> {
  const ahead: Array<Promise<SearchDoc | GoneDoc>> = [];
  let next = firstDoc;
  const record = async (id: number): Promise<SearchDoc | GoneDoc> => {
    const p = postOf(id);
    if (!p) return { id, gone: true };
    return {
      id,
      href: relativeHref(SEARCH_PAGE, p.outPath),
      date: displayDateTime(p.post.date, model.settings.timeZone),
      source: displayText(p.post.site),
      title: displayText(p.post.title),
      body: await model.text(p),
    };
  };
  const fill = (): void => {
    while (ahead.length < 8 && next < firstDoc + count) {
      const r = record(next++);
      r.catch(() => undefined); // awaited below, in order
      ahead.push(r);
    }
  };
  fill();
  while (ahead.length) {
    const r = await ahead.shift()!;
    fill();
    yield r;
  }
}
