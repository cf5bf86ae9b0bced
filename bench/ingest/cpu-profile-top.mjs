// Summarizes a V8 .cpuprofile (node --cpu-prof): self time per function and per area
// (samizdat's stage folder under dist/, a node_modules package, Node internals, GC, idle).
import { readFileSync } from 'node:fs';

/** @returns {{ totalMs: number, functions: Array<{ name: string, ms: number }>, areas: Array<{ name: string, ms: number }> }} */
export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    self.set(id, (self.get(id) ?? 0) + dt);
  });
  const fns = new Map();
  const areas = new Map();
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + ms);
    const area = areaOf(functionName, url);
    areas.set(area, (areas.get(area) ?? 0) + ms);
  }
  const sorted = (m) => [...m].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs: total, functions: sorted(fns).slice(0, top), areas: sorted(areas).slice(0, top) };
}

function shortUrl(url) {
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('/node_modules/');
  if (nm >= 0) return u.slice(nm + 14);
  const dist = u.lastIndexOf('/dist/');
  if (dist >= 0) return u.slice(dist + 1);
  return u;
}

function areaOf(fn, url) {
  if (!url) return fn.startsWith('(') ? fn : `(native) ${fn}`;
  const u = url.replace(/^file:\/\//, '');
  const nm = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (nm) return `pkg ${nm[1]}`;
  const dist = /\/dist\/([^/]+)\//.exec(u);
  if (dist) return `samizdat ${dist[1]}/`;
  if (u.startsWith('node:')) return `node ${u.slice(5).split('/')[0]}`;
  return u;
}
