import { Parser } from '../vendor/htmlparser2.js';
import type { Document } from '../vendor/domhandler.js';
import { FastTokenizer } from './fast-tokenizer.js';
import { FeedDomBuilder } from './dom-builder.js';

export interface FeedDom {
  readonly document: Document;
  /** Whether any element carries xml:base (lets adapters skip the ancestor walk). */
  readonly hasXmlBase: boolean;
}

/** Parses prepared XML text into a DOM; never throws on bad markup. */
export function parseXmlDom(xml: string): FeedDom {
  const builder = new FeedDomBuilder();
  const parser = new Parser(builder, { xmlMode: true, decodeEntities: false, Tokenizer: FastTokenizer });
  parser.end(xml);
  return { document: builder.root, hasXmlBase: builder.sawXmlBase };
}
