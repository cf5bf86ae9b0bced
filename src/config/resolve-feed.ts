import { parseFeed } from '../feed/parse-feed.js';
import { discoverFeedLinks } from '../fetch/discover.js';
import { fetchFeed } from '../fetch/fetch-feed.js';
import type { FeedFormat } from '../model/index.js';
import { SamizdatError, UsageError } from '../model/index.js';
import { youtubeFeedUrl } from './youtube-feed.js';

export interface ResolvedFeed {
  /** The URL to write to subs.json. */
  readonly url: string;
  /** How it was found: given as is, discovered on a page, or converted from a YouTube URL. */
  readonly via: 'feed' | 'page' | 'youtube';
  /** The feed's title; absent when not checked. */
  readonly title?: string;
  readonly format?: FeedFormat;
  readonly items?: number;
}

export interface ResolveOptions {
  /** Fetch and parse the feed (default true); without it the URL is taken as given (YouTube URLs still converted). */
  readonly check?: boolean;
  readonly timeoutMs?: number;
}

/**
 * Turns what an operator pastes into a feed URL that parses: a feed URL is fetched once and
 * parsed; an HTML page is searched for its first `<link rel="alternate">` feed, which is then
 * fetched and parsed; a YouTube channel/playlist URL is converted without loading the page.
 * Every failure is one line naming the URL (SamizdatError, exit 1); a malformed input is a UsageError.
 */
export async function resolveFeed(input: string, options: ResolveOptions = {}): Promise<ResolvedFeed> {
  const given = httpUrl(input);
  const youtube = youtubeFeedUrl(given);
  if (options.check === false) return { url: youtube ?? given, via: youtube ? 'youtube' : 'feed' };
  if (youtube) {
    try {
      return { ...(await checkFeed(youtube, options)), via: 'youtube' };
    } catch (err) {
      throw fail(err, youtube);
    }
  }

  let page: { text: string; finalUrl: string };
  try {
    page = await fetchText(given, options);
  } catch (err) {
    throw fail(err, given);
  }
  try {
    const feed = parseFeed(page.text, page.finalUrl);
    return { url: given, via: 'feed', title: feed.title, format: feed.format, items: feed.items.length };
  } catch (err) {
    if (!(err instanceof SamizdatError) || err.code !== 'not-a-feed' || !/<html[\s>]|<head[\s>]|<link[\s>]/i.test(page.text.slice(0, 200_000))) {
      throw fail(err, given);
    }
  }
  const link = discoverFeedLinks(page.text, page.finalUrl)[0];
  if (!link) {
    throw new SamizdatError('config', 'no-feed', `subs add: ${given} is an HTML page that links no feed (no <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">); give the feed's own URL`);
  }
  try {
    return { ...(await checkFeed(link.url, options)), via: 'page' };
  } catch (err) {
    const code = err instanceof SamizdatError ? err.code : 'internal';
    throw new SamizdatError('config', code, `subs add: ${given} links the feed ${link.url}, but it failed: ${oneLine(err)}`, { cause: err });
  }
}

/** Fetches and parses one feed; errors are the fetch and feed stages' own. */
async function checkFeed(url: string, options: ResolveOptions): Promise<Omit<ResolvedFeed, 'via'>> {
  const { text, finalUrl } = await fetchText(url, options);
  const feed = parseFeed(text, finalUrl);
  return { url, title: feed.title, format: feed.format, items: feed.items.length };
}

async function fetchText(url: string, options: ResolveOptions): Promise<{ text: string; finalUrl: string }> {
  const result = await fetchFeed(url, options.timeoutMs ? { timeoutMs: options.timeoutMs } : {});
  // No validators are sent, so a 304 is a broken server: the feed cannot be checked.
  if (result.kind !== 'ok') throw new SamizdatError('fetch', 'http', `fetch: ${url}: answered 304 Not Modified to an unconditional request`);
  return { text: result.text, finalUrl: result.finalUrl };
}

function fail(err: unknown, url: string): SamizdatError {
  if (err instanceof UsageError) return err;
  const code = err instanceof SamizdatError ? err.code : 'internal';
  const msg = oneLine(err);
  return new SamizdatError('config', code, `subs add: ${msg.includes(url) ? msg : `${url}: ${msg}`} (check the URL, or pass --no-check to add it anyway)`, { cause: err });
}

function httpUrl(input: string): string {
  try {
    const url = new URL(input.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // fall through to the usage error
  }
  throw new UsageError(`subs add: not an absolute http(s) URL: ${JSON.stringify(input.slice(0, 200))}`);
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}
