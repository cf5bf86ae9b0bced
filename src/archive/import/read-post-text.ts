import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postFileText } from '../posts/utf8-text.js';
import type { TreeFile } from './scan-tree.js';

/** Posts larger than this are not read (the same cap as the index sync): kept, reported. */
export const MAX_POST_BYTES = 16 * 1024 * 1024;

export type PostText =
  | { readonly ok: true; readonly text: string; readonly bytes: Buffer }
  | { readonly ok: false; readonly kind: 'too-large' | 'not-text'; readonly detail: string };

/**
 * A post file's text, or why it cannot be one: too large to read, or binary (a NUL byte,
 * or not UTF-8 — Jekyll skips those too). Never throws for a file that vanished meanwhile.
 */
export function readPostText(root: string, file: TreeFile): PostText {
  if (file.size > MAX_POST_BYTES) {
    return { ok: false, kind: 'too-large', detail: `${file.size} bytes, over ${MAX_POST_BYTES}; not read, kept as is` };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, file.path));
  } catch (err) {
    return { ok: false, kind: 'not-text', detail: `cannot read (${(err as NodeJS.ErrnoException).code})` };
  }
  if (bytes.includes(0)) return { ok: false, kind: 'not-text', detail: 'binary (holds NUL bytes)' };
  const text = postFileText(bytes);
  return text === undefined ? { ok: false, kind: 'not-text', detail: 'not valid UTF-8' } : { ok: true, text, bytes };
}
