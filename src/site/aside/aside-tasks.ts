import { renderFeedFiles } from '../feeds/render-feed-files.js';
import { gzipTexts } from '../search/build-search-index.js';

/**
 * Work whose files may be made and written on a helper thread while the build goes on (see
 * SiteOutput.writeAside): each task turns its input into the contents of its files, in order.
 * A task is named, not passed: the helper thread imports this table.
 */
export const ASIDE_TASKS = {
  feedFiles: renderFeedFiles,
  searchTexts: gzipTexts,
} satisfies Record<string, (input: never) => readonly (string | Uint8Array)[]>;

export type AsideTaskName = keyof typeof ASIDE_TASKS;
export type AsideInput<K extends AsideTaskName> = Parameters<(typeof ASIDE_TASKS)[K]>[0];

/** The contents a task makes, one per file. */
export function runAsideTask<K extends AsideTaskName>(name: K, input: AsideInput<K>): readonly (string | Uint8Array)[] {
  return (ASIDE_TASKS[name] as (input: AsideInput<K>) => readonly (string | Uint8Array)[])(input);
}
