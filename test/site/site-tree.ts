import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MARK_FILE } from '../../src/site/output-mark.js';

/**
 * Every file of a built site, by relative path, to compare two builds of the same posts. Left
 * out: the search index's own files (an incremental build lays out its segments differently, by
 * design) and the build's mark (an id per build).
 */
export function siteTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, e.name);
      const rel = relative(dir, abs);
      if (e.isDirectory()) walk(abs);
      else if (!/^search\/(?!index\.html$)/.test(rel) && rel !== MARK_FILE) out.set(rel, readFileSync(abs, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** The files only one side has or that differ, one line each (empty when the sites are the same). */
export function siteDiff(got: Map<string, string>, want: Map<string, string>, names = ['got', 'want']): string[] {
  const out: string[] = [];
  for (const [k, v] of got) if (!want.has(k)) out.push(`only ${names[0]}: ${k}`); else if (want.get(k) !== v) out.push(`differs: ${k}`);
  for (const k of want.keys()) if (!got.has(k)) out.push(`only ${names[1]}: ${k}`);
  return out;
}
