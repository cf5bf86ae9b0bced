// Plain-fact checks where our output deliberately differs from feedparser's dict, or that
// test something other than the parser. Keyed by file; [label, why].
export const BY_DESIGN = {
  'wellformed/rss/item_description_and_summary.xml': [
    'by design',
    'feedparser makes the first of description/summary the summary and the second the content; ' +
      'our body keeps the fixed precedence description > summary, so the second (<summary>) is not kept',
  ],
  'wellformed/rss/item_description_not_a_doctype.xml': [
    'sanitizer',
    "content is the feed's HTML, unsanitized; in HTML `<!'` opens a bogus comment, feedparser's sanitizer escapes it",
  ],
  'encoding/bozo_linenoise.xml': [
    'decoder+sanitizer',
    'bytes that are not UTF-8 in a document declared UTF-8; the expected value is also sanitized by feedparser',
  ],
};
