import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ArchiveLock } from '../archive/lock/archive-lock.js';
import { findDuplicate, findEntryToRemove, mergeFeeds } from '../config/edit-subscriptions.js';
import { feedHealth, readFeedStates, type HealthStatus } from '../config/feed-health.js';
import { loadSiteConfig } from '../config/load-site-config.js';
import { loadSubscriptions } from '../config/load-subscriptions.js';
import { formatOpml, parseOpml } from '../config/opml.js';
import { resolveFeed, type ResolvedFeed } from '../config/resolve-feed.js';
import { readSubsFile, saveSubscriptions, type SubsEntry } from '../config/save-subscriptions.js';
import { createLogger, type Logger } from '../log/logger.js';
import { UsageError } from '../model/index.js';
import { numberOption, parseOptions } from './parse-options.js';

export const HELP = `Usage: samizdat subs <ls|add|rm> [options]

Lists and edits the mirror's subscriptions (subs.json).

  samizdat subs ls [--json]            each feed with its health: never fetched / ok and its last new
                                       item / failing N times and the last error / dead (410 Gone)
  samizdat subs add URL [--site NAME]  subscribe to a feed. URL may be the feed itself, a web page that
                                       links its feed (<link rel="alternate">), or a YouTube channel
                                       (youtube.com/channel/UC…) or playlist (youtube.com/playlist?list=…).
                                       The feed is fetched once and must parse; NAME defaults to its title.
                                       A feed already in subs.json (same URL after normalisation) is refused.
  samizdat subs rm URL|SITE            unsubscribe (by the exact URL, or by the site name if only one feed has it)
  samizdat subs export --opml          print the feeds as OPML (for feed readers and other mirrors)
  samizdat subs import FEEDS.opml      add the feeds of an OPML file (no check fetch; duplicates skipped)

Options:
  --archive DIR        the mirror (default: the current directory)
  --site NAME          (add) the source name written to every post's tags and categories
  --no-check           (add) do not fetch: take URL as the feed (YouTube URLs are still converted);
                       needs --site
  --timeout SECONDS    (add) deadline for the check (default 30)
  --wait SECONDS       (add, rm) wait this long for a running fetch to finish (default 0: exit at once)
  --json               (ls) print the list as JSON on stdout
  --opml               (export) the format (the only one so far)
  -h, --help           this help

Exit codes: 0 ok, 1 the feed could not be fetched or is not a feed (subs.json unchanged),
2 usage error (bad URL, duplicate, unknown or ambiguous feed, broken subs.json).`;

