import { listScopes } from '../change-scope.js';
import type { Generator } from '../site-model.js';
import { sourcePath } from '../source-path.js';
import { renderCountPage } from '../theme/count-page.js';
import { sourceCounts, sourceGroups } from '../theme/groups.js';
import { writePagedList } from '../theme/paged-list.js';

/**
 * One list per source at its `sourcePath` folder (`sources/<slug>/index.html`, `…/page<n>/…` numbered from the oldest),
 * newest first under month headings, and `sources/index.html`: every source with its count.
 */
export const sourcePages: Generator = {
  name: 'source pages',
  reserved: (path) => path.startsWith('sources/'),
  async generate(model, out) {
    const site = model.settings;
    await out.write('sources/index.html', renderCountPage({
      self: 'sources/index.html', heading: '来源', current: 'sources',
      sections: [{ heading: `全部来源（${sourceGroups(model.posts).length}）`, entries: sourceCounts(model.posts) }],
    }, site));
    const scopeOf = listScopes(model, (p) => [sourcePath(p.post.site)]);
    for (const g of sourceGroups(model.posts)) {
      const intro = `<p class="list-intro">共 ${g.posts.length} 篇</p>`;
      await writePagedList(out, g.posts, g.folder, { heading: g.name, intro, current: 'sources', showSource: false }, site, scopeOf(g.folder, g.posts));
    }
  },
};
