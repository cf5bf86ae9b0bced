import type { Post } from '../model/index.js';
import type { AsideInput, AsideJobInput, AsideJobName, AsideJobResult, AsideTaskName } from './aside/aside-tasks.js';
import type { SiteInfo } from './theme/site-info.js';

/** A post as the site sees it: everything but the content, which stays on disk until a page needs it. */
export interface SitePost {
  /** Relative to the archive root (`_posts/…`). */
  readonly file: string;
  readonly post: Omit<Post, 'content'>;
  /** As Jekyll writes it to disk: Unicode, not percent-encoded, e.g. `/2014-04-18/标题/`. */
  readonly url: string;
  /** The output file, relative to the output folder (`2014-04-18/标题/index.html`). */
  readonly outPath: string;
  /** Follows the post file's bytes (see postDigest): part of the signature of every page that shows the post. */
  readonly digest: string;
  /** Old URLs of this post (front matter `redirect_from`), each given a page that leads here. */
  readonly redirectFrom?: readonly string[];
}

/** Settings every generator may need (from `_config.yml`, with defaults applied). */
export interface SiteSettings extends SiteInfo {
  /** Posts per list page. */
  readonly paginate: number;
  /** `_config.yml` `url` + `baseurl` when set: absolute links in feeds and the sitemap; '' when unknown. */
  readonly absoluteBase: string;
}

/**
 * What changed since the last build into the same output, when the build can tell: generators
 * may then leave pages that none of these posts appear on as they were, without checking them.
 */
export interface SiteChanges {
  /** Files of posts added or changed. */
  readonly files: ReadonlySet<string>;
  /** The posts of `posts` whose file is in `files`. */
  readonly now: readonly SitePost[];
  /** The changed and removed posts as the last build showed them. */
  readonly before: readonly SitePost[];
}

/** What the generators build from. */
export interface SiteModel {
  /** Newest first, one per URL, with no URL taken by a page of the site. */
  readonly posts: readonly SitePost[];
  /** Absent when every page is to be checked (a first or full build, a new theme or configuration). */
  readonly changes?: SiteChanges;
  readonly settings: SiteSettings;
  /** The archive (for files beside the posts, such as `about.md`); absent in in-memory models. */
  readonly archiveDir?: string;
  /** The post's content for a page: sanitized again, presentation attributes added. Reads the post file. */
  html(p: SitePost): Promise<string>;
  /** The post's content as plain text (search, summaries). Reads the post file. */
  text(p: SitePost): Promise<string>;
  /** Posts whose pages are rendered before the others: another thread waits for their content (see Generator.presented). */
  readonly first?: ReadonlySet<SitePost>;
  /** The post pages to render are those this queue hands out, shared with another thread (see shared-pages.ts). */
  readonly pageQueue?: PageQueue;
}

/** Post pages handed out one at a time: `[place in the queue, post]`, undefined once none is left. */
export interface PageQueue {
  next(): readonly [number, SitePost] | undefined;
  /** The page was made (`html`: its content; undefined: it was fresh, not rendered). */
  made(page: readonly [number, SitePost], html: string | undefined): void;
}

/**
 * Where generators put files. Incremental builds: a file written from the same inputs as in
 * the last build is left alone. A generator that can name its inputs cheaply (a post page:
 * the post's digest, its neighbours, the theme) passes a `signature` and asks `isFresh`
 * before rendering; otherwise the signature is the content's hash and only the write is saved.
 * Files of the last build that no generator writes or keeps again are deleted at the end (but
 * not those in folders a generator claimed: it deletes its own).
 */
