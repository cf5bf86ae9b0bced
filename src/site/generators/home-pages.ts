import { listScopes } from '../change-scope.js';
import type { Generator } from '../site-model.js';
import { sourceCounts } from '../theme/groups.js';
import { sourcesSummary } from '../theme/list-page.js';
import { writePagedList } from '../theme/paged-list.js';

/** The home list (`index.html`, `page<n>/index.html` numbered from the oldest); its front page also counts every source. */
export const homePages: Generator = {
  name: 'home pages',
  reserved: (path) => path === 'index.html' || /^page\d+\/index\.html$/.test(path),
  async generate(model, out) {
    const sources = sourceCounts(model.posts);
    const scope = listScopes(model, () => [''])('', model.posts);
    await writePagedList(out, model.posts, '', {
      heading: '最新文章', title: model.settings.title, current: 'home', frontAfter: (self) => sourcesSummary(sources, self),
    }, model.settings, scope);
  },
};
