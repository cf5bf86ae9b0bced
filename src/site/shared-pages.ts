import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { SitePost } from './site-model.js';

/**
 * Post pages shared by two threads, and their texts handed to the search index.
 *
 * A build that renders every page and indexes every post (a full build) used to read and parse
 * each post twice: the post-page thread for the page, this thread again for the search text. With
 * the pages in one queue, oldest first (the order a new index numbers posts in), each thread
 * claims the next page from a counter in shared memory, renders it and takes its text from the
 * page's HTML (presentedText). The post-page thread hands its texts over in batches; the search
 * index, waiting for a text, renders the next unclaimed page itself rather than wait: neither
 * thread idles while a page is left.
 */

/** The shared counters: [0] the next page of the queue to claim, [1] texts the index has taken. */
export function sharedCounters(): SharedArrayBuffer {
  return new SharedArrayBuffer(8);
}

/** Claims the next page of a queue of `length`; undefined once every page is claimed. */
export function claimPage(counters: Int32Array, length: number): number | undefined {
  if (Atomics.load(counters, 0) >= length) return undefined;
  const i = Atomics.add(counters, 0, 1);
  return i < length ? i : undefined;
}

/**
 * Texts the post-page thread may run ahead of the index by: beyond this it hands over no text
 * (the index makes that one itself), so at most this many texts (~10 MB on the bench archive) are held however far
 * ahead the thread gets while this one makes the list pages.
 */
const TEXTS_AHEAD = 2048;

/** Whether the post-page thread hands over the text of page `i` (see TEXTS_AHEAD). */
export function handsOverText(counters: Int32Array, i: number): boolean {
  return i - Atomics.load(counters, 1) < TEXTS_AHEAD;
}

/** Page `i` of the queue and its text, or null when the other thread did not make it (the page was fresh, or far ahead). */
export type HandedText = readonly [number, string | null];

/** What the post-page thread hands over on the queue's port: texts, and the content of wanted posts (memo key, content). */
export interface HandedMessage {
  readonly texts: HandedText[];
  readonly presented: Array<[string, string]>;
}

/**
 * This thread's side: texts for the search index, pages rendered here when the other thread has
 * not got to them. The other thread's texts are taken off a port of their own as they are
 * needed (receiveMessageOnPort): the index's loop does not return to the event loop in between.
 */
export class SharedPages {
  /** The port to hand to the other thread (transfer it with the job). */
  readonly otherPort: MessagePort;
  private readonly port: MessagePort;
  private readonly place: Map<SitePost, number>;
  private readonly texts = new Map<number, string | null>();
  private failure: unknown;
  private othersDone = false;

  /**
   * `render(p, wanted)` makes p's page in this thread (unless it is fresh) and gives its text when
   * `wanted`; `fallback(p)` makes a text without the page; `presented` takes the content the other
   * thread handed over.
   */
  constructor(
    readonly queue: readonly SitePost[],
    readonly counters: Int32Array,
    private readonly render: (p: SitePost, wanted: boolean) => Promise<string | null>,
    private readonly fallback: (p: SitePost) => Promise<string>,
    private readonly presented: (content: Array<[string, string]>) => void,
  ) {
    this.place = new Map(queue.map((p, i) => [p, i]));
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.otherPort = channel.port2;
  }

  /** The other thread stopped: whoever waits for its texts fails with `err`. */
  fail(err: unknown): void {
    this.failure ??= err;
  }

  /** The other thread finished: what it handed over is taken, nothing is waited for any more. */
  finished(): void {
    this.receive();
    this.othersDone = true;
  }

  /** The post's text as its page shows it. */
  async text(p: SitePost): Promise<string> {
    const i = this.place.get(p);
    if (i === undefined) return this.fallback(p);
    for (;;) {
      if (!this.texts.has(i)) this.receive();
      if (this.texts.has(i)) {
        const text = this.texts.get(i)!;
        this.texts.delete(i);
        Atomics.add(this.counters, 1, 1);
        return text ?? this.fallback(p);
      }
      if (this.failure !== undefined) throw this.failure;
      const j = claimPage(this.counters, this.queue.length);
      if (j !== undefined) this.texts.set(j, await this.render(this.queue[j]!, true));
      // (A page this thread is still making, when the other is done: made here too rather than waited for.)
      else if (this.othersDone) return this.fallback(p);
      // Every page is claimed: the other thread (or another call here) is making this one.
      else await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /** Renders the pages no thread has claimed yet (their texts are not wanted: the index is done). */
  async drain(): Promise<void> {
    for (let j = claimPage(this.counters, this.queue.length); j !== undefined; j = claimPage(this.counters, this.queue.length)) {
      await this.render(this.queue[j]!, false);
    }
  }

  /** Closes this side's port (once the other thread is done). */
  close(): void {
    this.receive();
    this.port.close();
  }

  private receive(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const handed = m.message as HandedMessage;
      for (const [i, text] of handed.texts) this.texts.set(i, text);
      if (handed.presented.length) this.presented(handed.presented);
    }
  }
}
