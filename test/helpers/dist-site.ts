import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const DIST_SITE = join(import.meta.dirname, '../../dist/site/');

/**
 * A compiled module of dist/site/ (`npm test` builds dist/ first): worker threads run compiled
 * code, so a test that hands a model to one drives the compiled modules too.
 */
export async function loadDistSite<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(join(DIST_SITE, file)).href)) as T;
}
