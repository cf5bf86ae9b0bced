import { describe, expect, it } from 'vitest';
import { absolutizeUrl, normalizeUrl, stripTrackingParams } from './urls.js';
import { isTrackerImage, isTrackingParam } from './tracking.js';
import { videoWatchUrl } from './embeds.js';

describe('normalizeUrl', () => {
  it.each([
    'https://www.epochtimes.com/gb/22/2/4/n13555352.htm',
    'https://www.epochtimes.com/gb/tag/%E6%99%AE%E4%BA%AC.html',
    'https://example.invalid/Path/CASE.html?b=2&a=1&a=3',
    'https://example.invalid/search?q=a+b&x=%20y',
    'http://example.invalid:8080/',
    'https://example.invalid/app#!/article/42',
  ])('returns the already-normal %s byte for byte', (url) => {
    expect(normalizeUrl(url)).toBe(url);
  });

  it.each([
    ['HTTPS://WWW.Example.INVALID/Path', 'https://www.example.invalid/Path'],
    ['http://example.invalid:80/a', 'http://example.invalid/a'],
    ['https://example.invalid:443/a', 'https://example.invalid/a'],
    ['https://example.invalid/a#section-2', 'https://example.invalid/a'],
    ['https://example.invalid/a#', 'https://example.invalid/a'],
    ['https://example.invalid/a?utm_source=rss&utm_medium=feed', 'https://example.invalid/a'],
    ['https://example.invalid/a?id=7&utm_campaign=x&fbclid=abc&x=1#top', 'https://example.invalid/a?id=7&x=1'],
    ['https://example.invalid/a?GCLID=1&mc_cid=2&mc_eid=3&UTM_Source=4&p=5', 'https://example.invalid/a?p=5'],
    ['  https://example.invalid/a  ', 'https://example.invalid/a'],
    ['https://example.invalid/路径/文章.html', 'https://example.invalid/%E8%B7%AF%E5%BE%84/%E6%96%87%E7%AB%A0.html'],
    ['http://例子.测试/路径?名字=值#片段', 'http://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84?%E5%90%8D%E5%AD%97=%E5%80%BC'],
  ])('normalises %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
    expect(normalizeUrl(expected)).toBe(expected); // idempotent
  });

  it.each(['', 'not a url', '/relative/path', '//example.invalid/x', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)',
    'data:text/html,x', 'mailto:a@example.invalid', 'ftp://example.invalid/f', 'file:///etc/passwd', 'http://', 'https://a b/'])(
    'refuses %j',
    (url) => {
      expect(normalizeUrl(url)).toBe('');
    },
  );
});

describe('stripTrackingParams', () => {
  it('keeps every other byte, the fragment included', () => {
    expect(stripTrackingParams('https://e.invalid/A?x=%41&utm_source=a&y#Frag')).toBe('https://e.invalid/A?x=%41&y#Frag');
    expect(stripTrackingParams('/rel?utm_medium=x')).toBe('/rel');
  });

  it('returns the very input when there is nothing to strip', () => {
    for (const url of ['https://e.invalid/a?utm=1&utmx=2', 'https://e.invalid/a#?utm_source=x', 'https://e.invalid/a?', 'x']) {
      expect(stripTrackingParams(url)).toBe(url);
    }
  });

  it('knows the trackers from one list', () => {
    expect(['utm_source', 'utm_whatever', 'fbclid', 'gclid', 'mc_cid', 'mc_eid', 'msclkid', 'utm%5Fsource'].every(isTrackingParam)).toBe(true);
    expect(['id', 'utm', 'q', 'ref', 'from', 'page'].some(isTrackingParam)).toBe(false);
  });
});

describe('absolutizeUrl', () => {
  it.each([
    ['/gb/tag/x.html', 'https://www.epochtimes.com/gb/', 'https://www.epochtimes.com/gb/tag/x.html'],
    ['../a?b=1', 'https://e.invalid/x/y/', 'https://e.invalid/x/a?b=1'],
    ['//cdn.e.invalid/p.jpg', 'https://e.invalid/', 'https://cdn.e.invalid/p.jpg'],
    ['  https://other.invalid/  ', 'https://e.invalid/', 'https://other.invalid/'],
    ['https://other.invalid/a', 'not a base', 'https://other.invalid/a'],
  ])('resolves %s against %s', (url, base, expected) => {
    expect(absolutizeUrl(url, base)).toBe(expected);
  });

  it('gives "" when it cannot resolve', () => {
    expect(absolutizeUrl('', 'https://e.invalid/')).toBe('');
    expect(absolutizeUrl('/relative', '')).toBe('');
    expect(absolutizeUrl('http://[bad', 'https://e.invalid/')).toBe('');
  });
});

describe('videoWatchUrl and isTrackerImage', () => {
  it('maps players to their pages and ignores everything else', () => {
    expect(videoWatchUrl('https://www.youtube.com/embed/dQw4w9WgXcQ?start=3', '')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(videoWatchUrl('https://www.youtube.com/embed/short', '')).toBeUndefined();
    expect(videoWatchUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ', '')).toBeUndefined();
    expect(videoWatchUrl('https://evil.invalid/embed/dQw4w9WgXcQ', '')).toBeUndefined();
    expect(videoWatchUrl('https://player.vimeo.com/video/123', '')).toBe('https://vimeo.com/123');
  });

  it('recognises counter images only on their known paths', () => {
    expect(isTrackerImage('https://feeds.feedburner.com/~r/site/~4/x')).toBe(true);
    expect(isTrackerImage('https://feeds.feedburner.com/site')).toBe(false);
    expect(isTrackerImage('https://pixel.wp.com/g.gif')).toBe(true);
    expect(isTrackerImage('https://i0.wp.com/photo.jpg')).toBe(false);
  });
});
