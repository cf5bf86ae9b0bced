import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

export type Resolved =
  | { readonly kind: 'file'; readonly path: string; readonly stats: Stats }
  /** A folder asked for without its trailing slash: its relative links need the slash. */
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-request' };

/**
 * Maps a request target to a regular file inside `root` (already a real path), or says why not.
 * Every segment is percent-decoded once and must not be `.`, `..` or hold a slash, backslash or
 * NUL after decoding (so `%2e%2e`, `..%2f` and `%5c` cannot climb); the file's real path must still
 * be inside `root`, so a symbolic link cannot lead out either. Folders serve their `index.html`.
 * `basePath` ('/' or '/a/b/') is the URL prefix the folder is served under.
 */
export async function resolveRequest(root: string, target: string, basePath = '/'): Promise<Resolved> {
  let url: URL;
  try {
    // Origin-form targets only ('/…'); an absolute-form target keeps just its path and query.
    url = new URL(target.startsWith('/') ? `http://localhost${target}` : target);
  } catch {
    return { kind: 'bad-request' };
  }
  // Leading slashes collapse, so that no redirect below can read as `//other-host/`.
  const rawPath = url.pathname.replace(/^\/+/, '/');
  if (`${rawPath}/` === basePath) return { kind: 'redirect', location: basePath + url.search };
  if (!rawPath.startsWith(basePath)) return { kind: 'not-found' };
  const segments: string[] = [];
  for (const raw of rawPath.slice(basePath.length).split('/')) {
    let s: string;
    try {
      s = decodeURIComponent(raw);
    } catch {
      return { kind: 'bad-request' };
    }
    if (s === '.' || s === '..' || /[/\\\0]/.test(s)) return { kind: 'bad-request' };
    if (s !== '') segments.push(s);
  }
  const found = await inside(root, join(root, ...segments));
  if (!found) return { kind: 'not-found' };
  if (found.stats.isDirectory()) {
    if (!rawPath.endsWith('/')) return { kind: 'redirect', location: `${rawPath}/${url.search}` };
    const index = await inside(root, join(found.path, 'index.html'));
    return index?.stats.isFile() ? { kind: 'file', ...index } : { kind: 'not-found' };
  }
  return found.stats.isFile() ? { kind: 'file', ...found } : { kind: 'not-found' };
}

/** The real path of `path` and its stats when it exists and is `root` or lies under it. */
async function inside(root: string, path: string): Promise<{ path: string; stats: Stats } | undefined> {
  try {
    const real = await realpath(path);
    if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
    return { path: real, stats: await stat(real) };
  } catch {
    return undefined;
  }
}
