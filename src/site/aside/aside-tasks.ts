import { renderFeedFiles } from '../feeds/render-feed-files.js';
import { gzipTexts } from '../search/build-search-index.js';
import { writeClaimedShards } from '../search/shard-work.js';

/**
 * Work whose files may be made and written on a helper thread while the build goes on (see
 * SiteOutput.writeAside): each task turns its input into the contents of its files, in order.
 * A task is named, not passed: the helper thread imports this table.
 */
export const ASIDE_TASKS = {
  feedFiles: renderFeedFiles,
  searchTexts: gzipTexts,
} satisfies Record<string, (input: never) => readonly (string | Uint8Array)[]>;

/**
 * Work that writes files of its own under a `folder` (absolute; which files is the job's to find
 * out) and says what it did, how many files it wrote included (see SiteOutput.runAside).
 */
export const ASIDE_JOBS = {
  searchShards: writeClaimedShards,
} satisfies Record<string, (input: never) => { readonly files: number }>;

export type AsideTaskName = keyof typeof ASIDE_TASKS;
export type AsideInput<K extends AsideTaskName> = Parameters<(typeof ASIDE_TASKS)[K]>[0];
export type AsideJobName = keyof typeof ASIDE_JOBS;
export type AsideJobInput<K extends AsideJobName> = Parameters<(typeof ASIDE_JOBS)[K]>[0];
export type AsideJobResult<K extends AsideJobName> = ReturnType<(typeof ASIDE_JOBS)[K]>;

/** The contents a task makes, one per file. */
export function runAsideTask<K extends AsideTaskName>(name: K, input: AsideInput<K>): readonly (string | Uint8Array)[] {
  return (ASIDE_TASKS[name] as (input: AsideInput<K>) => readonly (string | Uint8Array)[])(input);
}

/** Runs a job (its files written as it goes). */
export function runAsideJob<K extends AsideJobName>(name: K, input: AsideJobInput<K>): AsideJobResult<K> {
  return (ASIDE_JOBS[name] as (input: AsideJobInput<K>) => AsideJobResult<K>)(input);
}

/** The file an error names (`path`: Node's file system errors, a job's, an AsideError), if any. */
export function errorPath(err: unknown): string | undefined {
  const path = (err as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : undefined;
}
