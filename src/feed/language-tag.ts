/**
 * A language tag as feeds and servers write it, `_` read as `-` (`en_US` → `en-US`, as
 * feedparser does); for a Content-Language list (`en, fr`) the first. Undefined when empty.
 */
export function languageTag(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const comma = raw.indexOf(',');
  const tag = (comma < 0 ? raw : raw.slice(0, comma)).trim().replace(/_/g, '-');
  return tag === '' ? undefined : tag;
}
