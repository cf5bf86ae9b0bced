import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { SamizdatError } from '../model/index.js';
import { errorPath, runAsideJob, runAsideTask, type AsideJobInput } from './aside/aside-tasks.js';
import type { AsideWriter } from './aside/aside-writer.js';
import { contentSignature } from './cache/signature.js';
import type { SiteOutput } from './site-model.js';
import { writeOutputFile } from './staged-output.js';

/**
 * The files the last build wrote, with their signatures. A build that knows its changes looks
 * up the few files it checks one at a time and trusts the record of the many it keeps unchecked.
 */
export interface PreviousOutputs {
  get(rel: string): string | undefined;
  readonly size: number;
  /** Every file with its signature (read whole on first use). */
  entries(): ReadonlyMap<string, string>;
  /** Files kept unchecked are not looked up: the last build wrote them. */
  readonly trusted: boolean;
}

/** The last build's files from a map (or none). */
export function previousOutputs(files: ReadonlyMap<string, string> = new Map()): PreviousOutputs {
  return { get: (rel) => files.get(rel), size: files.size, entries: () => files, trusted: false };
}

/** Pieces of output kept between builds (SiteOutput.memo): looked up by key, new ones saved with the build. */
export interface MemoStore {
  get(key: string): string | undefined;
  put(key: string, value: string): void;
}

/** A MemoStore that keeps its new pieces between builds: each `save` writes what came since the last. */
export interface KeptMemos extends MemoStore {
  save(): void;
}

/** What a build's output recorded: the files written or kept, with their signatures, and the rest of its report. */
export interface OutputRecord {
  /** Files written or kept in this build → their signature, in the order they came. */
  readonly current: Map<string, string>;
  /**
   * Files kept unchecked, their last signature trusted (see PreviousOutputs.trusted); not in
   * `current`: a generator keeps a file or checks and writes it, never both. A list, not a set:
   * an hourly build at 100k posts keeps 100k pages, and hashing them cost more than the rest of
   * their keeping.
   */
  readonly kept: string[];
  readonly memory: Map<string, string>;
  readonly skipped: string[];
  readonly warnings: string[];
  /** Prefixes whose files generators manage themselves (SiteOutput.claim). */
  readonly claimed: string[];
  written: number;
  unchanged: number;
  removed: number;
}

export function emptyRecord(): OutputRecord {
  return { current: new Map(), kept: [], memory: new Map(), skipped: [], warnings: [], claimed: [], written: 0, unchanged: 0, removed: 0 };
}

export function isClaimed(record: OutputRecord, rel: string): boolean {
  return record.claimed.some((prefix) => rel.startsWith(prefix));
}

/**
 * The SiteOutput of a build into `outRoot`: `previous` holds the signatures of the last build's
 * files (empty for a full build), `recalled` what generators remembered then. Used by the main
 * thread and by the worker that renders post pages alongside (site-worker.ts). With `aside`,
 * writeAside's files are made on its thread; `settled` waits for them (and fails as they did).
 */
