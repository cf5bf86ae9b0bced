import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayDateTime } from '../display-date.js';
import type { Generator, SiteModel } from '../site-model.js';
import { FACADES_FILE, FACADES_JS } from '../theme/facades-script.js';
import { sourceGroups } from '../theme/groups.js';
import { ABOUT_FILE, render404Page, renderAboutPage } from '../theme/static-pages.js';

/** 404.html, the about page (from the archive's `about.md` when present) and the facades' script. */
export const staticPages: Generator = {
  name: 'static pages',
  reserved: (path) => path === '404.html' || path.startsWith('about/') || path === FACADES_FILE,
  async generate(model, out) {
    const site = model.settings;
    await out.write(FACADES_FILE, FACADES_JS);
    await out.write('404.html', render404Page(site, site.absoluteBase ? `${site.absoluteBase}/index.html` : undefined));
    const newest = model.posts[0];
    const oldest = model.posts[model.posts.length - 1];
    await out.write(ABOUT_FILE, renderAboutPage(await aboutMarkdown(model), {
      posts: model.posts.length,
      sources: sourceGroups(model.posts).length,
      ...(newest && oldest ? { newest: displayDateTime(newest.post.date, site.timeZone).slice(0, 10), oldest: displayDateTime(oldest.post.date, site.timeZone).slice(0, 10) } : {}),
    }, site));
  },
};

async function aboutMarkdown(model: SiteModel): Promise<string | undefined> {
  if (!model.archiveDir) return undefined;
  try {
    return await readFile(join(model.archiveDir, 'about.md'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
