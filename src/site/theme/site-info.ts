import type { CommentsConfig } from '../../config/load-site-config.js';

/** What every page template needs to know about the site. */
export interface SiteInfo {
  readonly title: string;
  readonly description?: string;
  /** Dates are shown in this zone. */
  readonly timeZone: string;
  /** The stylesheet, relative to the output folder. */
  readonly cssFile: string;
  /** `_config.yml` `comments`: offered (behind a click) on posts whose front matter has `comments: true`. */
  readonly comments?: CommentsConfig;
}
