/** Default request headers: who we are, what we want, what we can decompress. */

import { VERSION } from '../version.js';

export const DEFAULT_USER_AGENT = `samizdat/${VERSION} (news archiver)`;

/** Feed types first; HTML last so that a site answering with a page still gets through. */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.3';

export const ACCEPT_ENCODING = 'gzip, deflate, br';
