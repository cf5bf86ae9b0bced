// Large benchmark documents made from real items: the <item>s (or Atom <entry>s) of the
// fixture feeds, repeated in order until the document reaches the target size.
const NAMESPACES = [
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:media="http://search.yahoo.com/mrss/"',
  'xmlns:atom="http://www.w3.org/2005/Atom"',
  'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"',
  'xmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
  'xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
  'xmlns:yt="http://www.youtube.com/xml/schemas/2015"',
].join(' ');

function collect(feeds, rootPattern, itemPattern, maxItemBytes = 200_000) {
  const parts = [];
  for (const feed of feeds) {
    if (!rootPattern.test(feed.text.slice(0, 2000))) continue;
    for (const m of feed.text.matchAll(itemPattern)) {
      // Items that carry their own namespace prefixes we do not declare would not be XML.
      const prefixes = [...m[0].matchAll(/<([A-Za-z][\w.-]*):/g)].map((p) => p[1]);
      if (prefixes.some((p) => !NAMESPACES.includes(`xmlns:${p}=`))) continue;
      if (m[0].length <= maxItemBytes) parts.push(m[0]);
    }
  }
  return parts;
}

/** The parts repeated in order up to targetBytes (each once when targetBytes is Infinity). */
function repeatTo(parts, targetBytes) {
  if (!Number.isFinite(targetBytes)) return parts.join('\n');
  const out = [];
  let size = 0;
  for (let i = 0; size < targetBytes && parts.length > 0; i++) {
    const part = parts[i % parts.length];
    out.push(part);
    size += Buffer.byteLength(part);
  }
  return out.join('\n');
}

export function rssItems(feed) {
  return collect([feed], /<rss[\s>]/, /<item[\s>][\s\S]*?<\/item>/g);
}

export function atomEntries(feed) {
  return collect([feed], /<feed[^>]*xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/, /<entry[\s>][\s\S]*?<\/entry>/g);
}

export function buildRss(items, targetBytes) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" ${NAMESPACES}><channel><title>Large RSS</title>` +
    `<link>http://bench.invalid/</link><description>items of the fixture feeds</description>\n${repeatTo(items, targetBytes)}\n</channel></rss>\n`;
}

export function buildAtom(entries, targetBytes) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" ${NAMESPACES}><title>Large Atom</title>` +
    `<id>urn:bench</id><updated>2024-01-01T00:00:00Z</updated>\n${repeatTo(entries, targetBytes)}\n</feed>\n`;
}
