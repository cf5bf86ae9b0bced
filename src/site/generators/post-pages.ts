import { signer } from '../cache/signature.js';
import type { Generator } from '../site-model.js';
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
    const neighboursOf = sourceNeighbours(sourceGroups(model.posts));
    await runEach(model.posts, 8, async (p) => {
      const neighbours = neighboursOf(p);
      const sig = sign(p.file, p.stamp, p.url, neighbourSignature(neighbours));
      if (out.isFresh(p.outPath, sig)) return;
      await out.write(p.outPath, renderPostPage(p, await model.html(p), model.settings, neighbours), sig);
    });
  },
};
