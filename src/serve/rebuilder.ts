export interface Rebuilder {
  /** Asks for a build: now if none runs, else once more after the current one. */
  request(): void;
  /** Resolves when no build runs or is due. */
  idle(): Promise<void>;
}

/**
 * Runs `build` on request, one at a time: a request during a build runs one more build after
 * it (changes made while a build reads the posts are never lost), and any number of requests
 * during a build make only that one more. A failed build goes to `onError`; the next request
 * builds again.
 */
export function createRebuilder(build: () => Promise<void>, onError: (err: unknown) => void): Rebuilder {
  let running: Promise<void> | undefined;
  let again = false;
  const loop = async (): Promise<void> => {
    try {
      do {
        again = false;
        try {
          await build();
        } catch (err) {
          onError(err);
        }
      } while (again);
    } finally {
      running = undefined;
    }
  };
  return {
    request() {
      if (running) again = true;
      else running = loop();
    },
    idle: () => running ?? Promise.resolve(),
  };
}
