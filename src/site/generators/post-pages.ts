import { signer } from '../cache/signature.js';
import { changesByList, touchedNeighbours } from '../change-scope.js';
import type { Generator, SiteModel, SiteOutput, SitePost } from '../site-model.js';
import { sourcePath } from '../source-path.js';
import { sourceGroups, type PostGroup } from '../theme/groups.js';
import { neighbourSignature, sourceNeighbours } from '../theme/neighbours.js';
import { renderPostPage } from '../theme/post-page.js';
import { runEach } from './run-each.js';

/** Pages rendered at once: their writes overlap. */
const IN_FLIGHT = 8;

/**
 * One page per post at its permalink. A page whose inputs did not change since the last
 * build is not rendered again; contents are read one post at a time. With a queue in the model
 * (SiteModel.pageQueue), the pages are those it hands out, shared with another thread.
 */
export const postPages: Generator = {
  name: 'post pages',
  alongside: true,
  outputs: (model) => model.posts.map((p) => p.outPath),
  async generate(model, out) {
    const queue = model.pageQueue;
    if (queue) {
      const make = postPageMaker(model, out, sourceGroups(model.posts), model.posts);
      await runEach(Array.from({ length: IN_FLIGHT }), IN_FLIGHT, async () => {
        for (let next = queue.next(); next; next = queue.next()) queue.made(next, await make(next[1]));
      });
      return;
    }
    const sources = sourceGroups(model.posts);
    // With the changes known, only pages that show a changed post are checked; the others stay.
    let todo = model.posts;
    if (model.changes) {
      const files = model.changes.files;
      const touched = new Set<SitePost>();
      const byList = changesByList(model.changes, (p) => [sourcePath(p.post.site)]);
      for (const g of sources) {
        const change = byList.get(g.folder);
        if (change) touchedNeighbours(g.posts, change, files, touched);
      }
      todo = model.posts.filter((p) => touched.has(p) || !out.keep(p.outPath));
    }
    const make = postPageMaker(model, out, sources, todo);
    // Pages whose content another thread waits for go first.
    const first = model.first;
    if (first?.size) todo = [...todo.filter((p) => first.has(p)), ...todo.filter((p) => !first.has(p))];
    await runEach(todo, IN_FLIGHT, async (p) => void (await make(p)));
  },
};

/**
 * Renders and writes one post's page unless it is fresh; gives the page's content (undefined
 * when fresh). `todo`: the posts whose pages it may be asked for — neighbours are indexed only
 * in their sources (an hourly build: a few).
 */
export function postPageMaker(
  model: SiteModel, out: SiteOutput, sources: readonly PostGroup[], todo: readonly SitePost[],
): (p: SitePost) => Promise<string | undefined> {
  const sign = signer('post', JSON.stringify(model.settings));
  const folders = todo === model.posts ? undefined : new Set(todo.map((p) => sourcePath(p.post.site)));
  const neighboursOf = sourceNeighbours(folders ? sources.filter((g) => folders.has(g.folder)) : sources);
  return async (p) => {
    const neighbours = neighboursOf(p);
    const sig = sign(p.file, p.digest, p.url, neighbourSignature(neighbours));
    if (out.isFresh(p.outPath, sig)) return undefined;
    const html = await model.html(p);
    await out.write(p.outPath, renderPostPage(p, html, model.settings, neighbours), sig);
    return html;
  };
}
