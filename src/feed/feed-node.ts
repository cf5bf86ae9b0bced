import { Element, Text } from '../vendor/domhandler.js';

/** What the builder knows about an element name in a namespace scope (computed once). */
export interface KeyInfo {
  readonly key: string;
  readonly ns: string;
  /** A text-only field of items and channels (see LEAVES). */
  readonly leaf: boolean;
  /** An item, entry, channel or feed: the parents of leaves. */
  readonly container: boolean;
  /** Its whitespace-only text is layout and is not kept. */
  readonly structural: boolean;
  /** Child keys worth building; undefined = all. */
  readonly wanted: ReadonlySet<string> | undefined;
}

/** A domhandler Element that also knows its namespace-resolved key (see namespaces.ts). */
export class FeedElement extends Element {
  /** e.g. `title`, `content:encoded`, `xhtml:div` */
  readonly key: string;
  /** canonical namespace prefix ('' for the format's own elements) */
  readonly ns: string;
  /** @internal builder bookkeeping */
  readonly info: KeyInfo;

  constructor(name: string, attribs: Record<string, string>, info: KeyInfo) {
    super(name, attribs, []);
    this.key = info.key;
    this.ns = info.ns;
    this.info = info;
  }
}

/**
 * Text as written in the document, entities not yet decoded. The tokenizer runs with
 * entity decoding off (it then skips through text at indexOf speed, and no string is built
 * per `&lt;`); the few fields an adapter reads are decoded on access (dom-text.ts), with
 * HTML's entity table, so `&nbsp;` and `&mdash;` work and a bare `&` stays literal.
 * CDATA content is a plain domhandler Text: it is literal and never decoded.
 */
export class RawText extends Text {}

