import type { Generator } from '../site-model.js';
import { STYLESHEET } from '../theme/stylesheet.js';

/** The theme's static files. */
export const assets: Generator = {
  name: 'assets',
  reserved: (path) => path.startsWith('assets/'),
  async generate(model, out) {
    await out.write(model.settings.cssFile, STYLESHEET);
  },
};
