/** A small seeded PRNG (mulberry32): benchmarks and tests generate the same data on every run. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` queries of 2–6 Han characters cut from the texts (bench:search and the search tests):
 * a random text, a random run of Han characters in it (raw text, nothing folded), a random
 * substring of it. Fewer when the texts hold too few runs.
 */
export function sampleHanQueries(texts, count, seed) {
  const next = mulberry32(seed);
  const out = [];
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const runs = texts[Math.floor(next() * texts.length)].match(/\p{sc=Han}{2,}/gu) ?? [];
    if (!runs.length) continue;
    const run = Array.from(runs[Math.floor(next() * runs.length)]);
    const length = Math.min(run.length, 2 + Math.floor(next() * 5));
    const start = Math.floor(next() * (run.length - length + 1));
    out.push(run.slice(start, start + length).join(''));
  }
  return out;
}
