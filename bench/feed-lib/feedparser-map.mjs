// Maps a feedparser result path onto our ParsedFeed and compares. ParsedFeed is narrower
// than feedparser's dict, so the mapping is documented here, one rule per path:
//   feed.title                       → feed.title
//   entries[i].title                 → items[i].title  (ours is plain text by contract; a
//                                      check passes if we equal the expected value or, when
//                                      feedparser kept HTML markup, its text rendering)
//   entries[i].link / id / author    → items[i].link / guid / author
//   entries[i].published / updated   → parseFeedDate(items[i].date, UTC), to the second
//                                      (feedparser's struct_time has no milliseconds)
//   entries[i].summary,
//   entries[i].content[0].value      → items[i].content (one body field: compared as
//                                      canonical HTML when ours is HTML, else as text)
//   feed.language                    → not in ParsedFeed: counted as "not representable"
//   encoding                         → not the parser's job: evaluated on src/fetch decodeBody
import { normalizeHtml, htmlText } from './html-normalize.mjs';

export function evaluate(check, parsed, error, parseFeedDate) {
  const [head, index, field, sub] = check.path;
  const expected = check.equals;
  if (head === 'feed' && index === 'language') return na('feed.language is not in ParsedFeed');
  if (error) return fail(`parse error: ${error.message}`);
  let got;
  if (head === 'feed' && index === 'title') return compareTitle(parsed.title, expected);
  if (head !== 'entries') return na(`unmapped path ${JSON.stringify(check.path)}`);
  const item = parsed.items[index];
  if (!item) return fail(`no item ${index} (got ${parsed.items.length} items)`);
  switch (field) {
    case 'title':
      return compareTitle(item.title, expected);
    case 'link':
      got = item.link;
      break;
    case 'id':
      got = item.guid;
      break;
    case 'author':
      got = item.author;
      break;
    case 'published':
    case 'updated': {
      const ms = parseFeedDate(item.date, { timeZone: 'UTC' });
      const want = Date.parse(expected);
      if (ms !== undefined && Math.floor(ms / 1000) === Math.floor(want / 1000)) return pass();
      return fail(`date ${JSON.stringify(item.date)} → ${ms === undefined ? 'unparsed' : new Date(ms).toISOString()}, want ${expected}`);
    }
    case 'summary':
    case 'content':
      if (field === 'content' && sub !== 0) return na(`unmapped path ${JSON.stringify(check.path)}`);
      if (item.contentType === 'html' ? normalizeHtml(item.content) === normalizeHtml(expected) : item.content.trim() === expected.trim()) {
        return pass();
      }
      return fail(`content (${item.contentType}) ${JSON.stringify(item.content.slice(0, 120))}, want ${JSON.stringify(expected.slice(0, 120))}`);
    default:
      return na(`unmapped path ${JSON.stringify(check.path)}`);
  }
  return got.trim() === String(expected).trim() ? pass() : fail(`got ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
}

function compareTitle(got, expected) {
  if (got === expected.trim() || got === htmlText(expected)) return pass();
  return fail(`title ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
}

const pass = () => ({ status: 'pass' });
const fail = (reason) => ({ status: 'fail', reason });
const na = (reason) => ({ status: 'n/a', reason });
