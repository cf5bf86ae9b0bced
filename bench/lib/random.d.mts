// Types of random.mjs, for the TypeScript tests that share it.
export function mulberry32(seed: number): () => number;
export function sampleHanQueries(texts: readonly string[], count: number, seed: number): string[];
