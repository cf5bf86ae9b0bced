import type { Finding } from './kinds.js';

const WINDOWS_RESERVED_CHAR = /[\\:*?"<>|]/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const DEVICE_NAME = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const MAX_NAME_BYTES = 255;

/** Why one path segment breaks a checkout on Windows or macOS, or undefined when it is fine. */
export function nameProblem(segment: string): string | undefined {
  const control = CONTROL.exec(segment);
  if (control) return `control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
  const reserved = WINDOWS_RESERVED_CHAR.exec(segment);
  if (reserved) return `character ${JSON.stringify(reserved[0])} that Windows refuses`;
  if (/[. ]$/.test(segment)) return 'ends with a dot or space (Windows drops it)';
  if (DEVICE_NAME.test(segment)) return 'a Windows device name';
  const bytes = Buffer.byteLength(segment);
  if (bytes > MAX_NAME_BYTES) return `${bytes} bytes, over ${MAX_NAME_BYTES}`;
  return undefined;
}

/**
 * Names that break a Windows or macOS checkout (each segment below the post root), and
 * names equal ignoring case and Unicode normalisation in one folder — those are one file
 * on the default file systems of both.
 */
export function checkFileNames(paths: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    const segments = path.split('/').slice(1);
    for (const [i, segment] of segments.entries()) {
      const problem = nameProblem(segment);
      if (problem) {
        findings.push({ kind: 'bad-file-name', path, detail: i === segments.length - 1 ? problem : `folder ${JSON.stringify(segment)}: ${problem}` });
        break;
      }
    }
    const folded = path.normalize('NFC').toLowerCase();
    const first = seen.get(folded);
    if (first === undefined) seen.set(folded, path);
    else findings.push({ kind: 'case-collision', path, detail: `same name as ${first} ignoring case` });
  }
  return findings;
}
