export { fetchFeed, FETCH_DEFAULTS, type FetchOptions } from './fetch-feed.js';
export { FetchError } from './fetch-error.js';
export { decodeBody, type DecodedBody } from './decode.js';
export { canonicalCharset } from './charset-labels.js';
export { parseRetryAfter } from './retry-after.js';
export { DEFAULT_USER_AGENT } from './user-agent.js';
