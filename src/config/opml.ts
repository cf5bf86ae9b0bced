import { Parser } from '../vendor/htmlparser2.js';
import { UsageError } from '../model/index.js';

export interface OpmlFeed {
  readonly site: string;
  readonly url: string;
}

export interface ParsedOpml {
  readonly feeds: readonly OpmlFeed[];
  /** Outlines that name a feed samizdat cannot use (no or a non-http xmlUrl), for the report. */
  readonly skipped: readonly string[];
}

/**
 * The feeds of an OPML file (what feed readers export): every `<outline xmlUrl>`, at any depth
 * (folders are flattened), named by `title`, else `text`, else the feed's host.
 */
export function parseOpml(text: string, file: string): ParsedOpml {
  const feeds: OpmlFeed[] = [];
  const skipped: string[] = [];
  let sawOpml = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name.toLowerCase() === 'opml') sawOpml = true;
        if (name.toLowerCase() !== 'outline') return;
        const raw = (attrs.xmlUrl ?? attrs.xmlurl ?? '').trim();
        const label = (attrs.title ?? attrs.text ?? '').replace(/\s+/g, ' ').trim();
        if (!raw) return; // a folder
        const url = httpUrl(raw);
        if (!url) {
          skipped.push(`${JSON.stringify(label || raw)}: xmlUrl is not an absolute http(s) URL: ${JSON.stringify(raw.slice(0, 200))}`);
          return;
        }
        feeds.push({ site: label || new URL(url).hostname, url });
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text.replace(/^\ufeff/, ''));
  if (!sawOpml) throw new UsageError(`${file}: not an OPML file (no <opml> element)`, 'opml');
  return { feeds, skipped };
}

/** An OPML 2.0 document listing the feeds, for feed readers and other mirrors. */
export function formatOpml(feeds: readonly OpmlFeed[], title: string): string {
  const outlines = feeds.map((f) => `    <outline type="rss" text="${attr(f.site)}" title="${attr(f.site)}" xmlUrl="${attr(f.url)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>${attr(title)}</title>
  </head>
  <body>
${outlines.join('\n')}
  </body>
</opml>
`;
}

/** Escaped for an XML attribute; characters XML 1.0 cannot carry are dropped. */
function attr(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function httpUrl(raw: string): string | undefined {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
