import { createHash } from 'node:crypto';
import { themeSignature } from './theme-signature.js';

/** A page's input signature: the theme, plus whatever the caller says the page is made from. */
export function signature(...parts: ReadonlyArray<string | number | undefined>): string {
  return createHash('sha1').update(themeSignature()).update(joined(parts)).digest('base64url');
}

/** The parts, each after a NUL: one string, hashed in one call (a call per part costs more than the hashing). */
function joined(parts: ReadonlyArray<string | number | undefined>): string {
  let s = '';
  for (const p of parts) s += `\u0000${p ?? ''}`;
  return s;
}

/**
 * `signer(...prefix)(...rest)` is `signature(...prefix, ...rest)`, with the prefix hashed once:
 * for the many pages that share a long prefix (the settings) and differ in a few short parts.
 */
export function signer(...prefix: ReadonlyArray<string | number | undefined>): (...rest: ReadonlyArray<string | number | undefined>) => string {
  const base = createHash('sha1').update(themeSignature()).update(joined(prefix));
  return (...rest) => base.copy().update(joined(rest)).digest('base64url');
}

/** Signature of written content (pages that are cheap to render but should not be rewritten). */
export function contentSignature(data: string | Uint8Array): string {
  return `c:${createHash('sha1').update(data).digest('base64url')}`;
}
