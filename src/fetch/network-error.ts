import { FetchError } from './fetch-error.js';

/** Where the error happened: before the response headers, or while reading the body. */
export type FetchPhase = 'connect' | 'body';

const CONNECT: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EAI_FAIL: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host down',
  ENETDOWN: 'network down',
  EADDRNOTAVAIL: 'address not available',
};
const RESET: Record<string, string> = {
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ECONNABORTED: 'connection aborted',
  ERR_STREAM_PREMATURE_CLOSE: 'connection closed early',
};
const BAD_REQUEST = new Set(['ERR_INVALID_URL', 'ERR_INVALID_CHAR', 'ERR_INVALID_HTTP_TOKEN', 'ERR_UNESCAPED_CHARACTERS', 'ERR_INVALID_PROTOCOL']);

/**
 * Turn a socket, TLS, HTTP-parser or zlib error into a FetchError with a stable code.
 * A FetchError passes through unchanged (timeouts are raised as FetchErrors directly).
 */
export function toFetchError(err: unknown, url: string, phase: FetchPhase): FetchError {
  if (err instanceof FetchError) return err;
  const code = errorCode(err);
  const reason = err instanceof Error ? err.message : String(err);
  const tag = code ? ` (${code})` : '';
  const details = { cause: err };
  if (CONNECT[code] !== undefined) return new FetchError('connect', url, `${CONNECT[code]}${tag}`, details);
  if (code === 'ETIMEDOUT') return new FetchError('timeout', url, `connection timed out${tag}`, details);
  if (code.startsWith('HPE_')) return new FetchError('http', url, `invalid HTTP response: ${reason}${tag}`, details);
  if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__ZLIB') || code === 'ERR_ZLIB_INITIALIZATION_FAILED') {
    return new FetchError('decode', url, `cannot decompress the body: ${reason}${tag}`, details);
  }
  if (BAD_REQUEST.has(code)) return new FetchError('bad-url', url, `cannot send the request: ${reason}${tag}`, details);
  if (RESET[code] !== undefined) {
    const what = phase === 'body' ? `${RESET[code]} while reading the body` : RESET[code];
    return new FetchError('reset', url, `${what}${tag}`, details);
  }
  // TLS failures (certificates, protocol) and anything unknown before the response: the
  // connection could not be made. After the response started: the transfer broke.
  return phase === 'connect'
    ? new FetchError('connect', url, `cannot connect: ${reason}${tag}`, details)
    : new FetchError('reset', url, `transfer failed: ${reason}${tag}`, details);
}

function errorCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return '';
}
