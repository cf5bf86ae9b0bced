import { listScopes, type ListScope } from '../change-scope.js';
import type { Generator, SiteOutput, SiteSettings } from '../site-model.js';
import type { CountEntry } from '../theme/count-list.js';
import { renderCountPage } from '../theme/count-page.js';
import { categoriesOf, categoryPath, sourceGroups, tagPath, tagsOf, taxonomyGroups, type PostGroup } from '../theme/groups.js';
import { writePagedList } from '../theme/paged-list.js';

/**
 * Categories and tags: `categories/index.html` lists both with their counts, and each has its
 * paginated list at `categories/<slug>/` or `tags/<slug>/`. A category or tag that holds
 * exactly the posts of the source of that name (the usual case: legacy posts carry their
 * source as their only category and tag) links to the source's list instead of repeating it.
 */
export const taxonomyPages: Generator = {
  name: 'category and tag pages',
  reserved: (path) => path.startsWith('categories/') || path.startsWith('tags/'),
  async generate(model, out) {
    const site = model.settings;
    const sources = new Map(sourceGroups(model.posts).map((g) => [g.folder.replace(/^sources\//, ''), g.posts.length]));
    const sections: { heading: string; entries: CountEntry[] }[] = [];
    const scopeOf = listScopes(model, (p) => [...categoriesOf(p).map(categoryPath), ...tagsOf(p).map(tagPath)]);
    for (const [heading, kind] of [['分类', 'categories'], ['标签', 'tags']] as const) {
      const prefix = `${kind}/`;
      const groups = taxonomyGroups(model.posts, kind);
      const entries: CountEntry[] = [];
      for (const g of groups) {
        const slug = g.folder.slice(prefix.length);
        if (sources.get(slug) === g.posts.length) {
          entries.push({ name: g.name, file: `sources/${slug}index.html`, count: g.posts.length });
          continue;
        }
        entries.push({ name: g.name, file: `${g.folder}index.html`, count: g.posts.length });
        await writeList(g, heading, out, site, scopeOf(g.folder, g.posts));
      }
      sections.push({ heading: `${heading}（${groups.length}）`, entries });
    }
    await out.write('categories/index.html', renderCountPage({ self: 'categories/index.html', heading: '分类与标签', current: 'categories', sections }, site));
  },
};

async function writeList(g: PostGroup, kind: string, out: SiteOutput, site: SiteSettings, scope: ListScope | undefined): Promise<void> {
  const intro = `<p class="list-intro">${kind}，共 ${g.posts.length} 篇</p>`;
  await writePagedList(out, g.posts, g.folder, { heading: g.name, intro, current: 'categories' }, site, scope);
}
