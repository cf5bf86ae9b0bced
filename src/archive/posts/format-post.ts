import type { Post } from '../../model/index.js';
import { wrapRaw } from './liquid.js';
import { blockScalar, doubleQuoted, flowList, urlScalar } from './yaml-scalars.js';

/**
 * The post file, byte for byte as the legacy mirrors wrote it for ordinary values
 * (see the seed post in test/testdata/archive/): front matter, the epoch comment,
 * a Markdown link to the original, and the content as one line inside a <div>.
 */
export function formatPost(post: Post): string {
  const lines = [
    '---',
    'layout: post',
    `title: ${doubleQuoted(post.title)}`,
    `date: ${new Date(post.date).toISOString()}`,
    `author: ${blockScalar(post.author)}`,
    `from: ${urlScalar(post.link)}`,
  ];
  if (post.guid) lines.push(`guid: ${doubleQuoted(post.guid)}`);
  const categories = [...(post.categories ?? []), post.site];
  lines.push(
    `tags: ${flowList([post.site])}`,
    `comments: ${post.comments === false ? 'False' : 'True'}`,
    `categories: ${flowList(categories)}`,
    '---',
  );
  const body = [
    `<!--${post.date}-->`,
    `[${markdownLinkText(post.title)}](${markdownLinkTarget(post.link)})`,
    '------',
    '',
    '<div>',
    post.content.replace(/\r\n?|\n/g, ' '),
    '</div>',
  ].join('\n');
  return `${lines.join('\n')}\n${wrapRaw(body)}\n`;
}

/** Title inside `[…]`: no raw HTML, no early `]`, one line. Ordinary titles are unchanged. */
export function markdownLinkText(title: string): string {
  return title
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\[\]`*_|])/g, '\\$1');
}

/** Link inside `(…)`: parentheses and spaces would end it early. */
function markdownLinkTarget(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20').replace(/</g, '%3C').replace(/>/g, '%3E');
}
