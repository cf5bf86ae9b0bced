import { pageFile, paginate } from '../paginate.js';
import type { Generator } from '../site-model.js';
import { sourceCounts } from '../theme/groups.js';
import { renderListPage } from '../theme/list-page.js';

/** The home list, paginated as jekyll-paginate does (`index.html`, `page2/index.html`, …). */
export const homePages: Generator = {
  name: 'home pages',
  reserved: (path) => path === 'index.html' || /^page\d+\/index\.html$/.test(path),
  async generate(model, out) {
    const pages = paginate(model.posts, model.settings.paginate);
    for (const [i, items] of pages.entries()) await out.write(pageFile(i + 1), renderListPage(items, i + 1, pages.length, model.settings, i === 0 ? sourceCounts(model.posts) : undefined));
  },
};
