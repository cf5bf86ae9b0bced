import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { columnsToRows, rowsToColumns } from '../../src/site/cache/row-columns.js';

/** Through the codec and node:v8, as the site cache stores a document. */
const roundTrip = (rows: ReadonlyArray<readonly unknown[] | undefined>): unknown[] => columnsToRows(deserialize(serialize(rowsToColumns(rows))));

describe('rows stored by column', () => {
  it('come back as they were: every kind of cell, rows of any length, removed rows', () => {
    const rows: Array<unknown[] | undefined> = [
      ['_posts/a.md', '12:34', 0, '标题 "quoted" {{ x }}', 1_700_000_000_000, '', 'https://example.com/a', '美国之音', '/2023-11-14/标题/', null, 'd1'],
      ['_posts/b.md', '5:6', 1, 'not UTF-8'],
      undefined,
      ['_posts/c.md', '7:8', 2],
      ['_posts/\u0000nul\u0000.md', '', 0, 'a\u0000b', -0, '😀\ud800', 'x', '美国之音', '/', true, 'd2', { categories: ['新闻', '国际'], problems: ['invalid YAML'] }],
      ['_posts/d.md', '9:9', 0, '', Number.NaN, 'author', 'link', 'BBC', '/d/', false, 'd3', { guid: 'g' }, 'one more', undefined],
    ];
    expect(roundTrip(rows)).toEqual(rows);
    expect(roundTrip([])).toEqual([]);
    expect(roundTrip([undefined, undefined])).toEqual([undefined, undefined]);
  });

  it('keep a column of few distinct strings as a dictionary, and one of many as a joined string, both exact', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`_posts/${i}-标题.md`, ['美国之音', 'BBC 中文', '自由亚洲电台'][i % 3]!, i % 7 === 0 ? null : `作者${i % 5}`]);
    const columns = rowsToColumns(rows).columns;
    expect('joined' in columns[0]!.strings).toBe(true);
    expect('words' in columns[1]!.strings).toBe(true);
    expect('words' in columns[2]!.strings).toBe(true);
    expect(roundTrip(rows)).toEqual(rows);
  });

  it('refuses what is not such a document', () => {
    const columns = rowsToColumns([['a', 'b'], ['c', 'd']]);
    for (const value of [[['a']], { rows: [] }, null, { ...columns, format: 'row-columns-0' }, { ...columns, rows: 3 }]) {
      expect(() => columnsToRows(value)).toThrow();
    }
  });
});
