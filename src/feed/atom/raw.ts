import type { FeedElement } from '../feed-node.js';

/** The raw shape of an Atom 1.0 / 0.3 entry (last element wins when one repeats). */
export interface RawAtomEntry {
  readonly el: FeedElement;
  title?: FeedElement;
  links: FeedElement[];
  origLink?: FeedElement;
  id?: FeedElement;
  published?: FeedElement;
  updated?: FeedElement;
  issued?: FeedElement;
  modified?: FeedElement;
  created?: FeedElement;
  dcDate?: FeedElement;
  authors: FeedElement[];
  dcCreator?: FeedElement;
  content?: FeedElement;
  summary?: FeedElement;
  mediaGroup?: FeedElement;
  categories: FeedElement[];
}

export interface RawAtomFeed {
  /** Atom 0.3 text constructs use `mode`; 1.0 uses `type` only. */
  readonly version: '0.3' | '1.0';
  readonly el: FeedElement;
  /** `xml:lang` on the feed element. */
  readonly lang: string | undefined;
  title?: FeedElement;
  links: FeedElement[];
  authors: FeedElement[];
  readonly entries: RawAtomEntry[];
}
