import { FetchError } from './fetch-error.js';

export interface Deadline {
  /** Aborted when time is up, when the caller aborts, or on dispose: tears down sockets. */
  readonly signal: AbortSignal;
  /** Rejects with the timeout (or abort) FetchError; race the work against it. */
  readonly expired: Promise<never>;
  /** Stop the timer and abort whatever is still running. Call once the fetch settled. */
  dispose(): void;
}

/**
 * The hard limit on one fetch. Racing against `expired` guarantees the fetch settles on
 * time even if some stage forgot to listen; aborting `signal` makes sure nothing keeps
 * running (or holding a socket) after it did.
 */
export function startDeadline(feedUrl: string, timeoutMs: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let fail!: (reason: FetchError) => void;
  const expired = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  expired.catch(() => undefined); // settled by the race or never looked at: not "unhandled"

  const abort = (reason: FetchError): void => {
    if (controller.signal.aborted) return;
    fail(reason);
    controller.abort(reason);
  };
  const timer = setTimeout(() => {
    abort(new FetchError('timeout', feedUrl, `no complete answer within ${timeoutMs / 1000} s`));
  }, timeoutMs);
  const onOuterAbort = (): void => abort(new FetchError('timeout', feedUrl, 'aborted', { cause: outer?.reason }));
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });

  return {
    signal: controller.signal,
    expired,
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
      if (!controller.signal.aborted) controller.abort(new FetchError('timeout', feedUrl, 'fetch already settled'));
    },
  };
}
