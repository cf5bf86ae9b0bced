import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPostFiles } from '../../src/archive/posts/list-posts.js';

/** The legacy posts bundled with the tests (a subset of the fixture mirrors). */
const LOCAL = fileURLToPath(new URL('../testdata/site/jekyll-urls/', import.meta.url));
/** The fixture mirrors beside the project, when present (CI has them; a user's clone does not). */
const SHARED = fileURLToPath(new URL('../../../shared/fixtures/posts/', import.meta.url));

/** Every post file of the bundled subset and of the fixture mirrors beside the project: its mirror's folder and path. */
export function* fixturePostFiles(): Iterable<{ root: string; path: string }> {
  const roots = [LOCAL, ...(existsSync(SHARED) ? readdirSync(SHARED).map((d) => join(SHARED, d)).filter((d) => statSync(d).isDirectory()) : [])];
  for (const root of roots) for (const f of listPostFiles(root)) yield { root, path: f.path };
}
