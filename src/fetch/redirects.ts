import { FetchError } from './fetch-error.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_STATUSES = new Set([301, 308]);
/** Sent only to the origin they were configured for (as browsers do on cross-origin redirects). */
const CREDENTIAL_HEADERS = ['cookie', 'authorization', 'proxy-authorization'];

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** Parse a feed URL; only absolute http(s) URLs are fetched. */
export function parseFeedUrl(url: string, feedUrl = url): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError('bad-url', feedUrl, 'not a valid absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('bad-url', feedUrl, `unsupported scheme ${parsed.protocol} (only http and https)`);
  }
  return parsed;
}

/**
 * The hops of one fetch: counts them, refuses loops, and tracks whether every hop so far was
 * permanent (301/308), in which case the caller may remember the final URL as the feed's new
 * address. One temporary hop anywhere makes the move temporary.
 */
export class RedirectChain {
  readonly #origin: string;
  readonly #seen = new Set<string>();
  #current: URL;
  #hops = 0;
  #allPermanent = true;

  constructor(
    start: URL,
    private readonly maxRedirects: number,
    private readonly feedUrl: string,
  ) {
    this.#current = start;
    this.#origin = start.origin;
    this.#seen.add(withoutHash(start));
  }

  get current(): URL {
    return this.#current;
  }

  /** The URL to remember instead of the requested one, when the whole chain was permanent. */
  get permanentUrl(): string | undefined {
    return this.#hops > 0 && this.#allPermanent ? this.#current.href : undefined;
  }

  /** Take a redirect answer; throws FetchError on a loop, too many hops or a bad target. */
  follow(status: number, location: string): URL {
    let next: URL;
    try {
      next = parseFeedUrl(new URL(location, this.#current).href, this.feedUrl);
    } catch (err) {
      if (err instanceof FetchError) throw new FetchError('bad-url', this.feedUrl, `redirect to an unusable URL ${JSON.stringify(location)}`);
      throw err;
    }
    const key = withoutHash(next);
    if (this.#seen.has(key)) {
      throw new FetchError('redirect-loop', this.feedUrl, `redirect loop: ${this.#current.href} -> ${next.href} was already visited`);
    }
    this.#hops++;
    if (this.#hops > this.maxRedirects) {
      throw new FetchError('too-many-redirects', this.feedUrl, `more than ${this.maxRedirects} redirects (last to ${next.href})`);
    }
    this.#seen.add(key);
    if (!PERMANENT_STATUSES.has(status)) this.#allPermanent = false;
    this.#current = next;
    return next;
  }

  /** Headers for the current hop: credentials stay with the origin they were given for. */
  headersFor(headers: Readonly<Record<string, string>>): Record<string, string> {
    if (this.#current.origin === this.#origin) return { ...headers };
    const copy: Record<string, string> = { ...headers };
    for (const name of CREDENTIAL_HEADERS) delete copy[name];
    return copy;
  }
}

/** The fragment never reaches the server, so it does not make a hop different. */
function withoutHash(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}