export interface SiteOutput {
  /** Writes a file atomically; `rel` is relative to the output folder, '/'-separated. */
  write(rel: string, data: string | Uint8Array, signature?: string): Promise<void>;
  /**
   * Writes the files task `name` makes from `input` (see ASIDE_TASKS), each with its signature,
   * on a helper thread when the build has an idle one, while the generator goes on: the build
   * waits for them before it completes, and fails if they do. The promise says when they are
   * done, written or not (a generator that hands over much waits for it: memory stays bounded).
   */
  writeAside<K extends AsideTaskName>(files: readonly { rel: string; sig: string }[], name: K, input: AsideInput<K>): Promise<void>;
  /**
   * Runs job `name` (see ASIDE_JOBS), on the helper thread when the build has one, else here
   * (then it is done on return): the job writes files of its own under `folder`, a folder the
   * generator claimed. Fails as the job did, in one line naming the file it could not write.
   */
  runAside<K extends AsideJobName>(folder: string, name: K, input: Omit<AsideJobInput<K>, 'folder'>): Promise<AsideJobResult<K>>;
  /** True (and the file is kept) when `rel` was written from inputs with this signature last time. */
  isFresh(rel: string, signature: string): boolean;
  /**
   * Keeps `rel` as the last build wrote it, unchecked (the generator knows its inputs did not
   * change: see SiteModel.changes). False when the last build did not write it: write it then.
   */
  keep(rel: string): boolean;
  /** Files written or kept so far in this build, in order (the sitemap lists them). */
  files(): Iterable<string>;
  /** Reports a post left out of some output: `file: reason`. */
  skip(line: string): void;
  /** A note for the build report (e.g. why no sitemap was written). */
  warn(line: string): void;
  /**
   * What a generator remembered in the last build (e.g. the layout of the search index it
   * extends); undefined when the last build's output is gone or a full build is asked for.
   */
  recall(key: string): string | undefined;
  /** Remembers `value` for the next build; saved when this build completes. */
  remember(key: string, value: string): void;
  /**
   * Hands every file under `prefix` (a folder, ending in '/') to the generator: they are
   * written without being recorded, and the build neither keeps nor deletes them — the
   * generator knows which exist (e.g. the search index's text files, one per passage).
   */
  claim(prefix: string): void;
  /** Deletes a file, or a folder when `rel` ends in '/', under a claimed prefix. */
  remove(rel: string): void;
  /** Counts `files` under a claimed prefix as left as they were (for the build report). */
  kept(files: number): void;
  /**
   * A piece of output kept between builds under `key`, made by `make` when the key is new (the
   * key names everything it is made from): e.g. a post's content as the feeds carry it, which
   * most feeds rewritten in a build already carried.
   */
  memo(key: string, make: () => Promise<string>): Promise<string>;
}

/** One kind of output (post pages, list pages, feeds, search…). */
export interface Generator {
  readonly name: string;
  /** Output paths (or prefixes ending in '/') this generator owns; a post URL there is refused. */
  readonly reserved?: (path: string) => boolean;
  /**
   * May run on a worker thread while the others run: it reads only the model and the post
   * files, writes only files of its own, and remembers nothing.
   */
  readonly alongside?: boolean;
  /** The files it may write, when known up front: a worker thread then gets only their records. */
  readonly outputs?: (model: SiteModel) => Iterable<string>;
  /** Lists the files of the build (the sitemap): runs after every generator before it has finished. */
  readonly listsFiles?: boolean;
  /**
   * Posts whose content as pages show it (model.html) the generator reads through `out.memo`,
   * under `key(p)`. When post pages are rendered on a worker thread, it renders these first
   * and hands their content over as memos, and this generator runs after the other pages
   * (before the sitemap; see runOrder): the content is made once per build, not once per thread.
   */
  readonly presented?: {
    posts(model: SiteModel): Iterable<SitePost>;
    key(p: SitePost): string;
  };
  /**
   * Reads every post's text (model.text) in this build, oldest first (the search index started
   * afresh). When post pages are rendered on a worker thread, both threads then share them, oldest
   * first, and each page's text goes to this generator (see shared-pages.ts).
   */
  readonly readsEveryText?: (model: SiteModel, recall: (key: string) => string | undefined) => boolean;
  generate(model: SiteModel, out: SiteOutput): Promise<void>;
}
