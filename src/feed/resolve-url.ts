const HAS_SCHEME = /^[a-zA-Z][a-zA-Z\d+.-]*:/;

/**
 * Resolves a possibly relative URL. Absolute URLs are returned as written (trimmed):
 * normalising them is the content stage's job, and the feed's own spelling is what
 * dedup and the post's `from:` start from. Unresolvable input comes back unchanged.
 */
export function resolveUrl(ref: string, base: string | undefined): string {
  const url = ref.trim();
  if (url === '' || HAS_SCHEME.test(url) || !base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Whether a string looks like an absolute web URL (for guid-as-permalink decisions). */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(value.trim());
}
