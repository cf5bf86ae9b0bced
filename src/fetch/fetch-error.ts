import { SamizdatError, type FetchErrorCode } from '../model/index.js';

export interface FetchErrorDetails {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/**
 * Why one fetch failed. `code` is stable (the pipeline records it on the feed); the
 * message is one line: `fetch: <url>: <what went wrong>`.
 */
export class FetchError extends SamizdatError {
  // `declare` narrows the inherited field's type without re-initialising it.
  declare readonly code: FetchErrorCode;
  readonly url: string;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(code: FetchErrorCode, url: string, detail: string, details: FetchErrorDetails = {}) {
    super('fetch', code, `fetch: ${url}: ${oneLine(detail)}`, { cause: details.cause });
    this.name = 'FetchError';
    this.url = url;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
