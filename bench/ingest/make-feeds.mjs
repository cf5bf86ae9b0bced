// Builds the benchmark's RSS 2.0 feeds, deterministically (same options → same bytes), from
// real article text (corpus.mjs). Shaped like a WordPress feed of a Chinese news site:
// <content:encoded> in CDATA with one <p> per line, <img>, tag links, some utm_ links.
import { createHash } from 'node:crypto';
import { mulberry32 } from '../lib/random.mjs';

const DAY_S = 86_400;

/**
 * @param {{ paragraphs: string[], titles: string[] }} corpus
 * @param {{ feeds: number, items: number, dupTitles: number, seed?: number, now?: number }} o
 *   dupTitles: share of items that reuse the title and date of the same slot in the previous
 *   feed (a wire story carried by two sources: two articles, two links, one title).
 * @returns {{ feeds: Array<{ site: string, path: string, body: Buffer, etag: string, lastModified: string }>, items: number, dupTitles: number, bytes: number }}
 */
export function makeFeeds(corpus, o) {
  const rand = mulberry32(o.seed ?? 20220204);
  // Dates in the past (future dates are clamped by both competitors, which would blur them).
  const base = Math.floor((o.now ?? Date.now()) / 3_600_000) * 3600 - 3600;
  const titles = titlePool(corpus, rand);
  const lastModified = new Date(base * 1000).toUTCString();
  const feeds = [];
  const prev = []; // [title, pubDate] of the previous feed's items, for the wire-story duplicates
  let dups = 0;
  let bytes = 0;
  for (let f = 0; f < o.feeds; f++) {
    const site = `源${f + 1}`;
    const origin = `https://www.source${f + 1}.example`;
    const xml = [];
    const mine = [];
    for (let j = 0; j < o.items; j++) {
      const k = f * o.items + j;
      let title = titles[k % titles.length] + (k >= titles.length ? `（${Math.floor(k / titles.length) + 1}）` : '');
      let date = base - j * DAY_S - ((f * 7919 + j * 104_729) % DAY_S);
      if (f > 0 && rand() < o.dupTitles) {
        [title, date] = prev[j];
        dups++;
      }
      mine.push([title, date]);
      xml.push(itemXml({ k, title, date: new Date(date * 1000), origin, site, rand, corpus }));
    }
    prev.splice(0, prev.length, ...mine);
    const body = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n' +
        `<channel>\n<title>${site}</title>\n<link>${origin}/</link>\n<description>${site} 最新文章</description>\n` +
        `<lastBuildDate>${lastModified}</lastBuildDate>\n<language>zh-CN</language>\n${xml.join('')}</channel>\n</rss>\n`,
    );
    bytes += body.length;
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    feeds.push({ site, path: `/feeds/${f + 1}.xml`, body, etag, lastModified });
  }
  return { feeds, items: o.feeds * o.items, dupTitles: dups, bytes };
}

function itemXml({ k, title, date, origin, site, rand, corpus }) {
  const ymd = date.toISOString().slice(0, 10).replace(/-/g, '/');
  const utm = rand() < 0.2 ? `?utm_source=rss&utm_medium=feed&utm_campaign=${encodeURIComponent(site)}` : '';
  const link = `${origin}/${ymd}/${k + 1}.html${utm}`;
  const { html, lede } = bodyHtml({ k, title, origin, rand, corpus });
  return (
    `<item>\n<title>${escapeXml(title)}</title>\n<link>${escapeXml(link)}</link>\n` +
    (rand() < 0.4 ? '<dc:creator><![CDATA[编辑部]]></dc:creator>\n' : '') +
    `<pubDate>${date.toUTCString()}</pubDate>\n<category><![CDATA[新闻]]></category>\n` +
    `<guid isPermaLink="false">${origin}/?p=${k + 1}</guid>\n` +
    `<description><![CDATA[${cdata(lede)}]]></description>\n` +
    `<content:encoded><![CDATA[${cdata(html)}]]></content:encoded>\n</item>\n`
  );
}

/** 2–5 KB of HTML: real paragraphs, tag links in some, an image in half the items, utm_ links in a few. */
function bodyHtml({ k, title, origin, rand, corpus }) {
  const target = 2000 + Math.floor(rand() * 3000);
  const ps = corpus.paragraphs;
  const parts = [];
  let size = 0;
  let lede = '';
  while (size < target) {
    let p = ps[Math.floor(rand() * ps.length)];
    if (!lede) lede = [...p].slice(0, 100).join('') + '…';
    if (rand() < 0.3) p = linkSomeWords(p, rand() < 0.15 ? `${origin}/special/${k}.html?utm_source=rss&utm_medium=feed` : `${origin}/tag/${(k * 31 + size) % 997}.html`, rand);
    parts.push(`<p>${p}</p>`);
    if (parts.length === 1 && rand() < 0.5) {
      parts.push(`<figure><img src="${origin}/wp-content/uploads/${k + 1}.jpg" alt="${escapeXml(title)}" width="640" height="360"><figcaption>资料图片</figcaption></figure>`);
    }
    size += Buffer.byteLength(parts[parts.length - 1]) + 1;
  }
  return { html: parts.join('\n'), lede };
}

/** Wraps a few characters (whole code points, never inside an entity) in a link. */
function linkSomeWords(p, href, rand) {
  const chars = [...p];
  const len = 2 + Math.floor(rand() * 3);
  const at = Math.floor(rand() * Math.max(1, chars.length - len));
  const before = chars.slice(0, at).join('');
  const word = chars.slice(at, at + len).join('');
  if (/[&;<>]/.test(word) || before.lastIndexOf('&') > before.lastIndexOf(';')) return p;
  return `${before}<a href="${href}">${word}</a>${chars.slice(at + len).join('')}`;
}

/** Real titles first, then ledes cut from real paragraphs (first clause), all distinct, shuffled. */
function titlePool(corpus, rand) {
  const seen = new Set();
  const pool = [];
  const add = (t) => {
    if (t && !seen.has(t)) {
      seen.add(t);
      pool.push(t);
    }
  };
  corpus.titles.forEach(add);
  for (const p of corpus.paragraphs) {
    const clause = p.replace(/&[a-z#0-9]+;/gi, '').split(/[，。！？；：,]/)[0].trim();
    const n = [...clause].length;
    if (n >= 8 && n <= 36 && /[\u4e00-\u9fff]/.test(clause)) add(clause);
  }
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool;
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (s) => s.replace(/]]>/g, ']]]]><![CDATA[>');

