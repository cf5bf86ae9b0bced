import { extname } from 'node:path';

/** What the site's files are; anything else is served as bytes (with nosniff, never run as a script). */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // Feeds and the sitemap: a generic XML type shows them in a browser instead of downloading them.
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** The Content-Type header for a file, by its extension (case-insensitive). */
export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? DEFAULT_CONTENT_TYPE;
}
