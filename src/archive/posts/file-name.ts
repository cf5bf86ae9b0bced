/**
 * `_posts/YYYY-MM-DD-<title>.md`, the legacy rule (date from `date:` in UTC, title cut
 * to 50 characters, `/` → `--`) made safe for every checkout: no characters Windows or
 * macOS refuse, no control characters, no path tricks, well under 255 bytes.
 */
const TITLE_CODE_POINTS = 50;
const MAX_BYTES = 240; // leaves room for a `-NN` suffix and a temp-file prefix under 255

// Windows-reserved characters get their full-width look-alikes, which read the same
// in Chinese titles and map to the same Jekyll slug.
const FULL_WIDTH: Readonly<Record<string, string>> = {
  '\\': '＼', ':': '：', '*': '＊', '?': '？', '"': '＂', '<': '＜', '>': '＞', '|': '｜',
};

export function postBaseName(dateMs: number, title: string): string {
  const day = new Date(dateMs).toISOString().slice(0, 10);
  return `${day}-${safeTitle(title)}`;
}

/** The file name for the n-th post with this base name (1 → no suffix). */
export function withCollisionSuffix(base: string, n: number): string {
  return n <= 1 ? `${base}.md` : `${base}-${n}.md`;
}

export function safeTitle(title: string): string {
  const points = Array.from(
    title
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]+/g, ' ')
      .replace(/\p{Cs}/gu, ''),
  ).slice(0, TITLE_CODE_POINTS);
  let name = points
    .join('')
    .replace(/\//g, '--')
    .replace(/[\\:*?"<>|]/g, (c) => FULL_WIDTH[c] ?? '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  while (Buffer.byteLength(name) > MAX_BYTES - 11) name = Array.from(name).slice(0, -1).join('');
  return name || 'untitled';
}
