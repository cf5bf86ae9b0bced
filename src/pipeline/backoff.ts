/**
 * When to try a failing feed again. Runs are typically hourly; a feed that keeps failing
 * is tried after 30 min, 1 h, 2 h, … up to a day, so a dead site is not hammered but a
 * short outage costs little. A server's Retry-After wins when it asks for longer.
 */
const BASE_MS = 30 * 60 * 1000;
const MAX_MS = 24 * 60 * 60 * 1000;
const MAX_RETRY_AFTER_MS = 7 * MAX_MS;

export function nextAttemptAt(now: number, consecutiveFailures: number, retryAfterMs?: number): number {
  const backoff = consecutiveFailures <= 0 ? 0 : Math.min(MAX_MS, BASE_MS * 2 ** (consecutiveFailures - 1));
  const asked = retryAfterMs === undefined ? 0 : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, retryAfterMs));
  return now + Math.max(backoff, asked);
}
