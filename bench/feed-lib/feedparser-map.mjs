// Maps a feedparser result path onto our ParsedFeed and compares. ParsedFeed is narrower
// than feedparser's dict, so the mapping is documented here, one rule per path:
//   feed.title                       → feed.title
//   entries[i].title                 → items[i].title  (ours is plain text by contract; a
//                                      check passes if we equal the expected value or, when
//                                      feedparser kept HTML markup, its text rendering)
//   entries[i].link / id             → items[i].link / guid
//   entries[i].author                → items[i].author, formatted `name (email)` with
//                                      items[i].authorEmail as feedparser formats it
//   entries[i].author_detail.name    → items[i].author (checks.json files it under
//                                      ["entries", i, "author"]; told apart by its expr)
//   entries[i].published / updated   → parseFeedDate(items[i].date, UTC), to the second
//                                      (feedparser's struct_time has no milliseconds)
//   entries[i].summary               → items[i].summary when the item has one apart from
//                                      its body, else items[i].content (the body is the
//                                      summary when the feed gives nothing else)
//   entries[i].content[0].value      → items[i].content (compared as canonical HTML when
//                                      ours is HTML, else as text; so is the summary)
//   feed.language                    → language (RSS language, xml:lang, Content-Language)
//   encoding                         → not the parser's job: evaluated on src/fetch decodeBody
import { normalizeHtml, htmlText } from './html-normalize.mjs';

export function evaluate(check, parsed, error, parseFeedDate) {
  const [head, index, field, sub] = check.path;
  const expected = check.equals;
  if (error) return fail(`parse error: ${error.message}`);
  if (head === 'feed' && index === 'language') {
    return parsed.language === expected ? pass() : fail(`language ${JSON.stringify(parsed.language)}, want ${JSON.stringify(expected)}`);
  }
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
      got = /\['author_detail'\]\['name'\]/.test(check.expr) ? item.author : feedparserAuthor(item);
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
      if (field === 'summary' && item.summary !== undefined) return compareBody('summary', item.summary, item.summaryType, expected);
      return compareBody('content', item.content, item.contentType, expected);
    default:
      return na(`unmapped path ${JSON.stringify(check.path)}`);
  }
  return got.trim() === String(expected).trim() ? pass() : fail(`got ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
}

function compareBody(what, value, type, expected) {
  if (type === 'html' ? normalizeHtml(value) === normalizeHtml(expected) : value.trim() === expected.trim()) return pass();
  return fail(`${what} (${type}) ${JSON.stringify(value.slice(0, 120))}, want ${JSON.stringify(expected.slice(0, 120))}`);
}

/** feedparser's `author`: `name (email)` when both are known. */
function feedparserAuthor(item) {
  if (!item.authorEmail) return item.author;
  return item.author ? `${item.author} (${item.authorEmail})` : item.authorEmail;
}

function compareTitle(got, expected) {
  if (got === expected.trim() || got === htmlText(expected)) return pass();
  return fail(`title ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
}

const pass = () => ({ status: 'pass' });
const fail = (reason) => ({ status: 'fail', reason });
const na = (reason) => ({ status: 'n/a', reason });
