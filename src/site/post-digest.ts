import { createHash } from 'node:crypto';

/**
 * What a post's pages are signed with: the start of its file's git blob id (SHA-1 of
 * `blob <size>\0` and the bytes), base64url. It follows the content, not the file's mtime, so a
 * fresh clone, a checkout or a copy that gives every file a new mtime changes no page; and git
 * can tell a file's id without reading it.
 */
export function postDigest(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\u0000`).update(bytes).digest('base64url').slice(0, DIGEST_LENGTH);
}

/** postDigest of a file from the 40-hex blob id git gives for it. */
export function digestOfBlobId(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64url').slice(0, DIGEST_LENGTH);
}

/** 96 bits: enough to tell versions of one file apart. */
const DIGEST_LENGTH = 16;
