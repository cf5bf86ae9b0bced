// Plain-fact checks where our output deliberately differs from feedparser's dict, or that
// test something other than the parser. Keyed by file; [label, why].
const ONE_BODY = ['by design', 'ParsedFeed has one body (content > description > summary); feedparser keeps summary and content apart'];
const NAME_ONLY = ['by design', 'author is the display name; feedparser appends the Atom email'];
export const BY_DESIGN = {
  'wellformed/atom/entry_author_map_author.xml': NAME_ONLY,
  'wellformed/atom10/entry_author_map_author.xml': NAME_ONLY,
  'wellformed/atom10/entry_content_and_summary.xml': ONE_BODY,
  'wellformed/rss/item_description_and_summary.xml': ONE_BODY,
  'wellformed/rss/item_summary_and_description.xml': ONE_BODY,
  'wellformed/rss/item_description_not_a_doctype.xml': [
    'sanitizer',
    "content is the feed's HTML, unsanitized; in HTML `<!'` opens a bogus comment, feedparser's sanitizer escapes it",
  ],
  'encoding/bozo_linenoise.xml': [
    'decoder+sanitizer',
    'bytes that are not UTF-8 in a document declared UTF-8; the expected value is also sanitized by feedparser',
  ],
};
