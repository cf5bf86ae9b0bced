/**
 * YouTube publishes a feed per channel and per playlist at /feeds/videos.xml; its pages are
 * heavy, script-built and often blocked, so channel and playlist URLs are turned into their
 * feed without fetching anything.
 *
 * A channel becomes `?channel_id=UC…` (YouTube's own form, what its pages link). The legacy
 * mirrors wrote the channel's uploads playlist instead, `?playlist_id=UU…` (the channel id with
 * UC → UU): both list the same uploads, so `youtubeFeedKey` gives them one key and a channel is
 * never subscribed twice under its two names.
 */
const HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com']);
const FEED = 'https://www.youtube.com/feeds/videos.xml';
const CHANNEL_ID = /^UC[\w-]{22}$/;
const LIST_ID = /^[\w-]{10,}$/;

/** The feed URL for a YouTube channel (`/channel/UC…`) or playlist (`/playlist?list=…`) URL; undefined for anything else. */
export function youtubeFeedUrl(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  if (!HOSTS.has(url.hostname.toLowerCase())) return undefined;
  const channel = /^\/channel\/([^/]+)\/?/.exec(url.pathname)?.[1];
  if (channel !== undefined && CHANNEL_ID.test(channel)) return `${FEED}?channel_id=${channel}`;
  const list = url.searchParams.get('list');
  if (url.pathname.replace(/\/$/, '') === '/playlist' && list && LIST_ID.test(list)) return `${FEED}?playlist_id=${list}`;
  return undefined;
}

/**
 * For a YouTube feed URL, the channel or playlist it lists, with a channel's uploads playlist
 * (UU…) folded into the channel (UC…); undefined for other URLs.
 */
export function youtubeFeedKey(feedUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch {
    return undefined;
  }
  if (!HOSTS.has(url.hostname.toLowerCase()) || url.pathname !== '/feeds/videos.xml') return undefined;
  const channel = url.searchParams.get('channel_id');
  if (channel) return `youtube:channel:${channel}`;
  const list = url.searchParams.get('playlist_id');
  if (list) return /^UU[\w-]{22}$/.test(list) ? `youtube:channel:UC${list.slice(2)}` : `youtube:playlist:${list}`;
  return undefined;
}
