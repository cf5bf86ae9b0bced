import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postBaseName, safeTitle, withCollisionSuffix } from './file-name.js';

const day = Date.UTC(2022, 1, 4, 21, 32, 23);
const hostile = (JSON.parse(readFileSync(new URL('../../../test/testdata/hostile/items.json', import.meta.url), 'utf8')) as Array<{ id: string; field: string; payload: unknown }>)
  .filter((h) => h.field === 'title' && typeof h.payload === 'string');

function assertSafe(name: string): void {
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
  expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u007f]/);
  expect(name).not.toMatch(/[. ]$/);
  expect(name).not.toMatch(/\p{Cs}/u);
  expect(name).toBe(name.normalize('NFC'));
}

describe('post file names', () => {
  it('follows the legacy rule for ordinary titles', () => {
    expect(withCollisionSuffix(postBaseName(day, '习近平普京会面 白宫和北约回应'), 1)).toBe('2022-02-04-习近平普京会面 白宫和北约回应.md');
    expect(safeTitle('a/b')).toBe('a--b');
  });

  it('cuts at 50 code points without splitting a surrogate pair', () => {
    const title = `${'中'.repeat(49)}😀😀😀`;
    expect(safeTitle(title)).toBe(`${'中'.repeat(49)}😀`);
    expect(Array.from(safeTitle('名'.repeat(300))).length).toBe(50);
  });

  it('adds -2, -3 for the same date and title', () => {
    expect(withCollisionSuffix('2022-02-04-x', 2)).toBe('2022-02-04-x-2.md');
  });

  it.each(hostile.map((h) => [h.id, h.payload as string] as const))('%s gives a safe name', (_id, title) => {
    const name = withCollisionSuffix(postBaseName(day, title), 99);
    assertSafe(name);
    expect(name.startsWith('2022-02-04-')).toBe(true);
  });
});
