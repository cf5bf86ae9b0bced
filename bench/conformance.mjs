// Feed-parser conformance: feedparser's own test suite (checks.json) mapped onto our
// ParsedFeed, plus the item counts of every feed in fixtures/feeds/INDEX.json, plus the
// charset detection accuracy of decodeBody (feed-lib/charset-accuracy.mjs).
// Run after `npm run build`:  node bench/conformance.mjs [--all-failures]
// Always exits 0; prints figures. Needs ../shared/fixtures (skips with a message if absent).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '../dist/feed/parse-feed.js';
import { parseFeedDate } from '../dist/content/dates.js';
import { decodeBytes } from './feed-lib/decode-bytes.mjs';
import { evaluate } from './feed-lib/feedparser-map.mjs';
import { checkIndexCounts } from './feed-lib/index-counts.mjs';
import { BY_DESIGN } from './feed-lib/by-design.mjs';
import { charsetFamily, printCharsetAccuracy } from './feed-lib/charset-accuracy.mjs';

const fixtures = fileURLToPath(new URL('../../shared/fixtures/', import.meta.url));
if (!existsSync(fixtures)) {
  console.log(`conformance: skipped, ${fixtures} not found`);
  process.exit(0);
}
const suite = `${fixtures}feedparser-suite/`;
const checks = JSON.parse(readFileSync(`${suite}checks.json`, 'utf8'));
const decodeBody = await loadDecoder();

const parsedCache = new Map();
function parseCheckFile(check) {
  const key = `${check.file}|${JSON.stringify(check.http_headers ?? {})}`;
  let entry = parsedCache.get(key);
  if (entry) return entry;
  const bytes = readFileSync(suite + check.file);
  const headers = lowerKeys(check.http_headers ?? {});
  const contentType = check.harness_input === 'http' ? headers['content-type'] : undefined;
  const { text } = decodeBytes(bytes, contentType);
  const url = headers['content-location'] ?? `http://127.0.0.1:8097/tests/${check.file}`;
  const contentLanguage = check.harness_input === 'http' ? headers['content-language'] : undefined;
  try {
    entry = { parsed: parseFeed(text, url, { contentLanguage }) };
  } catch (error) {
    entry = { error };
  }
  parsedCache.set(key, entry);
  return entry;
}

const groups = { parser: tally(), decoder: tally(), policy: new Map() };
const plainFailures = [];
for (const check of checks) {
  const policies = check.feedparser_policy;
  let outcome;
  if (check.path[0] === 'encoding') outcome = evaluateEncoding(check);
  else {
    const { parsed, error } = parseCheckFile(check);
    outcome = evaluate(check, parsed, error, parseFeedDate);
  }
  if (policies) {
    for (const policy of policies) {
      if (!groups.policy.has(policy)) groups.policy.set(policy, tally());
      count(groups.policy.get(policy), outcome);
    }
    continue;
  }
  count(check.path[0] === 'encoding' ? groups.decoder : groups.parser, outcome);
  if (outcome.status !== 'pass') plainFailures.push({ check, outcome });
}

function evaluateEncoding(check) {
  if (!decodeBody) return { status: 'n/a', reason: 'dist/fetch/decode.js (decodeBody) not built' };
  const headers = lowerKeys(check.http_headers ?? {});
  const contentType = check.harness_input === 'http' ? headers['content-type'] : undefined;
  const { charset } = decodeBody(readFileSync(suite + check.file), contentType);
  if (sameCharset(charset, check.equals)) return { status: 'pass' };
  return { status: 'fail', reason: `decodeBody chose ${charset}, feedparser ${check.equals}` };
}

// ---- report ----
const pct = (t) => (t.total === 0 ? 'n/a' : `${((100 * t.pass) / t.total).toFixed(2)}%`);
const plainTotal = { pass: groups.parser.pass + groups.decoder.pass, total: groups.parser.total + groups.decoder.total };
console.log('feedparser suite (kurtmckee/feedparser tests; Debian feedparser 6.0.10 passes 1175/1177)');
console.log(`  plain-fact checks, all:        ${plainTotal.pass}/${plainTotal.total} (${pct(plainTotal)})`);
console.log(`    parser (ParsedFeed fields):  ${groups.parser.pass}/${groups.parser.total} (${pct(groups.parser)})` +
  `  [${groups.parser.na} of them not representable in ParsedFeed]`);
const representable = { pass: groups.parser.pass, total: groups.parser.total - groups.parser.na };
console.log(`    parser, representable only:  ${representable.pass}/${representable.total} (${pct(representable)})`);
const explained = plainFailures.filter((f) => f.outcome.status === 'fail' && BY_DESIGN[f.check.file]).length;
const agreeing = { pass: groups.parser.pass, total: representable.total - explained };
console.log(`    parser, where ParsedFeed and feedparser mean the same (minus ${explained} listed below): ` +
  `${agreeing.pass}/${agreeing.total} (${pct(agreeing)})`);
console.log(`    decoder (["encoding"], src/fetch decodeBody, not the parser): ${groups.decoder.pass}/${groups.decoder.total} (${pct(groups.decoder)})`);
let policyAll = tally();
for (const [policy, t] of groups.policy) {
  console.log(`  policy checks, ${policy}: ${t.pass}/${t.total} (${pct(t)})`);
  policyAll = { ...policyAll, pass: policyAll.pass + t.pass, total: policyAll.total + t.total };
}
console.log(`  policy checks, all: ${policyAll.pass}/${policyAll.total} (${pct(policyAll)})`);

const showAll = process.argv.includes('--all-failures');
const parserFailures = plainFailures.filter((f) => f.check.path[0] !== 'encoding');
console.log(`\nfailing plain-fact parser checks (${parserFailures.length}):`);
for (const { check, outcome } of parserFailures) {
  const [label, why] = BY_DESIGN[check.file] ?? [outcome.status];
  console.log(`  [${label}] ${check.file} ${JSON.stringify(check.path)}: ${outcome.reason}${why ? ` — ${why}` : ''}`);
}
const decoderFailures = plainFailures.filter((f) => f.check.path[0] === 'encoding');
console.log(`failing decoder checks (${decoderFailures.length})${showAll ? ':' : ' (--all-failures lists them)'}`);
if (showAll) for (const { check, outcome } of decoderFailures) console.log(`  ${check.file}: ${outcome.reason}`);

console.log('');
checkIndexCounts(`${fixtures}feeds/`, parseFeed);
console.log('');
if (decodeBody) printCharsetAccuracy(fixtures, decodeBody, showAll);

// ---- helpers ----
function tally() {
  return { pass: 0, fail: 0, na: 0, total: 0 };
}
function count(t, outcome) {
  t.total++;
  if (outcome.status === 'pass') t.pass++;
  else if (outcome.status === 'fail') t.fail++;
  else t.na++;
}
function lowerKeys(obj) {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k.toLowerCase(), v]));
}
async function loadDecoder() {
  try {
    const mod = await import('../dist/fetch/decode.js');
    return typeof mod.decodeBody === 'function' ? mod.decodeBody : undefined;
  } catch {
    return undefined;
  }
}
// decodeBody names the table it decoded with, which for legacy labels is the superset the
// Encoding Standard reads them as (gb2312 → gb18030, big5 → big5hkscs, shift_jis → cp932,
// euc-kr → cp949, tis-620 → windows-874, us-ascii/iso-8859-1 → windows-1252, which agree on
// ASCII bytes): compare families.
function sameCharset(a, b) {
  return charsetFamily(a) === charsetFamily(b);
}