const OPTIONS = {
  archive: { type: 'string' }, site: { type: 'string' }, 'no-check': { type: 'boolean' }, timeout: { type: 'string' },
  wait: { type: 'string' }, json: { type: 'boolean' }, opml: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseOptions<typeof OPTIONS>>['values'];

export async function run(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseOptions(`subs${action && !action.startsWith('-') ? ` ${action}` : ''}`, rest, OPTIONS, true);
  const log = createLogger({ level: values.json ? 'quiet' : 'info' });
  if (values.help || action === '--help' || action === '-h' || action === 'help') {
    log.out(`${HELP}\n`);
    return 0;
  }
  const archiveDir = resolve(values.archive ?? '.');
  const only = (what: string, n: number): void => {
    if (positionals.length !== n) throw new UsageError(`subs ${action}: expected ${what}, got ${positionals.length ? positionals.map((p) => JSON.stringify(p)).join(' ') : 'nothing'} (samizdat subs --help)`);
  };
  switch (action) {
    case 'ls':
    case 'list':
      only('no arguments', 0);
      return list(archiveDir, values, log);
    case 'add':
      only('one URL', 1);
      return add(archiveDir, positionals[0]!, values, log);
    case 'rm':
    case 'remove':
      only('one URL or site name', 1);
      return remove(archiveDir, positionals[0]!, values, log);
    case 'export':
      only('no arguments', 0);
      if (!values.opml) throw new UsageError('subs export: give the format: --opml');
      return exportOpml(archiveDir, log);
    case 'import':
      only('one OPML file', 1);
      return importOpml(archiveDir, resolve(positionals[0]!), values, log);
    default:
      throw new UsageError(`subs: ${action ? `unknown action ${JSON.stringify(action)}` : 'missing action'}; use ls, add, rm, export or import (samizdat subs --help)`);
  }
}

function list(archiveDir: string, values: Values, log: Logger): number {
  const { subs, warnings } = loadSubscriptions(join(archiveDir, 'subs.json'));
  for (const w of warnings) log.warn(w);
  const states = readFeedStates(join(archiveDir, '.samizdat', 'index.db'));
  const now = Date.now();
  const rows = subs.map((s) => ({ site: s.site, url: s.url, ...feedHealth(states?.get(s.url), now), state: states?.get(s.url) ?? null }));
  if (values.json) {
    log.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const r of rows) log.out(`${r.site}  ${r.url}  ${r.text}\n`);
  const counts = new Map<HealthStatus, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const names: Record<HealthStatus, string> = { ok: 'ok', failing: 'failing', dead: 'dead', never: 'never fetched' };
  log.info(`${rows.length} feed${rows.length === 1 ? '' : 's'}: ${[...counts].map(([k, n]) => `${n} ${names[k]}`).join(', ') || 'none'}${states ? '' : ' (no fetch has run yet)'}`);
  return 0;
}

async function add(archiveDir: string, input: string, values: Values, log: Logger): Promise<number> {
  requireFolder(archiveDir, 'subs add');
  const file = join(archiveDir, 'subs.json');
  const siteOption = values.site === undefined ? undefined : siteName(values.site);
  if (siteOption === '') throw new UsageError('subs add: --site has no visible characters');
  if (siteOption === undefined && values['no-check']) throw new UsageError('subs add: --no-check needs --site NAME (the name is otherwise the feed\'s title, read by the check)');
  const timeout = numberOption('subs add', 'timeout', values.timeout, { min: 1, max: 600 });
  const waitS = numberOption('subs add', 'wait', values.wait, { min: 0, max: 3600 });

  // Refuse a duplicate before any network; checked again under the lock before writing.
  refuseDuplicate(readSubsFile(file).entries, (await resolveFeed(input, { check: false })).url, file);
  const feed = await resolveFeed(input, { check: !values['no-check'], ...(timeout ? { timeoutMs: timeout * 1000 } : {}) });
  const site = siteOption ?? (siteName(feed.title ?? '') || new URL(feed.url).hostname);

  const lock = await ArchiveLock.acquire(join(archiveDir, '.samizdat', 'lock.db'), { command: 'subs add', ...(waitS ? { waitMs: waitS * 1000 } : {}) });
  try {
    const subs = readSubsFile(file);
    refuseDuplicate(subs.entries, feed.url, file);
    await saveSubscriptions(subs, [...subs.entries, { site, url: feed.url }]);
  } finally {
    lock.release();
  }
  log.info(`added ${JSON.stringify(site)} ${feed.url}${describe(feed, input)} to ${file}`);
  return 0;
}

async function remove(archiveDir: string, target: string, values: Values, log: Logger): Promise<number> {
  requireFolder(archiveDir, 'subs rm');
  const file = join(archiveDir, 'subs.json');
  if (!existsSync(file)) throw new UsageError(`subs rm: ${file}: not found`);
  const waitS = numberOption('subs rm', 'wait', values.wait, { min: 0, max: 3600 });
  const lock = await ArchiveLock.acquire(join(archiveDir, '.samizdat', 'lock.db'), { command: 'subs rm', ...(waitS ? { waitMs: waitS * 1000 } : {}) });
  let removed: SubsEntry;
  try {
    const subs = readSubsFile(file);
    const index = findEntryToRemove(subs.entries, target, file);
    removed = subs.entries[index]!;
    await saveSubscriptions(subs, subs.entries.filter((_, i) => i !== index));
  } finally {
    lock.release();
  }
  // Its posts stay in _posts/ and its state in the index; only future fetches stop.
  log.info(`removed ${JSON.stringify(removed.site)} ${String(removed.url)} from ${file} (its posts stay in _posts/)`);
  return 0;
}

function exportOpml(archiveDir: string, log: Logger): number {
  const { subs, warnings } = loadSubscriptions(join(archiveDir, 'subs.json'));
  for (const w of warnings) log.warn(w);
  const title = loadSiteConfig(join(archiveDir, '_config.yml')).title ?? 'samizdat';
  log.out(formatOpml(subs, `${title} subscriptions`));
  return 0;
}

async function importOpml(archiveDir: string, opmlFile: string, values: Values, log: Logger): Promise<number> {
  requireFolder(archiveDir, 'subs import');
  let text: string;
  try {
    text = readFileSync(opmlFile, 'utf8');
  } catch (err) {
    throw new UsageError(`subs import: ${opmlFile}: cannot read (${(err as NodeJS.ErrnoException).code})`);
  }
  const opml = parseOpml(text, opmlFile);
  for (const s of opml.skipped) log.warn(`${opmlFile}: skipped ${s}`);
  const file = join(archiveDir, 'subs.json');
  const waitS = numberOption('subs import', 'wait', values.wait, { min: 0, max: 3600 });
  const lock = await ArchiveLock.acquire(join(archiveDir, '.samizdat', 'lock.db'), { command: 'subs import', ...(waitS ? { waitMs: waitS * 1000 } : {}) });
  let merged: ReturnType<typeof mergeFeeds>;
  try {
    const subs = readSubsFile(file);
    merged = mergeFeeds(subs.entries, opml.feeds.map((f) => ({ site: siteName(f.site) || new URL(f.url).hostname, url: f.url })));
    if (merged.added.length) await saveSubscriptions(subs, merged.entries);
  } finally {
    lock.release();
  }
  for (const d of merged.duplicates) log.info(`already subscribed: ${JSON.stringify(d.site)} ${d.url} (as ${JSON.stringify(d.existing.site)})`);
  log.info(`imported ${merged.added.length} feed${merged.added.length === 1 ? '' : 's'} from ${opmlFile} into ${file}; ${merged.duplicates.length} already subscribed, ${opml.skipped.length} unusable`);
  return 0;
}

function refuseDuplicate(entries: readonly SubsEntry[], url: string, file: string): void {
  const dup = findDuplicate(entries, url);
  if (dup) throw new UsageError(`subs add: ${url} is already in ${file} as ${JSON.stringify(dup.site)} (${String(dup.url)})`, 'duplicate');
}

function requireFolder(dir: string, command: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${command}: ${dir} is not a folder (samizdat init DIR creates a mirror)`);
}

/** Same cleaning as loadSubscriptions applies to "site": one line, no control characters, capped. */
function siteName(raw: string): string {
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Cs}/gu, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(clean).slice(0, 200).join('');
}

function describe(feed: ResolvedFeed, input: string): string {
  const how = feed.via === 'page' ? `, found on ${input}` : feed.via === 'youtube' ? ', converted from the YouTube URL' : '';
  const checked = feed.format ? ` (${feed.format}, ${feed.items} item${feed.items === 1 ? '' : 's'}${how})` : ` (not checked${how})`;
  return checked;
}
