import { createHash } from 'node:crypto';
import { SamizdatError } from '../../model/index.js';
import { signature } from '../cache/signature.js';
import { displayDateTime } from '../display-date.js';
import { displayText } from '../display-text.js';
import { relativeHref } from '../relative-href.js';
import { searchScript } from '../search/browser-bundle.js';
import { buildSearchIndex, SEARCH_DEFAULTS, type SearchDoc } from '../search/build-search-index.js';
import { SEARCH_CSS, SEARCH_PAGE, SEARCH_SCRIPT, SEARCH_STYLESHEET, renderSearchPage } from '../search/search-page.js';
import { MANIFEST_FILE, shardFile, STARTS_FILE, textFile } from '../search/searcher.js';
import type { Generator, SiteModel, SitePost } from '../site-model.js';

/** Bump when the index format or what it is built from changes: every search file is rebuilt. */
const FORMAT = 'search-3';
const SEARCH_DIR = 'search/';

/**
 * The search page, its script and the static index (search/index.json, starts.bin, shards/,
 * texts/). When no post changed since the last build, the index is kept as it is; when one
 * did, the shards are rebuilt and only the text files of changed posts are written.
 */
export const search: Generator = {
  name: 'search',
  reserved: (path) => path.startsWith(SEARCH_DIR),
  async generate(model, out) {
    await out.write(SEARCH_SCRIPT, await searchScript());
    await out.write(SEARCH_CSS, SEARCH_STYLESHEET);
    await out.write(SEARCH_PAGE, renderSearchPage(model.settings));

    // Posts are numbered oldest first, so new posts leave earlier numbers (and files) alone.
    const posts = [...model.posts].reverse();
    const sigs = posts.map((p, id) => signature(FORMAT, 'doc', id, p.file, p.stamp, p.outPath, model.settings.timeZone));
    const docSig = (id: number): string => sigs[id]!;
    const all = createHash('sha1').update(FORMAT);
    for (const sig of sigs) all.update(sig);
    const indexSig = signature(FORMAT, 'index', all.digest('base64url'));
    const texts = (doc: number, parts: number): boolean => {
      let fresh = true;
      for (let k = 0; k < parts; k++) fresh = out.isFresh(SEARCH_DIR + textFile(doc, k, SEARCH_DEFAULTS.perFolder), docSig(doc)) && fresh;
      return fresh;
    };
    if (out.isFresh(SEARCH_DIR + MANIFEST_FILE, indexSig)) {
      // Nothing changed: keep every file of the index (a post's text files are numbered 0, 1, … until one is missing).
      out.isFresh(SEARCH_DIR + STARTS_FILE, indexSig);
      for (let doc = 0; doc < posts.length; doc++) for (let k = 0; out.isFresh(SEARCH_DIR + textFile(doc, k, SEARCH_DEFAULTS.perFolder), docSig(doc)); k++);
      for (let s = 0; out.isFresh(SEARCH_DIR + shardFile(s), indexSig); s++);
      return;
    }
    try {
      await buildSearchIndex(records(model, posts), (rel, data, doc) => out.write(SEARCH_DIR + rel, data, doc === undefined ? indexSig : docSig(doc)), {
        keepTexts: texts,
      });
    } catch (err) {
      if (err instanceof SamizdatError) throw err;
      // The spill files (temp folder) are the only I/O of its own: a full disk, say.
      throw new SamizdatError('site', 'search-index', `build: cannot build the search index (${(err as Error).message.split('\n')[0]})`, { cause: err });
    }
  },
};

/** The posts' search records in order, reading a few contents ahead. */
async function* records(model: SiteModel, posts: readonly SitePost[]): AsyncIterable<SearchDoc> {
  const ahead: Array<Promise<SearchDoc>> = [];
  let next = 0;
  const record = async (p: SitePost): Promise<SearchDoc> => ({
    href: relativeHref(SEARCH_PAGE, p.outPath),
    date: displayDateTime(p.post.date, model.settings.timeZone),
    source: displayText(p.post.site),
    title: displayText(p.post.title),
    body: await model.text(p),
  });
  const fill = (): void => {
    while (ahead.length < 8 && next < posts.length) {
      const r = record(posts[next++]!);
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
