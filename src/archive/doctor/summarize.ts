import type { Diagnosis } from './diagnose-archive.js';
import { KINDS, type Finding, type Kind } from './kinds.js';

export interface KindSummary {
  readonly kind: Kind;
  readonly what: string;
  /** How `doctor --fix` deals with it: rewrite, rename, merge (import --merge-duplicates) or none. */
  readonly fix: string;
  readonly count: number;
  /** Up to `examples` findings, in path order. */
  readonly examples: ReadonlyArray<{ readonly path: string; readonly detail: string }>;
}

/** Findings grouped by kind (in the order of KINDS), with counts and a few example files. */
export function summarize(diagnosis: Diagnosis, examples = 3): KindSummary[] {
  const byKind = new Map<Kind, Finding[]>();
  for (const f of diagnosis.findings) {
    const list = byKind.get(f.kind);
    if (list) list.push(f);
    else byKind.set(f.kind, [f]);
  }
  const out: KindSummary[] = [];
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const list = byKind.get(kind);
    if (!list) continue;
    const sorted = [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    out.push({
      kind, what: KINDS[kind].what, fix: KINDS[kind].fix, count: list.length,
      examples: sorted.slice(0, examples).map((f) => ({ path: f.path, detail: f.detail })),
    });
  }
  return out;
}

/** The human report: one line per kind with its count, then its example files. */
export function reportLines(summary: readonly KindSummary[]): string[] {
  const lines: string[] = [];
  const width = Math.max(0, ...summary.map((s) => s.kind.length));
  for (const s of summary) {
    const how = s.fix === 'none' ? 'not fixed automatically' : s.fix === 'merge' ? 'samizdat import DIR --merge-duplicates' : `--fix ${s.fix}s`;
    lines.push(`  ${s.kind.padEnd(width)}  ${String(s.count).padStart(6)}  ${s.what} [${how}]`);
    for (const e of s.examples) lines.push(`  ${' '.repeat(width)}          ${printable(e.path)}: ${printable(e.detail)}`);
  }
  return lines;
}

/** File names may hold newlines and escape sequences: show them escaped, on one line. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
