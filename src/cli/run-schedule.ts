import { UsageError } from '../model/index.js';

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
const MIN_MS = 1000;
const MAX_MS = 7 * UNIT_MS.d!;

/** `15m`, `1h`, `1h30m`, `90s`, `1d` → milliseconds; anything else is a usage error. */
export function parseDuration(option: string, text: string): number {
  const parts = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  const ms = parts && text.trim() ? ['d', 'h', 'm', 's'].reduce((sum, unit, i) => sum + Number(parts[i + 1] ?? 0) * UNIT_MS[unit]!, 0) : NaN;
  if (!(ms >= MIN_MS && ms <= MAX_MS)) {
    throw new UsageError(`${option} must be a duration from 1s to 7d such as 15m, 1h or 1h30m, got ${JSON.stringify(text)}`);
  }
  return ms;
}

/**
 * The interval ±10%, so that many mirrors started by the same cron line or boot do not hit
 * the same feed servers in the same second, hour after hour.
 */
export function jittered(ms: number, random: () => number = Math.random): number {
  return Math.round(ms * (0.9 + 0.2 * random()));
}

export interface StopSignals {
  /** True once SIGINT or SIGTERM arrived: finish what is running, start nothing new. */
  readonly requested: boolean;
  /** Waits `ms`, or less when a stop is asked meanwhile. */
  sleep(ms: number): Promise<void>;
  dispose(): void;
}

/**
 * First SIGINT/SIGTERM: `onFirst` (say what happens) and set `requested`; the caller lets the
 * current cycle end (posts are written atomically, so even a hard kill is safe, but a finished
 * cycle also leaves the index and the site up to date). Second signal: the handlers are removed
 * (so the signal's default action applies again) and `onSecond` runs (exit now).
 */
export function watchStopSignals(onFirst: (signal: NodeJS.Signals) => void, onSecond: (signal: NodeJS.Signals) => void): StopSignals {
  let requested = false;
  let wake: (() => void) | undefined;
  const handler = (signal: NodeJS.Signals): void => {
    if (requested) {
      dispose();
      return onSecond(signal);
    }
    requested = true;
    onFirst(signal);
    wake?.();
  };
  const dispose = (): void => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    get requested() {
      return requested;
    },
    sleep(ms) {
      if (requested) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done(): void {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    },
    dispose,
  };
}
