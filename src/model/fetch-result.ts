/** Validators sent back on the next request (conditional GET). */
export interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

export type FetchResult =
  | {
      readonly kind: 'ok';
      /** URL the body finally came from, after redirects. */
      readonly finalUrl: string;
      /** Set when a 301/308 chain moved the feed for good. */
      readonly permanentUrl?: string;
      readonly status: number;
      readonly text: string;
      /** Charset the bytes were decoded with. */
      readonly charset: string;
      readonly contentType?: string;
      readonly validators: Validators;
      readonly bytes: number;
    }
  | {
      readonly kind: 'not-modified';
      readonly finalUrl: string;
      readonly permanentUrl?: string;
      readonly validators: Validators;
    };

/** Why a fetch failed; `code` is stable and machine-readable. */
export type FetchErrorCode =
  | 'timeout'
  | 'connect'
  | 'reset'
  | 'http'
  | 'gone'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'too-large'
  | 'empty'
  | 'decode'
  | 'bad-url';
