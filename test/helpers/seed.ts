import { readFileSync } from 'node:fs';
import type { Post } from '../../src/model/index.js';

export const SEED_PATH = new URL('../testdata/archive/seed-post.txt', import.meta.url);
export const seedText = (): string => readFileSync(SEED_PATH, 'utf8');

/** The seed's fields, taken with plain regexes (independent of the reader under test). */
export function seedFields(): { title: string; link: string; date: number; site: string; html: string } {
  const text = seedText();
  return {
    title: /^title: "(.*)"$/m.exec(text)![1]!,
    link: /^from: (.*)$/m.exec(text)![1]!,
    date: Number(/<!--(\d+)-->/.exec(text)![1]),
    site: /^tags: \[ (.*) \]$/m.exec(text)![1]!,
    html: text.split('<div>\n')[1]!.split('\n</div>')[0]!,
  };
}

export function seedPost(): Post {
  const f = seedFields();
  return { title: f.title, link: f.link, date: f.date, site: f.site, author: f.site, content: f.html };
}
