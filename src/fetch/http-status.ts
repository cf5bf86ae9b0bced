import { STATUS_CODES, type IncomingMessage } from 'node:http';
import { FetchError } from './fetch-error.js';
import { formatRetryAfter, parseRetryAfter } from './retry-after.js';

/** Statuses whose Retry-After tells the caller when to come back. */
const RETRYABLE = new Set([429, 503]);

/** The FetchError for a response that is neither success, redirect nor 304. */
export function statusError(res: IncomingMessage, feedUrl: string, finalUrl: string, now = Date.now()): FetchError {
  const status = res.statusCode ?? 0;
  const reason = res.statusMessage || STATUS_CODES[status] || 'Unknown Status';
  const retryAfterMs = RETRYABLE.has(status) ? parseRetryAfter(header(res, 'retry-after'), now) : undefined;
  const notes = [
    ...(retryAfterMs !== undefined ? [`retry after ${formatRetryAfter(retryAfterMs)}`] : []),
    ...(finalUrl !== feedUrl ? [`at ${finalUrl}`] : []),
  ];
  const detail = `HTTP ${status} ${reason}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  const details = { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  return new FetchError(status === 410 ? 'gone' : 'http', feedUrl, detail, details);
}

/** One header value; repeated headers are joined as HTTP allows. */
export function header(res: IncomingMessage, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
