/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE/FFFF; unpaired surrogates),
 * plus DEL and the C1 controls: legal XML, but never meant as text, and readers (ours among
 * them) take C1 bytes for mislabelled windows-1252.
 */
const UNWANTED = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/;

/**
 * Removes every character that may not (or should not) appear in an XML document. Text with
 * emoji (surrogate pairs, well formed) is left alone without the slow search for lone ones.
 */
export function xmlSafe(text: string): string {
  return CONTROL.test(text) || !text.isWellFormed() ? text.replace(UNWANTED, '') : text;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for XML element content or a quoted attribute value. */
export function xmlEscape(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * A CDATA section holding `text`, which is XML-safe already (see xmlSafe: a FeedEntry's html is,
 * and checking a feed's contents again for each format was a third of their rendering); a `]]>`
 * inside is split across two sections.
 */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
