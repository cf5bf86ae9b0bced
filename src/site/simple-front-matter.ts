/**
 * The front matter most posts carry, read without a YAML parser: one `key: value` per line,
 * values double-quoted, plain words and URLs, timestamps, `True`/`False` and flow lists of
 * words (`tags: [ 大纪元 ]`). A full YAML parse costs most of a post's reading; this gives the
 * same result as the yaml package in YAML 1.1 with timestamps left as text (url-facts.ts), and
 * gives up on anything else, which is then parsed in full: a comment, an escape other than `\"`
 * and `\\`, a number (`e5` too), a word YAML 1.1 reads as a boolean or null, a duplicate or very
 * long key, space other than ' ' at a value's ends, empty front matter.
 */
export interface SimpleFrontMatter {
  readonly data: Record<string, unknown>;
  /** Whether `date` was written plain (not quoted): Jekyll reads the two differently. */
  readonly datePlain: boolean;
}

const LINE = /^([A-Za-z_][A-Za-z0-9_]*): (.+)$/;
/** Double-quoted, escaping at most `\"` and `\\` (samizdat's own titles). */
const DOUBLE_QUOTED = /^"((?:[^"\\]|\\["\\])*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;
const FLOW_LIST = /^\[([^\]]*)\]$/;
/** YAML 1.1's timestamp (a plain string here: the timestamp type is left out). */
const TIMESTAMP = /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/;
/** Words YAML 1.1 reads as booleans or null, or (the yaml package's float without digits before the exponent: `e5`) as a number. */
const SPECIAL_WORD = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[eE][-+]?\d+)$/;
/** Characters this reader leaves to the parser anywhere in a value: controls, line breaks YAML 1.1 knows, BOM, tab. */
const AWKWARD = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** A plain scalar that cannot be anything but a string: no indicator or digit, sign or dot first. */
const PLAIN_FIRST = /^[^-?:,[\]{}#&*!|>'"%@`\s\d+.~<=\\]/;

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 makes a long substring a
 * view into its parent: a title kept for the build would hold the whole post file in memory
 * (100k posts: half a gigabyte). Joining it to another string and cutting that makes a copy.
 */
const own = (s: string): string => ` ${s}`.slice(1);

export function simpleFrontMatter(yamlText: string): SimpleFrontMatter | undefined {
  const data: Record<string, unknown> = {};
  let datePlain = false;
  for (const line of yamlText.split('\n')) {
    if (line === '') continue;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    const text = m[2]!;
    // (YAML refuses implicit keys over 1024 characters.)
    if (SPECIAL_WORD.test(key) || key.length > 1000 || Object.hasOwn(data, key) || key === '__proto__' || AWKWARD.test(text)) return undefined;
    const value = scalar(text) ?? list(text);
    if (value === undefined) return undefined;
    if (key === 'date') {
      if (typeof value.value !== 'string') return undefined;
      datePlain = value.plain;
    }
    data[key] = value.value;
  }
  // Empty front matter is no mapping to YAML.
  return Object.keys(data).length ? { data, datePlain } : undefined;
}

function scalar(text: string): { value: string | boolean; plain: boolean } | undefined {
  const double = DOUBLE_QUOTED.exec(text);
  if (double) return { value: own(double[1]!.replace(/\\(["\\])/g, '$1')), plain: false };
  const single = SINGLE_QUOTED.exec(text);
  if (single) return { value: own(single[1]!), plain: false };
  if (text === 'true' || text === 'True' || text === 'TRUE') return { value: true, plain: true };
  if (text === 'false' || text === 'False' || text === 'FALSE') return { value: false, plain: true };
  if (TIMESTAMP.test(text)) return { value: own(text), plain: true };
  return plainString(text, false) ? { value: own(text), plain: true } : undefined;
}

/** `[ a, b ]` of plain words; `[]` or `[ ]` is empty. */
function list(text: string): { value: string[]; plain: boolean } | undefined {
  const m = FLOW_LIST.exec(text);
  if (!m) return undefined;
  // YAML trims spaces only: JavaScript's trim() would also take an ideographic space (U+3000) off.
  const inner = trimSpaces(m[1]!);
  if (inner === '') return { value: [], plain: false };
  const items = inner.split(',').map(trimSpaces);
  return items.every((s) => plainString(s, true)) ? { value: items.map(own), plain: false } : undefined;
}

const trimSpaces = (s: string): string => s.replace(/^ +| +$/g, '');

/** A plain scalar that YAML reads as this very string (in a flow list when `inFlow`). */
function plainString(s: string, inFlow: boolean): boolean {
  if (!PLAIN_FIRST.test(s) || SPECIAL_WORD.test(s) || /\s$/.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  return !inFlow || !/[[\]{}:"'#]/.test(s);
}
