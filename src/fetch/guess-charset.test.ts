import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from './decode.js';

// The guess is exercised through decodeBody, on bytes without any declaration.
const fixture = (name: string): Buffer => readFileSync(new URL(`../../test/testdata/charset/${name}`, import.meta.url));
const feed = (text: string, charset: string): Buffer =>
  iconv.encode(`<rss><channel><item><title>${text.slice(0, 30)}</title><description>${text}</description></item></channel></rss>`, charset);

describe('charset guess: feedparser’s undeclared legacy feeds', () => {
  it.each([
    ['feedparser-chardet-eucjp.xml', 'euc-jp', 'ゲーム三昧な正月'],
    ['feedparser-chardet-shiftjis.xml', 'cp932', 'DrecomRSSに記事投稿が反映されない'],
    ['feedparser-chardet-euckr.xml', 'cp949', '한글닉네임'],
    ['feedparser-chardet-koi8r.xml', 'koi8-r', 'Как пережить новогоднюю ночь'],
    ['feedparser-chardet-tis620.xml', 'windows-874', 'สำนักงานส่งเสริมอุตสาหกรรมซอฟต์แวร์'],
    ['feedparser-chardet-windows1255.xml', 'windows-1255', 'האם תדפיס נייר של אתר אינטרנט'],
  ])('%s → %s', (name, charset, sample) => {
    const decoded = decodeBody(fixture(name));
    expect(decoded.charset).toBe(charset);
    expect(decoded.text).toContain(sample);
  });
});

describe('charset guess: text in each language, each legacy charset', () => {
  const TEXTS: Array<[string, string, string[]]> = [
    ['Russian', 'В понедельник правительство объявило о новых мерах поддержки экономики. Эксперты считают, что этого недостаточно.', ['koi8-r', 'windows-1251']],
    ['Hebrew', 'הממשלה הודיעה היום על צעדים חדשים לתמיכה בכלכלה. מומחים סבורים שזה לא מספיק.', ['windows-1255']],
    ['Thai', 'รัฐบาลประกาศมาตรการใหม่เพื่อสนับสนุนเศรษฐกิจในวันนี้ ผู้เชี่ยวชาญเห็นว่ายังไม่เพียงพอ', ['windows-874']],
    ['Japanese', '政府は本日、経済を支援するための新しい対策を発表した。専門家は、これでは不十分だと考えている。', ['euc-jp', 'cp932']],
    ['Korean', '정부는 오늘 경제를 지원하기 위한 새로운 대책을 발표했다. 전문가들은 충분하지 않다고 본다.', ['cp949']],
    ['simplified Chinese', '政府今天宣布了支持经济的新措施。专家认为这还不够。', ['gb18030']],
    ['traditional Chinese', '政府今天宣佈了支持經濟的新措施。專家認為這還不夠。', ['big5hkscs', 'gb18030']],
  ];
  for (const [language, text, charsets] of TEXTS) {
    it.each(charsets)(`${language} in %s`, (charset) => {
      expect(decodeBody(feed(text, charset))).toMatchObject({ charset, text: expect.stringContaining(text) });
    });
  }
});

describe('charset guess: what must not change', () => {
  it('Chinese headlines full of transliterated names stay Chinese (they score low as Chinese)', () => {
    for (const title of ['马克龙与朔尔茨在柏林举行会谈', '布林肯与拉夫罗夫在赫尔辛基会晤', '泽连斯基抵达赫尔辛基']) {
      expect(decodeBody(feed(title, 'gb18030')).text).toContain(title);
    }
  });

  it('Western text in windows-1252 is not taken for Cyrillic, Hebrew or Thai', () => {
    for (const text of [
      'Le gouvernement a annoncé de nouvelles mesures « pour soutenir l’économie » — dès le mois prochain.',
      'Die Regierung hat heute neue Maßnahmen zur Unterstützung der Wirtschaft angekündigt.',
      'Copyright © 2005 » News » Événements à venir',
    ]) {
      expect(decodeBody(feed(text, 'windows-1252'))).toMatchObject({ charset: 'windows-1252', text: expect.stringContaining(text) });
    }
  });
});
