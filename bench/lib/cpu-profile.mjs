// Summarizes a V8 .cpuprofile (node --cpu-prof) for the benchmarks: self time per function, per
// samizdat source file (dist/site/search/keys.js…), and per area (a node_modules package,
// a Node internal module, native fs calls, GC, idle).
import { readFileSync } from 'node:fs';

/**
 * `callers`: each sample's time goes to the innermost samizdat function on its stack, so a
 * library's time (yaml, htmlparser2) shows under the samizdat code that called it.
 * @returns {{ totalMs: number, functions: Entry[], files: Entry[], areas: Entry[], callers: Entry[] }} with Entry = { name, ms }
 */
export function summarizeProfile(file, top = 20) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    self.set(id, (self.get(id) ?? 0) + dt);
  });
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const callerMemo = new Map();
  const callerOf = (id) => {
    if (callerMemo.has(id)) return callerMemo.get(id);
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const short = shortUrl(url);
    const up = parent.get(id);
    const c = short.startsWith('dist/') ? `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}` : up === undefined ? '(no samizdat frame)' : callerOf(up);
    callerMemo.set(id, c);
    return c;
  };
  const callers = new Map();
  const fns = new Map();
  const files = new Map();
  const areas = new Map();
  const add = (m, k, ms) => m.set(k, (m.get(k) ?? 0) + ms);
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const short = shortUrl(url);
    add(fns, `${functionName || '(anonymous)'}${short ? ` ${short}:${lineNumber + 1}` : ''}`, ms);
    add(areas, areaOf(functionName, url), ms);
    if (short.startsWith('dist/')) add(files, short, ms);
    if (!functionName.startsWith('(')) add(callers, callerOf(id), ms);
  }
  const sorted = (m) => [...m].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, top);
  return { totalMs: total, functions: sorted(fns), files: sorted(files), areas: sorted(areas), callers: sorted(callers) };
}

function shortUrl(url) {
  if (!url) return '';
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('/node_modules/');
  if (nm >= 0) return u.slice(nm + 14);
  const dist = u.lastIndexOf('/dist/');
  if (dist >= 0) return u.slice(dist + 1);
  return u;
}

function areaOf(fn, url) {
  if (!url) return fn.startsWith('(') ? fn : `native ${fn || '(anonymous)'}`;
  const u = url.replace(/^file:\/\//, '');
  const nm = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (nm) return `pkg ${nm[1]}`;
  const dist = /\/dist\/(.+)\/[^/]+$/.exec(u);
  if (dist) return `samizdat ${dist[1]}/`;
  if (u.startsWith('node:')) return `node ${u.slice(5).split('/')[0]}`;
  return u;
}
