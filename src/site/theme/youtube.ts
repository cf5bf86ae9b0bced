import { decodeHTML } from '../../vendor/entities.js';

const HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const ID = /^[A-Za-z0-9_-]{11}$/;
/** Path kinds whose second segment is the video id (`/shorts/ID`, `/embed/ID`…). */
const ID_PATHS = new Set(['shorts', 'embed', 'live', 'v']);

/** The video id of a YouTube video page URL (watch?v=, youtu.be/, shorts/, embed/, live/), else undefined. */
export function youtubeVideoId(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  const path = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  if (host === 'youtu.be' || host === 'www.youtu.be') id = path[0];
  else if (HOSTS.has(host)) id = path[0] === 'watch' ? url.searchParams.get('v') ?? undefined : ID_PATHS.has(path[0] ?? '') ? path[1] : undefined;
  return id !== undefined && ID.test(id) ? id : undefined;
}

/**
 * The video a post is about: its original link when that is a YouTube video, else the first
 * YouTube video the content links to (ingest replaced every embedded player by such a link).
 * `html` is sanitizer output: attribute values are double-quoted and entity-encoded.
 */
export function postVideoId(link: string, html: string): string | undefined {
  const own = youtubeVideoId(link);
  if (own) return own;
  if (!/youtu/i.test(html)) return undefined;
  for (const m of html.matchAll(/\shref="(https?:\/\/[^"]*youtu[^"]*)"/gi)) {
    const id = youtubeVideoId(decodeHTML(m[1]!));
    if (id) return id;
  }
  return undefined;
}

/** Where the player comes from after the click (privacy-enhanced mode: no cookies until play). */
export const YOUTUBE_FRAME_ORIGIN = 'https://www.youtube-nocookie.com';
