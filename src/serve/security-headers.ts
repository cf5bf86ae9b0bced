import { createHash } from 'node:crypto';

/**
 * The policy every response carries. The theme needs no more: scripts are same-origin files
 * (search, facades), styles are same-origin files, images may come from anywhere (posts keep
 * their remote images, lazy and without referrer), and frames only from the players and comment
 * widgets the facades build after a click. Each page narrows frame-src further in its meta CSP.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; img-src * data:; "
  + 'frame-src https://www.youtube-nocookie.com https://giscus.app https://utteranc.es https://disqus.com; '
  + "style-src 'self'; object-src 'none'; base-uri 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The policy for one HTML page whose own `<style>` elements must apply. 404.html inlines the
 * stylesheet (hosts serve it at any depth, where a relative link to it breaks); rather than
 * allowing every inline style, the policy names the hash of each of that page's style blocks.
 */
export function policyWithStyleHashes(html: string, policy = CONTENT_SECURITY_POLICY): string {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style\s*>/gi)) {
    hashes.push(`'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
  }
  if (!hashes.length) return policy;
  return policy.replace(/style-src ([^;]*)/, (_m, sources: string) => `style-src ${sources} ${hashes.join(' ')}`);
}
