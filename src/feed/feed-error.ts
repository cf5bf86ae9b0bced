import { SamizdatError } from '../model/index.js';

export type FeedErrorCode = 'not-a-feed' | 'malformed' | 'empty';

/** `feed: <url>: <what>` — one line naming the feed and what was seen. */
export function feedError(feedUrl: string, code: FeedErrorCode, what: string): SamizdatError {
  return new SamizdatError('feed', code, `feed: ${feedUrl}: ${what}`);
}

/** A short, printable excerpt of unexpected input for error messages. */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/[\s\x00-\x1F\x7F-\x9F]+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max)}…` : flat;
  return JSON.stringify(cut);
}
