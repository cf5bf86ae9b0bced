import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayDateTime } from '../display-date.js';
import type { Generator, SiteModel } from '../site-model.js';
import { FACADES_FILE, FACADES_JS } from '../theme/facades-script.js';
import { sourceGroups } from '../theme/groups.js';
import { ABOUT_FILE, render404Page, renderAboutPage } from '../theme/static-pages.js';

/** GitHub Pages keeps a site's custom domain in this file at its root (Jekyll copies the archive's). */
const CNAME_FILE = 'CNAME';
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;

/** 404.html, the about page (from the archive's `about.md` when present), the facades' script and the archive's CNAME. */
export const staticPages: Generator = {
  name: 'static pages',
  reserved: (path) => path === '404.html' || path.startsWith('about/') || path === FACADES_FILE || path === CNAME_FILE,
  async generate(model, out) {
    const site = model.settings;
    const cname = await archiveFile(model, CNAME_FILE);
    if (cname !== undefined) {
      // A deploy without it would drop the mirror's custom domain.
      const domain = cname.trim().split(/\s+/)[0] ?? '';
      if (DOMAIN.test(domain)) await out.write(CNAME_FILE, `${domain}\n`);
      else out.warn(`${CNAME_FILE}: ${JSON.stringify(domain.slice(0, 80))} is not a domain name; not copied into the site`);
    }
    await out.write(FACADES_FILE, FACADES_JS);
    await out.write('404.html', render404Page(site, site.absoluteBase ? `${site.absoluteBase}/index.html` : undefined));
    const newest = model.posts[0];
    const oldest = model.posts[model.posts.length - 1];
    await out.write(ABOUT_FILE, renderAboutPage(await archiveFile(model, 'about.md'), {
      posts: model.posts.length,
      sources: sourceGroups(model.posts).length,
      ...(newest && oldest ? { newest: displayDateTime(newest.post.date, site.timeZone).slice(0, 10), oldest: displayDateTime(oldest.post.date, site.timeZone).slice(0, 10) } : {}),
    }, site));
  },
};

/** A file at the archive's root, when there is one. */
async function archiveFile(model: SiteModel, name: string): Promise<string | undefined> {
  if (!model.archiveDir) return undefined;
  try {
    return await readFile(join(model.archiveDir, name), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
