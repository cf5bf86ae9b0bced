import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { FetchError } from './fetch-error.js';
import { toFetchError } from './network-error.js';

export interface RequestOptions {
  /** Lower-case header names → values, sent as they are. */
  readonly headers: Readonly<Record<string, string>>;
  /** DNS lookup + TCP connect (+ TLS handshake for https) must finish within this. */
  readonly connectTimeoutMs: number;
  /** Aborting destroys the request and, later, the response and its socket. */
  readonly signal: AbortSignal;
  /** Feed URL named in errors (the one the caller asked for, not the redirect hop). */
  readonly feedUrl: string;
  /** DNS resolver (default: the OS's, via dns.lookup). */
  readonly lookup?: LookupFunction;
}

/**
 * Send one GET and resolve with the response as soon as its headers arrive; the caller owns
 * the body. A fresh connection per request (`agent: false`): one feed is one or a few requests,
 * and a pooled socket that the server silently closed would show up as a false "reset".
 */
export function sendRequest(target: URL, options: RequestOptions): Promise<IncomingMessage> {
  const { signal, feedUrl } = options;
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const transport = target.protocol === 'https:' ? https : http;
    let req: http.ClientRequest;
    try {
      req = transport.request(target, {
        method: 'GET',
        headers: options.headers,
        agent: false,
        ...(options.lookup ? { lookup: options.lookup } : {}),
      });
    } catch (err) {
      reject(toFetchError(err, feedUrl, 'connect'));
      return;
    }

    const seconds = options.connectTimeoutMs / 1000;
    const connectTimer = setTimeout(() => {
      req.destroy(new FetchError('timeout', feedUrl, `could not connect to ${target.host} within ${seconds} s`));
    }, options.connectTimeoutMs);
    const connected = (): void => clearTimeout(connectTimer);
    req.once('socket', (socket) => {
      if (!socket.connecting) connected();
      else socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
    });

    // Stays armed until the response is fully consumed or closed, so a deadline that fires
    // while the body is still dripping in destroys the socket, not just the promise.
    let response: IncomingMessage | undefined;
    const onAbort = (): void => {
      req.destroy(signal.reason instanceof Error ? signal.reason : undefined);
      response?.destroy();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const disarm = (): void => signal.removeEventListener('abort', onAbort);

    req.once('response', (res) => {
      connected();
      response = res;
      res.once('close', disarm);
      resolve(res);
    });
    // `on`, not `once`: a late second error (socket torn down after the response) must not crash.
    req.on('error', (err) => {
      connected();
      if (!response) disarm();
      reject(signal.aborted ? signal.reason : toFetchError(err, feedUrl, 'connect'));
    });
    req.end();
  });
}
