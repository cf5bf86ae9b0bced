import { Document, Text, isText } from '../vendor/domhandler.js';
import type { ChildNode, ParentNode } from '../vendor/domhandler.js';
import { FeedElement, RawText } from './feed-node.js';
import type { KeyInfo } from './feed-node.js';
import { elementKey, ROOT_SCOPE } from './namespaces.js';
import type { NsScope } from './namespaces.js';
import { wantedChildren } from './wanted-elements.js';

/** Containers whose whitespace-only text is layout, not content: not kept. */
const STRUCTURAL = new Set(['rss', 'channel', 'item', 'feed', 'entry', 'rdf:rdf', 'author', 'media:group', 'image']);

/** Elements that hold text only in RSS and Atom: a new one opening inside means the old was never closed. */
const LEAVES = new Set([
  'title', 'link', 'description', 'pubdate', 'guid', 'author', 'category', 'comments', 'id',
  'published', 'updated', 'summary', 'content:encoded', 'dc:creator', 'dc:date', 'dc:subject',
]);
const CONTAINERS = new Set(['item', 'entry', 'channel', 'feed']);

type KeyCache = Map<string, KeyInfo>;

function keyInfo(name: string, scope: NsScope): KeyInfo {
  const { key, ns } = elementKey(name, scope);
  return {
    key, ns, leaf: LEAVES.has(key), container: CONTAINERS.has(key), structural: STRUCTURAL.has(key),
    wanted: wantedChildren(key),
  };
}

/**
 * Builds the DOM from htmlparser2 events (xmlMode: fast and lenient). Beyond htmlparser2's
 * own recovery (unclosed tags are closed by the parent's end tag or at EOF), it recovers
 * two kinds of damage seen in real feeds: an `<item>`/`<entry>` opened while the previous
 * one is still open, and a text-only field (`<title>`, `<link>` …) left unclosed before
 * the next field. Comments and PIs are dropped.
 */
export class FeedDomBuilder {
  readonly root = new Document([]);
  // The open elements, with the namespace scope and key cache in effect in each (parallel
  // arrays: no allocation per element).
  private readonly stack: FeedElement[] = [];
  private readonly scopes: NsScope[] = [];
  private readonly caches: KeyCache[] = [];
  /** Elements we closed early; htmlparser2 still reports their end later, to be ignored. */
  private readonly phantoms = new Map<string, number>();
  /** Names of the open elements inside a skipped (unwanted) subtree. */
  private readonly skipped: string[] = [];
  sawXmlBase = false;
  private inCdata = false;

  onopentag(name: string, attribs: Record<string, string>): void {
    const depth = this.stack.length;
    let scope = depth > 0 ? (this.scopes[depth - 1] as NsScope) : ROOT_SCOPE;
    let keys = depth > 0 ? (this.caches[depth - 1] as KeyCache) : undefined;
    let ownScope = false;
    for (const attr in attribs) {
      if (attr.charCodeAt(0) !== 120 /* x */ || !attr.startsWith('xml')) continue;
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
        const prefix = attr === 'xmlns' ? '' : attr.slice(6);
        const uri = attribs[attr] ?? '';
        // Feeds re-declare the same namespaces on every item: keep the scope (and its cache).
        if (scope[prefix] === uri) continue;
        if (!ownScope) {
          scope = Object.create(scope) as NsScope;
          keys = undefined;
          ownScope = true;
        }
        scope[prefix] = uri;
      } else if (attr === 'xml:base') this.sawXmlBase = true;
    }
    keys ??= new Map();
    let resolved = keys.get(name);
    if (resolved === undefined) {
      resolved = keyInfo(name, scope);
      keys.set(name, resolved);
    }
    if (this.skipped.length > 0) {
      // A new item/entry inside a skipped subtree means the subtree was never closed.
      if (resolved.key !== 'item' && resolved.key !== 'entry') {
        this.skipped.push(name);
        return;
      }
      for (const open of this.skipped) this.phantoms.set(open, (this.phantoms.get(open) ?? 0) + 1);
      this.skipped.length = 0;
    }
    if (depth > 0) {
      this.recover(resolved);
      const parent = this.stack[this.stack.length - 1];
      const wanted = parent?.info.wanted;
      if (wanted !== undefined && !wanted.has(resolved.key)) {
        this.skipped.push(name);
        return;
      }
    }
    const el = new FeedElement(name, attribs, resolved);
    this.append(this.stack[this.stack.length - 1] ?? this.root, el);
    this.stack.push(el);
    this.scopes.push(scope);
    this.caches.push(keys);
  }

  onclosetag(name: string): void {
    if (this.skipped.length > 0) {
      this.skipped.pop();
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) return;
    if (top.name === name) {
      this.stack.pop();
      this.scopes.pop();
      this.caches.pop();
      return;
    }
    const pending = this.phantoms.get(name);
    if (pending) {
      this.phantoms.set(name, pending - 1);
      return;
    }
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]?.name === name) {
        this.truncate(i);
        return;
      }
    }
  }

  private truncate(depth: number): void {
    this.stack.length = depth;
    this.scopes.length = depth;
    this.caches.length = depth;
  }

  ontext(data: string): void {
    if (this.skipped.length > 0) return;
    const top = this.stack[this.stack.length - 1];
    const parent: ParentNode = top ?? this.root;
    if (!this.inCdata && (top === undefined || top.info.structural) && isBlank(data)) return;
    const last = parent.children[parent.children.length - 1];
    if (last !== undefined && isText(last) && last instanceof RawText === !this.inCdata) {
      last.data += data;
      return;
    }
    this.append(parent, this.inCdata ? new Text(data) : new RawText(data));
  }

  oncdatastart(): void {
    this.inCdata = true;
  }

  oncdataend(): void {
    this.inCdata = false;
  }

  private append(parent: ParentNode, node: ChildNode): void {
    const prev = parent.children[parent.children.length - 1];
    if (prev !== undefined) {
      prev.next = node;
      node.prev = prev;
    }
    node.parent = parent;
    parent.children.push(node);
  }

  private recover(info: KeyInfo): void {
    const key = info.key;
    if (key === 'item' || key === 'entry') {
      for (let i = this.stack.length - 1; i >= 0; i--) {
        if (this.stack[i]?.key === key) {
          this.closeFrom(i);
          return;
        }
      }
      return;
    }
    if (!info.leaf || this.stack.length < 2) return;
    const top = this.stack[this.stack.length - 1];
    const parent = this.stack[this.stack.length - 2];
    if (top && parent && top.info.leaf && parent.info.container) {
      this.closeFrom(this.stack.length - 1);
    }
  }

  private closeFrom(index: number): void {
    for (let i = this.stack.length - 1; i >= index; i--) {
      const name = this.stack[i]?.name ?? '';
      this.phantoms.set(name, (this.phantoms.get(name) ?? 0) + 1);
    }
    this.truncate(index);
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x20) return false;
  return true;
}
