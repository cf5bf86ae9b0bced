import { join } from 'node:path';
import { loadSiteConfig, type SiteConfig } from '../config/load-site-config.js';
import { UsageError } from '../model/index.js';

/** `_config.yml` of the archive, with the settings a build cannot use reported as usage errors. */
export function loadBuildConfig(archiveDir: string): SiteConfig {
  const file = join(archiveDir, '_config.yml');
  const config = loadSiteConfig(file);
  if (config.timezone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: config.timezone });
    } catch {
      throw new UsageError(`${file}: unknown timezone ${JSON.stringify(config.timezone)}`, 'config');
    }
  }
  if (config.paginate !== undefined && !(Number.isInteger(config.paginate) && config.paginate >= 1)) {
    throw new UsageError(`${file}: paginate must be a whole number of at least 1, got ${config.paginate}`, 'config');
  }
  return config;
}
