import { describe, expect, it } from 'vitest';
import { commitMessage } from '../../src/publish/commit-message.js';

const changes = (newPosts: Record<string, number>, more: Partial<{ changedPosts: number; removedPosts: number; otherFiles: string[] }> = {}) => ({
  newPosts: new Map(Object.entries(newPosts)), changedPosts: 0, removedPosts: 0, otherFiles: [], ...more,
});

describe('publish commit messages', () => {
  it('counts new posts per source, most first', () => {
    expect(commitMessage(changes({ 德国之声: 5, 美国之音: 7 })).subject).toBe('samizdat: 12 new posts (美国之音 7, 德国之声 5)');
    expect(commitMessage(changes({ 美国之音: 1 })).subject).toBe('samizdat: 1 new post (美国之音 1)');
  });

  it('adds changed and removed posts and other files', () => {
    expect(commitMessage(changes({}, { changedPosts: 2, removedPosts: 1, otherFiles: ['subs.json'] })).subject)
      .toBe('samizdat: 2 posts changed; 1 post removed; subs.json updated');
    expect(commitMessage(changes({}, { otherFiles: ['a', 'b', 'c', 'd'] })).subject).toBe('samizdat: 4 other files updated');
  });

  it('keeps the subject to 8 sources, one line, and lists them all in the body', () => {
    const many = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`源${i}\n第二行`, 10 - i]));
    const { subject, body } = commitMessage(changes(many));
    expect(subject).not.toContain('\n');
    expect(subject).toMatch(/^samizdat: 55 new posts \(源0 第二行 10, .*, 2 more\)$/);
    expect(body.split('\n')).toHaveLength(10);
  });
});
