import { createHash } from 'node:crypto';
import { themeSignature } from './theme-signature.js';

/** A page's input signature: the theme, plus whatever the caller says the page is made from. */
export function signature(...parts: ReadonlyArray<string | number | undefined>): string {
  const h = createHash('sha1').update(themeSignature());
  for (const p of parts) h.update('\u0000').update(String(p ?? ''));
  return h.digest('base64url');
}

/**
 * `signer(...prefix)(...rest)` is `signature(...prefix, ...rest)`, with the prefix hashed once:
 * for the many pages that share a long prefix (the settings) and differ in a few short parts.
 */
export function signer(...prefix: ReadonlyArray<string | number | undefined>): (...rest: ReadonlyArray<string | number | undefined>) => string {
  const base = createHash('sha1').update(themeSignature());
  for (const p of prefix) base.update('\u0000').update(String(p ?? ''));
  return (...rest) => {
    const h = base.copy();
    for (const p of rest) h.update('\u0000').update(String(p ?? ''));
    return h.digest('base64url');
  };
}

/** Signature of written content (pages that are cheap to render but should not be rewritten). */
export function contentSignature(data: string | Uint8Array): string {
  return `c:${createHash('sha1').update(data).digest('base64url')}`;
}
