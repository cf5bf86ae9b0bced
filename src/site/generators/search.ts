import { createHash } from 'node:crypto';
import { signature } from '../cache/signature.js';
import { displayDateTime } from '../display-date.js';
import { displayText } from '../display-text.js';
import { relativeHref } from '../relative-href.js';
import { searchScript } from '../search/browser-bundle.js';
import { buildSearchIndex, SEARCH_DEFAULTS } from '../search/build-search-index.js';
import type { DocRecord } from '../search/doc-record.js';
import { SEARCH_CSS, SEARCH_PAGE, SEARCH_SCRIPT, SEARCH_STYLESHEET, renderSearchPage } from '../search/search-page.js';
import { docFile, MANIFEST_FILE, shardFile } from '../search/searcher.js';
import type { Generator, SiteModel, SitePost } from '../site-model.js';

/** Bump when the index format or what it is built from changes: every search file is rebuilt. */
const FORMAT = 'search-1';
const SEARCH_DIR = 'search/';

/**
 * The search page, its script and the static index (search/index.json, search/shards/,
 * search/docs/). When no post changed since the last build, the index is kept as it is; when
 * one did, the shards are rebuilt and only the document files that changed are written.
 */
export const search: Generator = {
  name: 'search',
  reserved: (path) => path.startsWith(SEARCH_DIR),
  async generate(model, out) {
    await out.write(SEARCH_SCRIPT, await searchScript());
    await out.write(SEARCH_CSS, SEARCH_STYLESHEET);
    await out.write(SEARCH_PAGE, renderSearchPage(model.settings));

    // Documents are numbered oldest first, so new posts leave earlier numbers (and files) alone.
    const posts = [...model.posts].reverse();
    const docSig = (id: number): string => {
      const p = posts[id]!;
      return signature(FORMAT, 'doc', id, p.file, p.stamp, p.outPath, model.settings.timeZone);
    };
    const all = createHash('sha1').update(FORMAT);
    for (let id = 0; id < posts.length; id++) all.update(docSig(id));
    const indexSig = signature(FORMAT, 'index', all.digest('base64url'));
    if (out.isFresh(SEARCH_DIR + MANIFEST_FILE, indexSig)) {
      for (let id = 0; id < posts.length; id++) out.isFresh(SEARCH_DIR + docFile(id, SEARCH_DEFAULTS.docsPerFolder), docSig(id));
      for (let s = 0; out.isFresh(SEARCH_DIR + shardFile(s), indexSig); s++);
      return;
    }
    await buildSearchIndex(records(model, posts), (rel, data, id) => out.write(SEARCH_DIR + rel, data, id === undefined ? indexSig : docSig(id)), {
      keepDoc: (id) => out.isFresh(SEARCH_DIR + docFile(id, SEARCH_DEFAULTS.docsPerFolder), docSig(id)),
    });
  },
};

/** The posts' search records in order, reading a few contents ahead. */
async function* records(model: SiteModel, posts: readonly SitePost[]): AsyncIterable<DocRecord> {
  const ahead: Array<Promise<DocRecord>> = [];
  let next = 0;
  const record = async (p: SitePost): Promise<DocRecord> => ({
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
