import { indentContinuations } from '../archive/posts/read-post.js';
import { parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions } from '../vendor/yaml.js';
import type { UrlFacts } from './permalink.js';
import { simpleFrontMatter, type SimpleFrontMatter } from './simple-front-matter.js';
import { parseFrontMatterDate } from './zoned-time.js';

export interface UrlFactsResult {
  readonly facts: UrlFacts;
  /** Front matter `published: false`: Jekyll leaves the post out. */
  readonly published: boolean;
  /** Why the URL may differ from the one Jekyll would give (shown as warnings). */
  readonly problems: readonly string[];
  /** Front matter `permalink`: this post's own URL template (kept by `doctor --fix` on a rename). */
  readonly permalink?: string;
  /** Front matter `redirect_from`: old URLs that must lead here (jekyll-redirect-from). */
  readonly redirectFrom: readonly string[];
  /** The front matter as parsed (a mapping, timestamps as text), for readPost to reuse. */
  readonly frontMatter?: Readonly<Record<string, unknown>>;
}

/** Jekyll's Document::DATE_FILENAME_MATCHER, applied to the file name. */
const DATED_NAME = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-([^/]*)(\.[^.]+)$/;
/** Jekyll's YAML_FRONT_MATTER_REGEXP. */
const FRONT_MATTER = /^(---\s*\n[\s\S]*?\n?)^(?:---|\.\.\.)[^\S\n]*$\n?/m;
// YAML 1.1 as Psych reads it, but timestamps stay strings: Ruby's parsing of them is ours to mimic.
const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1', uniqueKeys: false, customTags: (tags) => tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
};

/**
 * What decides a post's URL, read the way Jekyll 4.3 reads it: the title part of the file name
 * (or front matter `slug`), the front matter date (else the file name's) in `timeZone`.
 * Returns a string (the reason) for a file Jekyll would not take as a post.
 */
export function readUrlFacts(text: string, fileName: string, timeZone: string): UrlFactsResult | string {
  const name = DATED_NAME.exec(fileName);
  if (!name) return 'file name does not start with a YYYY-MM-DD- date';
  const [, y, mo, d, titlePart, ext] = name;
  const basename = fileName.slice(0, -ext!.length);
  const problems: string[] = [];
  const fm = frontMatter(text.replace(/^\ufeff/, ''), problems);

  const nameDate = parseFrontMatterDate(`${y}-${mo}-${d}`, false, timeZone);
  if (!nameDate) return `file name date ${y}-${mo}-${d} is not a date`;
  let time = nameDate;
  if (fm.date !== undefined) {
    const parsed = parseFrontMatterDate(fm.date.text, fm.date.plain, timeZone);
    if (parsed) time = parsed;
    else problems.push(`front matter date ${JSON.stringify(fm.date.text)} is not a date (Jekyll stops on it); the file name's date is used`);
  }
  const slug = fm.slug ?? titlePart!.replace(/\.+$/, '');
  return {
    facts: { slug, basename, categories: fm.categories, time, outputExt: '.html' },
    published: fm.published,
    problems,
    ...(fm.permalink ? { permalink: fm.permalink } : {}),
    redirectFrom: fm.redirectFrom,
    ...(fm.data ? { frontMatter: fm.data } : {}),
  };
}

interface FrontMatterFacts {
  date?: { text: string; plain: boolean };
  slug?: string;
  categories: string[];
  published: boolean;
  permalink?: string;
  redirectFrom: string[];
  data?: Record<string, unknown>;
}

/** The YAML text between the `---` lines, as Jekyll finds it; undefined without front matter. */
export function frontMatterYaml(text: string): string | undefined {
  const m = FRONT_MATTER.exec(text);
  return m && m.index === 0 ? m[1]!.replace(/^---\s*\n/, '') : undefined;
}

function frontMatter(text: string, problems: string[]): FrontMatterFacts {
  const out: FrontMatterFacts = { categories: [], published: true, redirectFrom: [] };
  const yamlText = frontMatterYaml(text);
  if (yamlText === undefined) return out;
  const parsed = simpleFrontMatter(yamlText) ?? parseYaml(yamlText, problems);
  if (!parsed) return out;
  const fm = parsed.data;
  out.data = fm;
  if (fm.date !== undefined && fm.date !== null) out.date = { text: String(fm.date), plain: parsed.datePlain };
  if (fm.slug !== undefined && fm.slug !== null) out.slug = String(fm.slug);
  out.published = fm.published !== false;
  if (typeof fm.permalink === 'string' && fm.permalink.trim()) out.permalink = fm.permalink.trim();
  out.redirectFrom = toList(fm.redirect_from).filter((u) => u.startsWith('/'));
  out.categories = [...new Set([...toList(fm.categories), ...toList(fm.category)])];
  return out;
}

/** The front matter by the yaml package; undefined (and the problem noted) when it is not a YAML mapping. */
export function parseYaml(yamlText: string, problems: string[]): SimpleFrontMatter | undefined {
  let doc = parseDocument(yamlText, YAML_OPTIONS);
  // Legacy titles with a raw newline: see indentContinuations.
  if (doc.errors.length) {
    const retry = parseDocument(indentContinuations(yamlText), YAML_OPTIONS);
    if (!retry.errors.length) doc = retry;
  }
  if (doc.errors.length) {
    // Jekyll logs the error and publishes the post at the build's date; we keep the file name's date.
    problems.push(`front matter is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); URL from the file name`);
    return undefined;
  }
  const data: unknown = doc.toJS();
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const dateNode = doc.get('date', true) as { type?: string } | undefined;
  return { data: data as Record<string, unknown>, datePlain: dateNode?.type === 'PLAIN' };
}

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flat(Infinity).filter((v) => v !== null && v !== undefined).map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return value === null || value === undefined ? [] : [String(value)];
}
