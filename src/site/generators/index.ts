import type { Generator } from '../site-model.js';
import { assets } from './assets.js';
import { homePages } from './home-pages.js';
import { postPages } from './post-pages.js';

/** Everything a build writes, in order. Add a generator with one line here. */
export const GENERATORS: readonly Generator[] = [
  assets,
  postPages,
  homePages,
];
