import { afterEach, expect } from 'vitest';
import { startServer, type FeedServer, type Handler } from './feed-server.js';
import { FetchError } from '../../src/fetch/fetch-error.js';
import { fetchFeed, type FetchOptions } from '../../src/fetch/fetch-feed.js';

/** The FetchError a fetch rejects with (fails the test if it resolves). */
export async function fetchFailure(url: string, options?: FetchOptions): Promise<FetchError> {
  const err = await fetchFeed(url, options).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

/** Starts loopback servers for a test file and closes them after each test. */
export function useServers(): (handler: Handler) => Promise<FeedServer> {
  const servers: FeedServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (handler) => {
    const s = await startServer(handler);
    servers.push(s);
    return s;
  };
}
