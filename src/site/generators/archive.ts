import { escapeHtml } from '../escape-html.js';
import { relativeHref } from '../relative-href.js';
import { listScopes } from '../change-scope.js';
import type { Generator } from '../site-model.js';
import type { CountSection } from '../theme/count-page.js';
import { renderCountPage } from '../theme/count-page.js';
import { groupRuns } from '../theme/groups.js';
import { monthKey } from '../theme/list-dates.js';
import { writePagedList } from '../theme/paged-list.js';

/**
 * The date archive: `archive/index.html` lists every month (in the site's time zone) with its
 * count, by year, newest first; `archive/YYYY/MM/index.html` lists the month's posts, paginated.
 */
export const archivePages: Generator = {
  name: 'archive pages',
  reserved: (path) => path.startsWith('archive/'),
  async generate(model, out) {
    const site = model.settings;
    const folderOf = (key: string): string => `archive/${key.replace('-', '/')}/`;
    const months = groupRuns(model.posts, (p) => monthKey(p.post.date, site.timeZone), folderOf);
    const scopeOf = listScopes(model, (p) => [folderOf(monthKey(p.post.date, site.timeZone))]);
    const label = (folder: string): string => {
      const [, y, m] = folder.split('/');
      return `${y}年${Number(m)}月`;
    };
    const sections: CountSection[] = [];
    for (const g of months) {
      const year = `${g.folder.split('/')[1]}年`;
      const entry = { name: label(g.folder), file: `${g.folder}index.html`, count: g.posts.length };
      const last = sections[sections.length - 1];
      if (last?.heading === year) (last.entries as typeof entry[]).push(entry);
      else sections.push({ heading: year, entries: [entry] });
    }
    await out.write('archive/index.html', renderCountPage({
      self: 'archive/index.html', heading: '按月归档', current: 'archive', sections,
      intro: `<p class="list-intro">共 ${model.posts.length} 篇，${months.length} 个月</p>`,
    }, site));
    for (const [i, g] of months.entries()) {
      const newer = months[i - 1];
      const older = months[i + 1];
      const after = (self: string): string => `<nav class="pagination month-nav" aria-label="相邻月份">${
        newer ? `<a href="${escapeHtml(relativeHref(self, `${newer.folder}index.html`))}">← ${escapeHtml(label(newer.folder))}</a>` : '<span></span>'}<a href="${
        escapeHtml(relativeHref(self, 'archive/index.html'))}">全部月份</a>${
        older ? `<a href="${escapeHtml(relativeHref(self, `${older.folder}index.html`))}">${escapeHtml(label(older.folder))} →</a>` : '<span></span>'}</nav>`;
      const intro = `<p class="list-intro">共 ${g.posts.length} 篇</p>`;
      await writePagedList(out, g.posts, g.folder, { heading: label(g.folder), intro, after, current: 'archive', monthHeadings: false }, site, scopeOf(g.folder, g.posts));
    }
  },
};