export function createSiteOutput(
  outRoot: string, previous: PreviousOutputs, recalled: ReadonlyMap<string, string>, record: OutputRecord,
  onWritten?: (written: number) => void, memos?: MemoStore, aside?: AsideWriter,
): SiteOutput & { settled(): Promise<void> } {
  const madeDirs = new Set<string>();
  const pending: Promise<void>[] = [];
  /** Awaited by settled(), which fails as `p` did; the promise returned only says when `p` is done. */
  const later = (p: Promise<void>): Promise<void> => {
    pending.push(p);
    return p.then(() => undefined, () => undefined);
  };
  const inside = (rel: string): string => {
    const abs = resolve(outRoot, rel);
    // Paths come from post titles: whatever a template does, nothing leaves the output folder.
    if (!abs.startsWith(outRoot + sep)) throw new SamizdatError('site', 'bad-path', `build: output path ${rel} leaves ${outRoot}`);
    return abs;
  };
  return {
    files: () => (previous.trusted ? keptAndCurrent(previous, record) : record.current.keys()),
    skip: (line) => void record.skipped.push(line),
    warn: (line) => void record.warnings.push(line),
    recall: (key) => recalled.get(key),
    remember: (key, value) => void record.memory.set(key, value),
    claim: (prefix) => void record.claimed.push(prefix),
    kept: (files) => void (record.unchanged += files),
    async memo(key, make) {
      const known = memos?.get(key);
      if (known !== undefined) return known;
      const value = await make();
      memos?.put(key, value);
      return value;
    },
    remove(rel) {
      if (!isClaimed(record, rel)) throw new SamizdatError('site', 'internal', `build: ${rel} is not in a claimed folder`);
      const abs = inside(rel);
      if (!existsSync(abs)) return;
      rmSync(abs, { recursive: rel.endsWith('/'), force: true });
      record.removed++;
    },
    keep(rel) {
      if (previous.trusted) {
        record.kept.push(rel);
        record.unchanged++;
        return true;
      }
      const sig = previous.get(rel);
      if (sig === undefined) return false;
      record.current.set(rel, sig);
      record.unchanged++;
      return true;
    },
    isFresh(rel, sig) {
      if (previous.get(rel) !== sig) return false;
      record.current.set(rel, sig);
      record.unchanged++;
      return true;
    },
    async write(rel, data, sig) {
      const abs = inside(rel);
      if (!isClaimed(record, rel)) {
        const s = sig ?? contentSignature(data);
        record.current.set(rel, s);
        if (!sig && previous.get(rel) === s) {
          record.unchanged++;
          return;
        }
      }
      try {
        // Most pages sit in a folder of their own: create it up front rather than after a failed open.
        const dir = dirname(abs);
        if (!madeDirs.has(dir)) {
          mkdirSync(dir, { recursive: true });
          madeDirs.add(dir);
        }
        writeOutputFile(abs, data);
      } catch (err) {
        throw new SamizdatError('site', 'write', `build: cannot write ${abs} (${(err as Error).message.split('\n')[0]})`, { cause: err });
      }
      record.written++;
      onWritten?.(record.written);
    },
    writeAside(files, name, input) {
      if (!aside) {
        const data = runAsideTask(name, input);
        return later(Promise.all(files.map(({ rel, sig }, i) => this.write(rel, data[i]!, sig))).then(() => undefined));
      }
      const paths = files.map(({ rel, sig }) => {
        if (!isClaimed(record, rel)) record.current.set(rel, sig);
        return inside(rel);
      });
      return later(aside.run(name, input, paths).then(
        () => {
          record.written += files.length;
          onWritten?.(record.written);
        },
        (err: unknown) => {
          // The file that failed, or (the task itself failed, the thread stopped) the task's first and a count: one line either way.
          throw cannotWrite(err, `${paths[0]}${paths.length > 1 ? ` and ${paths.length - 1} more files` : ''}`);
        },
      ));
    },
    async runAside(folder, name, input) {
      if (!isClaimed(record, folder)) throw new SamizdatError('site', 'internal', `build: ${folder} is not a claimed folder`);
      const job = { ...input, folder: inside(folder) } as AsideJobInput<typeof name>;
      let result;
      try {
        result = aside ? await aside.job(name, job) : runAsideJob(name, job);
      } catch (err) {
        throw cannotWrite(err, `files in ${job.folder}`);
      }
      record.written += result.files;
      onWritten?.(record.written);
      return result;
    },
    async settled() {
      while (pending.length) await Promise.all(pending.splice(0));
    },
  };
}

/** A file a helper thread (or a job) could not write, or `what` it was making: one line. */
function cannotWrite(err: unknown, what: string): SamizdatError {
  const message = (err as Error).message.split('\n')[0];
  return new SamizdatError('site', 'write', `build: cannot write ${errorPath(err) ?? what} (${message})`, { cause: err });
}

/** The files of a build that kept some unchecked: in the last build's order, then the new ones. */
function* keptAndCurrent(previous: PreviousOutputs, record: OutputRecord): Iterable<string> {
  const kept = new Set(record.kept);
  for (const rel of previous.entries().keys()) if (kept.has(rel) && !record.current.has(rel)) yield rel;
  yield* record.current.keys();
}

/** Files of the last build that this one neither wrote nor kept: every recorded file is looked at only when the counts say some are. */
export function staleFiles(previous: PreviousOutputs, stored: PreviousOutputs, record: OutputRecord): string[] {
  if (previous === stored && previous.trusted) {
    let accounted = record.kept.length;
    for (const rel of record.current.keys()) if (previous.get(rel) !== undefined) accounted++;
    if (accounted === previous.size) return [];
  }
  const kept = new Set(record.kept);
  const out: string[] = [];
  for (const rel of stored.entries().keys()) if (!record.current.has(rel) && !kept.has(rel)) out.push(rel);
  return out;
}
