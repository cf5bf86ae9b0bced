import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lenientUtf8Text, postFileText, utf8Text } from './utf8-text.js';

const TESTDATA = join(import.meta.dirname, '../../../test/testdata');

describe('utf8Text', () => {
  it('gives what toString gives for valid UTF-8: Chinese, ASCII, Latin-1 letters, emoji, a byte order mark, controls', () => {
    for (const text of ['', 'plain ASCII\n', '习近平 自由派 —「引號」', 'café naïve', '😀 emoji 𠮷 and 中文', '\ufeff---\ntitle: 标题\n---\n', '\u0000\u0001\t\r\n', '\u2028\u2029\uffff']) {
      const bytes = Buffer.from(text, 'utf8');
      expect(utf8Text(bytes), JSON.stringify(text)).toBe(text);
      expect(lenientUtf8Text(bytes)).toBe(text);
    }
  });

  it('reads a post file as a TextDecoder does: a leading byte order mark dropped, invalid UTF-8 refused', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const text of ['\ufeff---\ntitle: 标题\n---\n', '\ufeff\ufeff两个', 'no mark', '']) {
      expect(postFileText(Buffer.from(text, 'utf8')), JSON.stringify(text)).toBe(decoder.decode(Buffer.from(text, 'utf8')));
    }
    expect(postFileText(Buffer.from([0xef, 0xbb, 0xbf, 0xff]))).toBeUndefined();
  });

  it('finds invalid UTF-8 (the lenient form replaces it as toString does)', () => {
    const cases = [
      Buffer.from([0x61, 0xff, 0x62]), // a byte no UTF-8 has
      Buffer.from([0xe4, 0xb8]), // a sequence cut short
      Buffer.from([0xc0, 0xaf]), // an overlong '/'
      Buffer.from([0xed, 0xa0, 0x80]), // a surrogate
      Buffer.from('标题', 'utf16le'),
      Buffer.from([0xb1, 0xea, 0xcc, 0xe2]), // GBK '标题'
    ];
    for (const bytes of cases) {
      expect(utf8Text(bytes), bytes.toString('hex')).toBeUndefined();
      expect(lenientUtf8Text(bytes)).toBe(bytes.toString('utf8'));
    }
  });

  it('reads every test file (legacy posts, feeds in legacy encodings, hostile payloads) as toString does', () => {
    let read = 0;
    let invalid = 0;
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else {
          const bytes = readFileSync(join(d, e.name));
          expect(lenientUtf8Text(bytes), e.name).toBe(bytes.toString('utf8'));
          if (utf8Text(bytes) === undefined) invalid++;
          read++;
        }
      }
    };
    walk(TESTDATA);
    expect(read).toBeGreaterThan(200);
    expect(invalid, 'the legacy encodings').toBeGreaterThan(0);
  });
});
