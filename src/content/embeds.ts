import { absolutizeUrl } from './urls.js';

/**
 * Video players we recognise in <iframe>/<embed>. The archive never keeps a player (it would load
 * third-party script on every page view); it keeps a plain link to the video's own page instead,
 * which the site can later turn into a click-to-load facade.
 */
const YOUTUBE_HOSTS = new Set([
  'youtube.com', 'www.youtube.com', 'm.youtube.com',
  'youtube-nocookie.com', 'www.youtube-nocookie.com',
]);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_LIST = /^[A-Za-z0-9_-]{2,64}$/;

/** The canonical page of an embedded video player URL, or undefined when it is not one we know. */
export function videoWatchUrl(src: string, baseUrl: string): string | undefined {
  const abs = absolutizeUrl(src, baseUrl);
  if (!abs) return undefined;
  const url = new URL(abs);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname;
  const path = url.pathname.split('/').filter((s) => s !== '');
  if (YOUTUBE_HOSTS.has(host)) return youtubeWatchUrl(path, url.searchParams);
  if (host === 'player.vimeo.com' && path[0] === 'video' && /^\d+$/.test(path[1] ?? '')) {
    // Unlisted videos need their hash: player.vimeo.com/video/ID?h=HASH -> vimeo.com/ID/HASH.
    const hash = url.searchParams.get('h');
    return `https://vimeo.com/${path[1]}${hash && /^[0-9a-f]+$/i.test(hash) ? `/${hash}` : ''}`;
  }
  return undefined;
}

function youtubeWatchUrl(path: string[], query: URLSearchParams): string | undefined {
  const kind = path[0];
  // Old Flash embeds glue their options to the id: /v/ID&hl=en&fs=1.
  const id = path[1]?.split(/[&;]/)[0];
  if (kind !== 'embed' && kind !== 'v') return undefined;
  const list = query.get('list') ?? '';
  if ((id === undefined || id === 'videoseries') && YOUTUBE_LIST.test(list)) {
    return `https://www.youtube.com/playlist?list=${list}`;
  }
  if (id !== undefined && YOUTUBE_ID.test(id)) return `https://www.youtube.com/watch?v=${id}`;
  return undefined;
}
