import type { SiteConfig } from '../config/load-site-config.js';
import { loadSubscriptions } from '../config/load-subscriptions.js';
import { UsageError, type Subscription } from '../model/index.js';
import { DEFAULTS } from '../pipeline/fetch-all.js';
import { loadBuildConfig } from './build-setup.js';

/**
 * What `fetch` and `build` check before they start, shared by `run` and `demo` (which chain
 * them). Same rules and messages as fetch-command.ts and build-setup.ts; every problem is a
 * UsageError (exit 2).
 */
export interface CycleSetup {
  readonly subs: readonly Subscription[];
  readonly warnings: readonly string[];
  readonly config: SiteConfig;
  /** Zone of feed dates that carry none. */
  readonly timeZone: string;
}

export function loadCycleSetup(archiveDir: string, subsFile: string, timeZoneOption?: string): CycleSetup {
  const { subs, warnings } = loadSubscriptions(subsFile);
  if (subs.length === 0) throw new UsageError(`${subsFile}: no subscriptions; add entries like {"site": "美国之音", "url": "https://…/rss.xml"}`, 'subs');
  const config = loadBuildConfig(archiveDir);
  const timeZone = timeZoneOption ?? config.timezone ?? DEFAULTS.timeZone;
  if (!validZone(timeZone)) throw new UsageError(`unknown time zone ${JSON.stringify(timeZone)}`);
  return { subs, warnings, config, timeZone };
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
