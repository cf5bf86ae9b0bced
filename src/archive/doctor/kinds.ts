/** Every problem `doctor` reports, with a stable code (used in --json and by tests). */
export const KINDS = {
  'symlink': { what: 'symbolic links in a post folder (not followed, not published)', fix: 'none' },
  'not-a-post': { what: 'files in a post folder that are not posts (left as is)', fix: 'none' },
  'too-large': { what: 'posts too large to read (kept, not checked)', fix: 'none' },
  'not-text': { what: 'binary or non-UTF-8 files named as posts (Jekyll skips them)', fix: 'none' },
  'yaml-invalid': { what: 'front matter missing or not valid YAML', fix: 'rewrite' },
  'yaml-roundtrip': { what: 'front matter values YAML reads differently from what was written', fix: 'rewrite' },
  'missing-field': { what: 'required fields missing (title, date, from)', fix: 'none' },
  'bad-date': { what: 'dates in the future or before 1990', fix: 'none' },
  'epoch-nan': { what: '<!--NaN--> instead of the epoch comment', fix: 'rewrite' },
  'epoch-missing': { what: 'no <!--epoch--> comment after the front matter', fix: 'rewrite' },
  'liquid': { what: 'Liquid markup ({{ or {%) in the body outside a raw block', fix: 'rewrite' },
  'unsafe-html': { what: 'executable HTML (script, iframe, on* handlers, javascript: URLs)', fix: 'rewrite' },
  'bad-file-name': { what: 'file names that break a Windows or macOS checkout', fix: 'rename' },
  'case-collision': { what: 'file names equal ignoring case (one file on Windows/macOS)', fix: 'rename' },
  'duplicate': { what: 'posts of an article archived before (same normalised link)', fix: 'merge' },
} as const;

export type Kind = keyof typeof KINDS;

export interface Finding {
  readonly kind: Kind;
  /** Relative to the archive, forward slashes. */
  readonly path: string;
  readonly detail: string;
}

/** Kinds `doctor --fix` repairs itself (duplicates are merged by `import --merge-duplicates`). */
export function isFixable(kind: Kind): boolean {
  return KINDS[kind].fix === 'rewrite' || KINDS[kind].fix === 'rename';
}
