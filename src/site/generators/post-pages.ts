import type { Generator } from '../site-model.js';
import { renderPostPage } from '../theme/post-page.js';
import { runEach } from './run-each.js';

/** One page per post at its permalink. Contents are read one post at a time. */
export const postPages: Generator = {
  name: 'post pages',
  async generate(model, out) {
    await runEach(model.posts, 8, async (p) => {
      await out.write(p.outPath, renderPostPage(p, await model.html(p), model.settings));
    });
  },
};
