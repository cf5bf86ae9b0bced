// The bench's table: one block per archive size (each tool's full build, then samizdat's
// incremental builds), ratios against samizdat, and the targets of DESIGN.md §7.
import { median } from './measure.mjs';

const s = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '–');
const mb = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');

const COLS = `${'posts'.padStart(7)}  ${'build'.padEnd(22)} ${'wall s'.padStart(8)} ${'CPU s'.padStart(8)} ${'pages'.padStart(8)} ${'pages/s'.padStart(8)} ${'peak RSS MB'.padStart(12)}  notes`;

function row(n, label, r, note = '') {
  if (!r.ok) return `${String(n).padStart(7)}  ${label.padEnd(22)} ${r.note ?? 'failed'}`;
  const pps = r.pages && r.ms ? Math.round(r.pages / (r.ms / 1000)) : NaN;
  return `${String(n).padStart(7)}  ${label.padEnd(22)} ${s(r.ms).padStart(8)} ${s(r.cpuMs).padStart(8)} ${String(r.pages ?? '–').padStart(8)} ${String(Number.isFinite(pps) ? pps : '–').padStart(8)} ${mb(r.maxRssMb).padStart(12)}  ${note}`;
}

const areaText = (areas) => areas.slice(0, 8).map(([a, k]) => `${a} ${k}`).join(', ') + (areas.length > 8 ? ', …' : '');
const times = (a, b) => (b > a ? `samizdat ${(b / a).toFixed(2)}× faster` : `samizdat ${(a / b).toFixed(2)}× SLOWER`);

/** Prints the table for all sizes; returns the target lines (strings) for the summary. */
export function printReport(results, v) {
  console.log(`\nFull builds (into a new output folder; samizdat's site cache deleted too) — node ${v.node}, Hugo ${v.hugo ?? 'absent'}, Jekyll ${v.jekyll ?? 'absent'}`);
  console.log(COLS);
  for (const r of results) {
    const sam = r.samizdat;
    console.log(row(r.n, 'samizdat', sam, sam.ok ? `${sam.pages - r.n} list pages; ${sam.report.written} files written, ${sam.report.skipped.length} posts skipped` : ''));
    if (sam.areas) console.log(`${''.padStart(33)}files: ${areaText(sam.areas)}`);
    if (r.hugo) {
      const label = r.hugo.cachedAt ? `Hugo (cached ${r.hugo.cachedAt.slice(0, 10)})` : 'Hugo';
      const note = r.hugo.ok && sam.ok ? `${r.hugo.pages - r.n} list pages; ${times(sam.ms, r.hugo.ms)} (wall), Hugo CPU ${(r.hugo.cpuMs / sam.cpuMs).toFixed(2)}× and RSS ${(r.hugo.maxRssMb / sam.maxRssMb).toFixed(1)}× samizdat's` : '';
      console.log(row(r.n, label, r.hugo, note));
      if (r.rounds) {
        const ratios = r.rounds.map((x) => (x.samizdatMs / x.hugoMs).toFixed(2));
        console.log(`${''.padStart(33)}medians of ${r.rounds.length} alternating rounds; samizdat/Hugo wall per round: ${ratios.join(', ')}`);
      }
    }
    if (r.jekyll) {
      const note = r.jekyll.ok && sam.ok ? `${r.jekyll.pages - r.n} list pages (home only); ${times(sam.ms, r.jekyll.ms)} (wall)` : '';
      console.log(row(r.n, 'Jekyll', r.jekyll, note));
    } else if (r.jekyllSkipped) console.log(`${String(r.n).padStart(7)}  ${'Jekyll'.padEnd(22)} not run: ${r.jekyllSkipped}`);
    for (const inc of r.incremental ?? []) {
      const rep = inc.run.report;
      const x = r.hugo?.ok && inc.run.ok ? r.hugo.ms / inc.run.ms : NaN;
      const vsHugo = Number.isFinite(x) ? `; Hugo has no incremental build: its full build is ${x.toFixed(x < 10 ? 2 : 0)}× this` : '';
      const note = inc.run.ok ? `${rep.written} written, ${rep.unchanged} unchanged, ${rep.removed} removed, ${rep.read} posts read${vsHugo}` : '';
      console.log(row(r.n, inc.label, { ...inc.run, pages: rep?.written ?? NaN }, note));
      if (inc.run.areas?.length) console.log(`${''.padStart(33)}rewritten: ${areaText(inc.run.areas)}`);
    }
  }
  console.log('(pages = .html files in the output, or files written for incremental builds; pages/s = pages / wall s; wall includes start-up)');
  return targets(results);
}

function targets(results) {
  const lines = [];
  for (const r of results) {
    if (r.hugo?.ok && r.samizdat.ok) lines.push([`faster than Hugo, full build of ${r.n}: ${s(r.samizdat.ms)} s vs ${s(r.hugo.ms)} s`, r.samizdat.ms < r.hugo.ms]);
  }
  const big = results.filter((r) => r.n >= 100_000 && r.samizdat.ok);
  for (const r of big) lines.push([`peak RSS < 1.5 GB at ${r.n}: ${mb(r.samizdat.maxRssMb)} MB`, r.samizdat.maxRssMb < 1536]);
  for (const r of big) {
    const incs = (r.incremental ?? []).filter((i) => i.kind === 'add' && i.run.ok);
    const first = r.incremental?.find((i) => i.kind === 'add-first');
    const then = first?.run.ok ? `; the first after the full build: ${s(first.run.ms)} s` : '';
    if (incs.length) {
      const ms = median(incs.map((i) => i.run)).ms;
      const each = incs.length > 1 ? `median of ${incs.length} builds (${incs.map((i) => s(i.run.ms)).join(', ')} s)` : `${s(ms)} s`;
      lines.push([`incremental +${incs[0].count} posts < 2 s at ${r.n}: ${incs.length > 1 ? `${s(ms)} s, ` : ''}${each} (${incs[0].run.report.written} files written)${then}`, ms < 2000]);
    }
  }
  if (!big.length) lines.push(['peak RSS and incremental targets are set at 100,000 posts: run with --posts 100000', null]);
  console.log('\nTargets (DESIGN.md §7):');
  for (const [text, ok] of lines) console.log(`  ${ok === null ? '  – ' : ok ? ' met ' : 'MISSED'} ${text}`);
  return lines;
}

export function printProfile(title, p, run) {
  const written = run.report ? `, ${run.report.written} files written, ${run.report.read} posts read` : '';
  console.log(`\n${title} (${s(run.ms)} s wall under the profiler${written}; ${(p.totalMs / 1000).toFixed(2)} s sampled on the main thread)`);
  const list = (head, entries) => {
    console.log(head);
    for (const e of entries) console.log(`  ${(e.ms / 1000).toFixed(2).padStart(6)} s ${((100 * e.ms) / p.totalMs).toFixed(1).padStart(5)}%  ${e.name}`);
  };
  list('self time by area:', p.areas);
  list('self time by samizdat file:', p.files.slice(0, 12));
  list('time by innermost samizdat function on the stack (libraries and natives it calls included; idle and GC left out):', p.callers);
  list('top functions by self time:', p.functions);
}
