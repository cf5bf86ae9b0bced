export type { Subscription } from './subscription.js';
export type { FetchResult, FetchErrorCode, Validators } from './fetch-result.js';
export type { FeedItem, FeedFormat, ParsedFeed } from './feed-item.js';
export type { Post } from './post.js';
export type { FeedState } from './feed-state.js';
export { SamizdatError, UsageError } from './errors.js';
