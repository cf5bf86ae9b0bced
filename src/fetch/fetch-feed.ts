import type { IncomingMessage } from 'node:http';
import type { FetchResult, Validators } from '../model/index.js';
import { readBody } from './body.js';
import { startDeadline } from './deadline.js';
import { decodeBody } from './decode.js';
import { FetchError } from './fetch-error.js';
import { header, statusError } from './http-status.js';
import { isRedirect, parseFeedUrl, RedirectChain } from './redirects.js';
import { sendRequest } from './request.js';
import { ACCEPT_ENCODING, DEFAULT_USER_AGENT, FEED_ACCEPT } from './user-agent.js';

export interface FetchOptions {
  /** Hard deadline for the whole fetch (connect, redirects, headers, body). Default 30 s. */
  timeoutMs?: number;
  /** Per request: DNS + TCP connect (+ TLS). Default 10 s. */
  connectTimeoutMs?: number;
  /** Cap on the body, received and decompressed. Default 20 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** From the previous fetch: sent as If-None-Match / If-Modified-Since. */
  validators?: Validators;
  /** Extra request headers for this feed (e.g. Cookie); they override the defaults. */
  headers?: Readonly<Record<string, string>>;
  /** Charset to decode with, whatever the response says (per-feed `encoding`). */
  encoding?: string;
  userAgent?: string;
  /** Aborting ends the fetch at once with a FetchError (code 'timeout', "aborted"). */
  signal?: AbortSignal;
}

export const FETCH_DEFAULTS = {
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
} as const;

/**
 * Fetch one feed and return its text, or `not-modified` for a 304. Every failure is a
 * FetchError naming `url` with a stable code; the promise settles by the deadline.
 */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const start = parseFeedUrl(url);
  const deadline = startDeadline(url, options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs, options.signal);
  try {
    return await Promise.race([fetchWithin(start, url, options, deadline.signal), deadline.expired]);
  } finally {
    deadline.dispose();
  }
}

async function fetchWithin(start: URL, url: string, options: FetchOptions, signal: AbortSignal): Promise<FetchResult> {
  const chain = new RedirectChain(start, options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects, url);
  const headers = requestHeaders(options);
  for (;;) {
    const res = await sendRequest(chain.current, {
      headers: chain.headersFor(headers),
      connectTimeoutMs: options.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs,
      signal,
      feedUrl: url,
    });
    const status = res.statusCode ?? 0;
    const location = header(res, 'location');
    if (isRedirect(status) && location !== undefined) {
      res.destroy();
      chain.follow(status, location);
      continue;
    }
    const finalUrl = chain.current.href;
    const moved = chain.permanentUrl !== undefined ? { permanentUrl: chain.permanentUrl } : {};
    if (status === 304) {
      res.destroy();
      return { kind: 'not-modified', finalUrl, ...moved, validators: validatorsOf(res, options.validators) };
    }
    if (status < 200 || status > 299) {
      res.destroy();
      throw statusError(res, url, finalUrl);
    }
    const bytes = await readBody(res, { maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes, feedUrl: url });
    const contentType = header(res, 'content-type');
    const { text, charset } = decodeBody(bytes, contentType, options.encoding);
    if (text.trim() === '') {
      throw new FetchError('empty', url, `HTTP ${status} with an empty body${finalUrl !== url ? ` (at ${finalUrl})` : ''}`, { status });
    }
    return {
      kind: 'ok',
      finalUrl,
      ...moved,
      status,
      text,
      charset,
      ...(contentType !== undefined ? { contentType } : {}),
      validators: validatorsOf(res),
      bytes: bytes.length,
    };
  }
}

/** Defaults, then the feed's own headers (case-insensitive override), then validators. */
function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: FEED_ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const { etag, lastModified } = options.validators ?? {};
  if (etag) headers['if-none-match'] = etag;
  if (lastModified) headers['if-modified-since'] = lastModified;
  return headers;
}

/** The response's validators; a 304 that omits them keeps the ones that earned it. */
function validatorsOf(res: IncomingMessage, sent?: Validators): Validators {
  const etag = header(res, 'etag') ?? sent?.etag;
  const lastModified = header(res, 'last-modified') ?? sent?.lastModified;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
