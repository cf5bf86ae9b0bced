/*
 * Search runtime: the search page's behaviour in the browser (see fold.ts for the rules of
 * these modules). The page's HTML (search-page.ts) holds every element; this only fills them.
 * Listeners are attached here (no inline script or handler attribute: CSP script-src 'self').
 */
import { MANIFEST_FILE, openSearch, type LoadBytes, type SearchHit, type SearchResults } from './searcher.js';

export const SEARCH_PAGE_SIZE = 20;

export function startSearchPage(doc: Document): void {
  const form = doc.getElementById('search-form');
  const input = doc.getElementById('search-q') as HTMLInputElement | null;
  const status = doc.getElementById('search-status');
  const list = doc.getElementById('search-results');
  const pager = doc.getElementById('search-pages');
  const localNote = doc.getElementById('search-local');
  if (!form || !input || !status || !list || !pager || !localNote) return;
  const win = doc.defaultView ?? window;

  const loader = fetchLoader(win.location.href);
  let index: ReturnType<typeof openSearch> | undefined;
  const open = (): ReturnType<typeof openSearch> => {
    index ??= openSearch(loader.load).then((s) => {
      loader.version = s.manifest.build;
      return s;
    });
    index.catch(() => (index = undefined));
    return index;
  };

  let current: { query: string; results: SearchResults } | undefined;
  let token = 0;
  const run = async (query: string, page: number): Promise<void> => {
    const mine = ++token;
    list.replaceChildren();
    pager.replaceChildren();
    pager.hidden = true;
    if (!query.trim()) {
      status.textContent = '输入字词后搜索标题和正文。';
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const s = await open();
      const results = current?.query === query ? current.results : await s.search(query);
      current = { query, results };
      if (!results.terms.length) {
        status.textContent = '请输入文字或数字。';
        return;
      }
      const { hits, more } = await results.page(page, SEARCH_PAGE_SIZE);
      if (mine !== token) return;
      const { found, unchecked } = results.count();
      status.textContent = unchecked === 0
        ? found === 0 ? '没有找到。' : `找到 ${found} 篇，第 ${page + 1} / ${Math.ceil(found / SEARCH_PAGE_SIZE)} 页。`
        : `已找到 ${found} 篇，另有 ${unchecked} 篇待核对（翻页时继续），第 ${page + 1} 页。`;
      for (const h of hits) list.append(hitItem(doc, h));
      pagerButtons(doc, pager, page, more, more && hits.length < SEARCH_PAGE_SIZE, (p) => go(query, p));
    } catch (err) {
      if (mine !== token) return;
      status.textContent = `搜索索引无法读取（${(err as Error).message}）。`;
      if (win.location.protocol === 'file:') localNote.hidden = false;
    }
  };
  const go = (query: string, page: number): void => {
    const params = new URLSearchParams({ q: query });
    if (page > 0) params.set('page', String(page + 1));
    try {
      win.history.pushState(null, '', `?${params.toString()}`);
    } catch {
      // Some browsers refuse history changes on file:// pages; the search still runs.
    }
    void run(query, page);
  };
  const fromLocation = (): void => {
    const params = new URLSearchParams(win.location.search);
    const query = params.get('q') ?? '';
    input.value = query;
    if (query) void run(query, Math.max(0, (Number(params.get('page')) || 1) - 1));
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(input.value, 0);
  });
  win.addEventListener('popstate', fromLocation);
  fromLocation();
}

/**
 * Reads the index files relative to the search page. The manifest is revalidated on every
 * visit; the other files carry the index's build id in their URL, so no cache serves a file
 * of an older index with a newer manifest.
 */
export function fetchLoader(pageHref: string): { load: LoadBytes; version: string } {
  const loader = {
    version: '',
    async load(path: string): Promise<Uint8Array> {
      const url = new URL(path, pageHref);
      url.search = loader.version ? `v=${loader.version}` : '';
      url.hash = '';
      const res = await fetch(url.href, path === MANIFEST_FILE ? { cache: 'no-cache' } : {});
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${path}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
  return loader;
}

function hitItem(doc: Document, h: SearchHit): HTMLElement {
  const li = doc.createElement('li');
  const time = doc.createElement('time');
  time.textContent = h.date;
  const a = doc.createElement('a');
  a.href = h.href;
  a.textContent = h.title || '（无标题）';
  li.append(time, ' ', a);
  if (h.source) {
    const source = doc.createElement('span');
    source.className = 'source';
    source.textContent = h.source;
    li.append(' ', source);
  }
  const snippet = doc.createElement('p');
  snippet.className = 'snippet';
  for (const part of h.snippet) {
    if (!part.mark) snippet.append(part.text);
    else {
      const mark = doc.createElement('mark');
      mark.textContent = part.text;
      snippet.append(mark);
    }
  }
  li.append(snippet);
  return li;
}

/** `partial`: the page was cut short by its budget of checks; its button continues it instead of skipping ahead. */
function pagerButtons(doc: Document, pager: HTMLElement, page: number, more: boolean, partial: boolean, go: (page: number) => void): void {
  if (page === 0 && !more) return;
  const button = (label: string, target: number, enabled: boolean): HTMLElement => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.disabled = !enabled;
    b.addEventListener('click', () => go(target));
    return b;
  };
  const label = doc.createElement('span');
  label.textContent = `第 ${page + 1} 页`;
  pager.append(button('← 上一页', page - 1, page > 0), label, partial ? button('继续查找 →', page, true) : button('下一页 →', page + 1, more));
  pager.hidden = false;
}
