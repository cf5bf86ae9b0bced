/**
 * Jekyll 4.3's `Utils.slugify` (lib/jekyll/utils.rb), ported for permalinks that must match
 * the URLs real Jekyll wrote. Ruby's `\p{M}\p{L}\p{Nd}` are the same Unicode classes in JS.
 */
export type SlugifyMode = 'raw' | 'default' | 'pretty' | 'ascii' | 'none';

const REPLACEABLE: Record<Exclude<SlugifyMode, 'none'>, RegExp> = {
  // Ruby's \s is ASCII whitespace only.
  raw: /[ \t\r\n\f\v]+/g,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  // "._~!$&'()+,;=@" stay readable in a URL and are allowed on ext4 and NTFS.
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/gu,
};

/**
 * `mode` 'pretty' with `cased` true is what Jekyll uses for `:title`; 'default' (lowercased)
 * for `:slug`. Jekyll's 'latin' mode (I18n transliteration) is not supported.
 */
export function slugify(text: string, mode: SlugifyMode = 'default', cased = false): string {
  if (mode === 'none') return cased ? text : rubyDowncase(text);
  let slug = text.replace(REPLACEABLE[mode], '-');
  // Ruby's `gsub(/^-|-$/, "")`; its anchors are per line, but no line break survives the
  // replacement above, so string anchors are the same here.
  slug = slug.replace(/^-|-$/g, '');
  return cased ? slug : rubyDowncase(slug);
}

/**
 * Ruby's String#downcase is full Unicode case mapping, as is JS toLowerCase, except that JS
 * turns a word-final Σ into ς. Only the lowercasing modes (not `:title`) are affected.
 */
function rubyDowncase(s: string): string {
  return s.toLowerCase();
}
