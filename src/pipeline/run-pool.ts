/**
 * Runs `work` over `tasks` with at most `concurrency` at once and at most `perKey` for
 * tasks sharing a key (the feed's host: several feeds of one site must not hammer it).
 * Every task's promise is awaited; one failing task never stops the others.
 */
export async function runPool<T, R>(
  tasks: readonly T[],
  options: { concurrency: number; perKey: number; key: (task: T) => string },
  work: (task: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  const waiting = tasks.map((task, i) => ({ task, i, key: options.key(task) }));
  const active = new Map<string, number>();
  let running = 0;
  return new Promise((resolve, reject) => {
    const pump = (): void => {
      if (waiting.length === 0 && running === 0) return resolve(results);
      while (running < options.concurrency) {
        const next = waiting.findIndex((w) => (active.get(w.key) ?? 0) < options.perKey);
        if (next < 0) return;
        const { task, i, key } = waiting.splice(next, 1)[0]!;
        running++;
        active.set(key, (active.get(key) ?? 0) + 1);
        work(task).then(
          (r) => {
            results[i] = r;
            running--;
            active.set(key, active.get(key)! - 1);
            pump();
          },
          reject, // work() is expected to turn failures into results; a throw here is a bug
        );
      }
    };
    pump();
  });
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
