import { signer } from '../cache/signature.js';
import { changesByList, touchedNeighbours } from '../change-scope.js';
import type { Generator, SitePost } from '../site-model.js';
import { sourcePath } from '../source-path.js';
import { sourceGroups } from '../theme/groups.js';
import { neighbourSignature, sourceNeighbours } from '../theme/neighbours.js';
import { renderPostPage } from '../theme/post-page.js';
import { runEach } from './run-each.js';

/**
 * One page per post at its permalink. A page whose inputs did not change since the last
 * build is not rendered again; contents are read one post at a time.
 */
export const postPages: Generator = {
  name: 'post pages',
  alongside: true,
  outputs: (model) => model.posts.map((p) => p.outPath),
  async generate(model, out) {
    const sign = signer('post', JSON.stringify(model.settings));
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
    // Neighbours are indexed only in the sources of the pages to check (an hourly build: a few).
    const folders = todo === model.posts ? undefined : new Set(todo.map((p) => sourcePath(p.post.site)));
    const neighboursOf = sourceNeighbours(folders ? sources.filter((g) => folders.has(g.folder)) : sources);
    // Pages whose content another thread waits for go first.
    const first = model.first;
    if (first?.size) todo = [...todo.filter((p) => first.has(p)), ...todo.filter((p) => !first.has(p))];
    await runEach(todo, 8, async (p) => {
      const neighbours = neighboursOf(p);
      const sig = sign(p.file, p.digest, p.url, neighbourSignature(neighbours));
      if (out.isFresh(p.outPath, sig)) return;
      await out.write(p.outPath, renderPostPage(p, await model.html(p), model.settings, neighbours), sig);
    });
  },
};
