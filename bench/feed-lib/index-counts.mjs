// Every feed of fixtures/feeds/INDEX.json must parse with the item count INDEX.json gives
// (counted by a quick parse when the fixtures were collected), or carry a documented reason.
import { readFileSync } from 'node:fs';
import { decodeBytes } from './decode-bytes.mjs';
import { KNOWN_COUNT_DIFFERENCES } from './index-known.mjs';

export function checkIndexCounts(feedsDir, parseFeed) {
  const index = JSON.parse(readFileSync(`${feedsDir}INDEX.json`, 'utf8'));
  let same = 0;
  const explained = [];
  const unexplained = [];
  for (const entry of index) {
    const declared = entry.encoding?.bom ? undefined : entry.encoding?.declared;
    const bytes = readFileSync(feedsDir + entry.file);
    const { text } = decodeBytes(bytes, declared && declared !== 'invalid' ? `text/xml; charset=${declared}` : undefined);
    let got;
    let error;
    try {
      got = parseFeed(text, `http://fixtures.invalid/${entry.file}`).items.length;
    } catch (err) {
      error = err;
      got = 0;
    }
    const notAFeed = entry.format === 'not recognised as a feed';
    if (got === entry.items && (error === undefined || notAFeed)) {
      same++;
      continue;
    }
    const row = { file: entry.file, want: entry.items, got, error: error?.message };
    const reason = KNOWN_COUNT_DIFFERENCES[entry.file];
    (reason ? explained : unexplained).push({ ...row, reason });
  }
  console.log(`fixtures/feeds/INDEX.json item counts: ${same}/${index.length} match` +
    `, ${explained.length} differ for documented reasons, ${unexplained.length} unexplained`);
  for (const r of explained) console.log(`  documented: ${r.file}: want ${r.want}, got ${r.got}${r.error ? ` (${r.error})` : ''} — ${r.reason}`);
  for (const r of unexplained) console.log(`  UNEXPLAINED: ${r.file}: want ${r.want}, got ${r.got}${r.error ? ` (${r.error})` : ''}`);
}
