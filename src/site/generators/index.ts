import type { Generator } from '../site-model.js';
import { assets } from './assets.js';
import { feeds, sitemap } from './feeds.js';
import { homePages } from './home-pages.js';
import { postPages } from './post-pages.js';
import { sourcePages } from './sources.js';
import { taxonomyPages } from './taxonomies.js';
import { archivePages } from './archive.js';
import { staticPages } from './static-pages.js';
import { search } from './search.js';
import { redirects } from './redirects.js';

/** Everything a build writes, in order. Add a generator with one line here. */
export const GENERATORS: readonly Generator[] = [
  assets,
  postPages,
  homePages,
  feeds,
  sourcePages,
  taxonomyPages,
  archivePages,
  staticPages,
  search,
  sitemap, // lists the pages written before it: after every page generator
  redirects, // after the sitemap, which must not list redirect pages
];
