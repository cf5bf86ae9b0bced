import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { canonicalCharset } from './charset-labels.js';
import { decodeBody } from './decode.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../test/testdata/fetch/${name}`, import.meta.url));
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const xml = (encoding: string, body: Uint8Array | string): Buffer =>
  Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="${encoding}"?><rss><title>`), Buffer.from(body), Buffer.from('</title></rss>')]);

describe('decodeBody: real legacy feeds', () => {
  it('Big5 (declared in the prolog) → Big5-HKSCS', () => {
    const { text, charset } = decodeBody(fixture('big5-digitalwall.xml'));
    expect(charset).toBe('big5hkscs');
    expect(text).toContain('<title>《個人．家庭．數位化 - 數位之牆》</title>');
    expect(text).toContain('再談軟體與媒體的典範轉移');
  });

  it('GB2312 (declared in the prolog) → GB18030', () => {
    const { text, charset } = decodeBody(fixture('gb2312-godthink.xml'));
    expect(charset).toBe('gb18030');
    expect(text).toContain('<title>终于考完了</title>');
    expect(text).toContain('留的青山在，不怕没柴烧。');
  });

  it('EUC-JP', () => {
    const { text, charset } = decodeBody(fixture('euc-jp-aivy.xml'));
    expect(charset).toBe('euc-jp');
    expect(text).toContain('<title>ぬる風呂</title>');
  });

  it('windows-1251 (node-feedparser iconv.xml)', () => {
    const { text, charset } = decodeBody(fixture('windows-1251-oren.xml'), 'application/rss+xml');
    expect(charset).toBe('windows-1251');
    expect(text).toContain('<title>Новости Оренбурга и области / Раздел Новости</title>');
  });

  it('KOI8-R (miniflux)', () => {
    const { text, charset } = decodeBody(fixture('miniflux-encoding--koi8r.xml'));
    expect(charset).toBe('koi8-r');
    expect(text).toContain('<title>Пример RSS ленты</title>');
  });
});

describe('decodeBody: declarations that lie (miniflux cases)', () => {
  it('prolog says ISO-8859-1, bytes are UTF-8: UTF-8 wins', () => {
    const { text, charset } = decodeBody(fixture('miniflux-encoding--utf8-incorrect-prolog.xml'));
    expect(charset).toBe('utf-8');
    expect(text).toContain('<title>테스트 피드</title>');
    expect(text).toContain('<title>Café</title>');
  });

  it('prolog says windows-1252, bytes are UTF-8: UTF-8 wins', () => {
    const { text } = decodeBody(fixture('miniflux-encoding--windows-1252-incorrect-prolog.xml'));
    expect(text).toContain('<title>Euro €</title>');
  });

  it('prolog says windows-1252 and means it: 0x80 is €', () => {
    const { text, charset } = decodeBody(fixture('miniflux-encoding--windows-1252.xml'));
    expect(charset).toBe('windows-1252');
    expect(text).toContain('<title>Euro €</title>');
  });

  it('ISO-8859-1 prolog is read as windows-1252', () => {
    const { text, charset } = decodeBody(fixture('miniflux-encoding--iso-8859-1.xml'));
    expect(charset).toBe('windows-1252');
    expect(text).toContain('<title>Café</title>');
    expect(text).toContain('Présentation');
  });

  it('an unknown prolog label is ignored, never thrown', () => {
    const { text, charset } = decodeBody(fixture('miniflux-encoding--invalid-prolog.xml'));
    expect(charset).toBe('utf-8');
    expect(text).toContain('테스트 피드');
  });

  it('prolog says utf-8, bytes are Latin-1: windows-1252, not CJK', () => {
    const { text, charset } = decodeBody(fixture('miniflux-xml--iso88591_utf8_mismatch.xml'));
    expect(charset).toBe('windows-1252');
    expect(text).toContain('<to>Anaïs</to>');
    expect(text).toContain('<from>Jürgen</from>');
  });

  it('GBK bytes declared as utf-8 in the prolog AND the header still decode (qq.com feed)', () => {
    const original = fixture('gb2312-qq-news.xml');
    const lying = Buffer.from(original.toString('latin1').replace('encoding="gb2312"', 'encoding="utf-8"'), 'latin1');
    const { text, charset } = decodeBody(lying, 'text/xml; charset=utf-8');
    expect(charset).toBe('gb18030');
    expect(text).toContain('<title>互联网</title>');
    expect(text).toContain('拟298亿元重组盛大游戏后 世纪华通发20亿回购预案');
  });

  it('undeclared Big5 is told apart from GBK by character frequency', () => {
    const original = fixture('big5-digitalwall.xml');
    const undeclared = Buffer.from(original.toString('latin1').replace(' encoding="big5"', ''), 'latin1');
    const { text, charset } = decodeBody(undeclared);
    expect(charset).toBe('big5hkscs');
    expect(text).toContain('數位之牆');
  });

  it('undeclared GBK is GB18030', () => {
    const original = fixture('gb2312-godthink.xml');
    const undeclared = Buffer.from(original.toString('latin1').replace(' encoding="gb2312"', ''), 'latin1');
    expect(decodeBody(undeclared).text).toContain('终于考完了');
  });
});

describe('decodeBody: precedence', () => {
  it('windows-1252 0x93/0x94 are curly quotes, not C1 controls (also for a latin1 label)', () => {
    for (const label of ['windows-1252', 'iso-8859-1', 'us-ascii']) {
      const { text } = decodeBody(xml(label, bytes(0x93, 0x68, 0x69, 0x94, 0x20, 0x97, 0x20, 0x80)));
      expect(text).toContain('<title>“hi” — €</title>');
    }
  });

  it('UTF-16LE with BOM (no declaration needed)', () => {
    const body = Buffer.concat([bytes(0xff, 0xfe), iconv.encode('<?xml version="1.0" encoding="utf-16"?><title>中文 Zoë</title>', 'utf-16le')]);
    const { text, charset } = decodeBody(body, 'text/xml; charset=iso-8859-1');
    expect(charset).toBe('utf-16le');
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('<title>中文 Zoë</title>');
  });

  it('UTF-16BE without BOM is recognised from its NUL bytes', () => {
    const body = iconv.encode('<?xml version="1.0"?><title>新闻</title>', 'utf-16be');
    const { text, charset } = decodeBody(body);
    expect(charset).toBe('utf-16be');
    expect(text).toContain('<title>新闻</title>');
  });

  it('a UTF-8 BOM is stripped', () => {
    const body = Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from('<rss>é</rss>')]);
    const { text, charset } = decodeBody(body, 'application/xml; charset=gbk');
    expect(charset).toBe('utf-8');
    expect(text).toBe('<rss>é</rss>');
  });

  it('the per-feed override wins over header, prolog and BOM-less detection', () => {
    const gbk = xml('utf-8', iconv.encode('新闻', 'gbk'));
    const { text, charset } = decodeBody(gbk, 'text/xml; charset=big5', 'gbk');
    expect(charset).toBe('gb18030');
    expect(text).toContain('<title>新闻</title>');
  });

  it('an unknown override is ignored, not thrown', () => {
    expect(decodeBody(Buffer.from('<a>ok é</a>'), undefined, 'no-such-charset').text).toBe('<a>ok é</a>');
  });

  it('a specific HTTP charset beats the prolog', () => {
    const big5 = xml('gb2312', iconv.encode('臺灣新聞', 'big5'));
    const { text, charset } = decodeBody(big5, 'application/rss+xml; charset="Big5"');
    expect(charset).toBe('big5hkscs');
    expect(text).toContain('<title>臺灣新聞</title>');
  });

  it('a generic HTTP charset (server default iso-8859-1) loses to a specific prolog', () => {
    const gbk = xml('gb2312', iconv.encode('中国数字时代', 'gbk'));
    const { text, charset } = decodeBody(gbk, 'text/xml; charset=ISO-8859-1');
    expect(charset).toBe('gb18030');
    expect(text).toContain('<title>中国数字时代</title>');
  });

  it('HTML: <meta charset> is read when there is no prolog', () => {
    const page = Buffer.concat([Buffer.from('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>'), iconv.encode('大纪元', 'gbk'), Buffer.from('</title>')]);
    const { text, charset } = decodeBody(page, 'text/html');
    expect(charset).toBe('gb18030');
    expect(text).toContain('<title>大纪元</title>');
  });

  it('gbk bytes that are invalid in the declared big5 table still yield text, not an exception', () => {
    const { text } = decodeBody(bytes(0x3c, 0x61, 0x3e, 0x80, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e), 'text/xml; charset=big5');
    expect(text.startsWith('<a>')).toBe(true);
    expect(text.endsWith('</a>')).toBe(true);
  });

  it('pure ASCII reports the declared charset', () => {
    expect(decodeBody(xml('gb2312', 'plain')).charset).toBe('gb18030');
  });

  it.each(['utf-32be', 'utf-32le'])('%s with a BOM, and without one (from its NUL bytes)', (charset) => {
    const doc = '<?xml version="1.0"?><title>新闻 Zoë</title>';
    const bom = iconv.encode('\ufeff', charset);
    for (const body of [Buffer.concat([bom, iconv.encode(doc, charset)]), iconv.encode(doc, charset)]) {
      const decoded = decodeBody(body, 'text/xml; charset=iso-8859-1');
      expect(decoded.charset).toBe(charset);
      expect(decoded.text).toBe(doc);
    }
  });
});

describe('decodeBody: RFC 3023 text/xml without a charset', () => {
  const ascii = Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><rss><title>plain</title></rss>');

  it.each(['text/xml', 'text/xml; qs=0.9', 'text/atom+xml', 'text/rss+xml', 'text/xml-external-parsed-entity', 'text/xml; charset:bogus'])(
    'ASCII bytes served as %s are us-ascii, whatever the prolog says',
    (contentType) => {
      expect(decodeBody(ascii, contentType)).toEqual({ text: ascii.toString(), charset: 'us-ascii' });
    },
  );

  it('a charset parameter or an application/* type keeps the declarations', () => {
    expect(decodeBody(ascii, 'text/xml; charset=utf-8').charset).toBe('utf-8');
    expect(decodeBody(ascii, 'application/xml').charset).toBe('windows-1252');
    expect(decodeBody(Buffer.from('<rss/>'), 'application/rss+xml').charset).toBe('utf-8');
  });

  it('non-ASCII bytes served as bare text/xml are not forced to ASCII (real Chinese feeds)', () => {
    expect(decodeBody(Buffer.from('<rss><title>新闻</title></rss>'), 'text/xml')).toEqual({ text: '<rss><title>新闻</title></rss>', charset: 'utf-8' });
    const gbk = xml('gb2312', iconv.encode('新闻', 'gbk'));
    expect(decodeBody(gbk, 'text/xml')).toMatchObject({ charset: 'gb18030', text: expect.stringContaining('<title>新闻</title>') });
  });
});

describe('canonicalCharset', () => {
  it.each([
    ['GB2312', 'gb18030'], ['x-gbk', 'gb18030'], ['cp936', 'gb18030'], ['big5', 'big5hkscs'], ['x-x-big5', 'big5hkscs'],
    ['Big5-HKSCS', 'big5hkscs'], ['latin1', 'windows-1252'], ['US-ASCII', 'windows-1252'], ['"utf-8"', 'utf-8'],
    ['Shift_JIS', 'cp932'], ['EUC-KR', 'cp949'], ['ISO_8859-2', 'iso-8859-2'], ['windows-1251', 'windows-1251'],
    ['utf-16', 'utf-16le'], ['UTF-16BE', 'utf-16be'], ['koi8-r', 'koi8-r'], ['UTF-32', 'utf-32be'], ['utf-32le', 'utf-32le'],
    ['TIS-620', 'windows-874'],
  ])('%s → %s', (label, name) => {
    expect(canonicalCharset(label)).toBe(name);
  });

  it.each(['bogus', 'base64', 'utf-7', ''])('refuses %j', (label) => {
    expect(canonicalCharset(label)).toBeUndefined();
  });
});
