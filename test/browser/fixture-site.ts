import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatPost } from '../../src/archive/posts/format-post.js';
import type { Post } from '../../src/model/index.js';
import { runCli } from '../helpers/cli.js';
import { hostileItems, payloadText } from '../helpers/hostile.js';

export type FixtureKind = 'plain' | 'youtube' | 'comments' | 'search' | 'xss-content' | 'xss-title';

export interface FixturePost {
  readonly kind: FixtureKind;
  /** The post's page, relative to the output folder (decoded), e.g. `2021-01-10/voa-1/index.html`. */
  readonly page: string;
  readonly title: string;
  readonly site: string;
  readonly date: number;
  readonly link: string;
  /** The hostile payload's id, for xss posts. */
  readonly payloadId?: string;
}

export interface FixtureSite {
  readonly archive: string;
  readonly out: string;
  readonly posts: readonly FixturePost[];
}

export const VIDEO_ID = 'dQw4w9WgXcQ';
/** A word only the search post has (in its content, not its title). */
export const SEARCH_WORD = '雪豹巡逻队';
export const SEARCH_TITLE = '高原上的一天';
export const GISCUS = { repo: 'owner/comments', repoId: 'R_kgDOabc', category: 'Announcements', categoryId: 'DIC_kwDOabc' };

const DAY = 86_400_000;
/** Noon UTC: the same calendar day in UTC (URLs) and Asia/Shanghai (pages). */
const T0 = Date.UTC(2021, 0, 10, 4);

/**
 * XSS payloads from the hostile corpus, a few of each trick (script, handlers, javascript:
 * links, SVG, srcdoc, frames, data: URLs, forms): ~20 as contents, and every title payload.
 */
export function hostilePayloads(): { content: Array<{ id: string; text: string }>; titles: Array<{ id: string; text: string }> } {
  const all = hostileItems();
  const xss = all.filter((i) => i.kind === 'xss' && i.field === 'content_html');
  const tricks = [/<script/i, /\son\w+\s*=/i, /javascript:/i, /<svg/i, /srcdoc/i, /<iframe/i, /data:text\/html/i, /formaction|<form/i, /<math/i, /<style|expression\(/i];
  const picked = new Map<string, string>();
  for (const t of tricks) {
    for (const i of xss.filter((x) => t.test(payloadText(x.payload))).slice(0, 2)) picked.set(i.id, payloadText(i.payload));
  }
  for (const i of xss) if (picked.size < 20 && !picked.has(i.id)) picked.set(i.id, payloadText(i.payload));
  const content = [...picked].map(([id, text]) => ({ id, text }));
  const titles = all.filter((i) => i.kind === 'xss' && i.field === 'title').map((i) => ({ id: i.id, text: payloadText(i.payload) }));
  return { content, titles };
}

/**
 * A small archive with several sources over three months, a YouTube post, a post with
 * comments (giscus configured), a post to search for in Chinese, and posts carrying XSS
 * payloads in contents and titles (older, so the first home pages show ordinary posts);
 * built with the CLI (`npm run build` first). Paginated by 3.
 */
export async function buildFixtureSite(extraConfig = ''): Promise<FixtureSite> {
  const archive = mkdtempSync(join(tmpdir(), 'samizdat-browser-'));
  const out = join(archive, '_site');
  mkdirSync(join(archive, '_posts'));
  writeFileSync(join(archive, '_config.yml'), [
    'title: 浏览器测试镜像', 'description: 测试用的镜像', 'paginate: 3', 'timezone: Asia/Shanghai',
    'comments:', '  provider: giscus', `  repo: ${GISCUS.repo}`, `  repo_id: ${GISCUS.repoId}`, `  category: ${GISCUS.category}`, `  category_id: ${GISCUS.categoryId}`,
    extraConfig,
  ].join('\n'));
  writeFileSync(join(archive, 'about.md'), '---\ntitle: 关于\n---\n这是 **{{ site.title }}**。\n');

  const posts: FixturePost[] = [];
  const add = (kind: FixtureKind, slug: string, p: Omit<Post, 'author' | 'comments'> & { comments?: boolean }, payloadId?: string): void => {
    const day = new Date(p.date).toISOString().slice(0, 10);
    writeFileSync(join(archive, '_posts', `${day}-${slug}.md`), formatPost({ author: p.site, comments: false, ...p }));
    posts.push({ kind, page: `${day}/${slug}/index.html`, title: p.title, site: p.site, date: p.date, link: p.link, ...(payloadId ? { payloadId } : {}) });
  };
  for (let i = 1; i <= 7; i++) {
    add('plain', `voa-${i}`, { title: `美国之音第${i}篇`, date: T0 + (i - 1) * 12 * DAY, link: `https://www.voachinese.com/a/${i}.html`, site: '美国之音', content: `<p>美国之音第${i}篇的正文，<a href="https://www.voachinese.com/">美国之音</a>。</p>` });
  }
  for (let i = 1; i <= 4; i++) {
    add('plain', `dw-${i}`, { title: `德国之声第${i}篇`, date: T0 + 3 * DAY + (i - 1) * 20 * DAY, link: `https://www.dw.com/zh/${i}`, site: '德国之声', content: `<p>德国之声第${i}篇：习近平会见外宾。</p>` });
  }
  add('search', SEARCH_WORD, { title: SEARCH_TITLE, date: T0 + 5 * DAY, link: 'https://www.rfa.org/mandarin/1.html', site: '自由亚洲', content: `<p>记者跟随${SEARCH_WORD}走了三天。</p><p>习近平没有出现。</p>` });
  add('plain', 'rfa-2', { title: '自由亚洲第二篇', date: T0 + 6 * DAY, link: 'https://www.rfa.org/mandarin/2.html', site: '自由亚洲', content: '<p>雪豹出没的地方。</p>' });
  add('youtube', 'video', { title: '一段视频', date: T0 + 7 * DAY, link: `https://www.youtube.com/watch?v=${VIDEO_ID}`, site: 'Matters', content: '<p>视频说明。</p>' });
  add('comments', 'talk', { title: '可以评论的文章', date: T0 + 8 * DAY, link: 'https://matters.town/@a/1', site: 'Matters', content: '<p>欢迎评论。</p>', comments: true });

  const { content, titles } = hostilePayloads();
  const H0 = Date.UTC(2020, 5, 1, 4);
  content.forEach((x, i) => add('xss-content', `xss-${i + 1}`, { title: `恶意内容${i + 1}`, date: H0 + i * DAY, link: `https://evil.example/${i + 1}`, site: '恶意来源', content: x.text }, x.id));
  titles.forEach((x, i) => add('xss-title', `xss-title-${i + 1}`, { title: x.text, date: H0 - (i + 1) * DAY, link: `https://evil.example/t${i + 1}`, site: '恶意来源', content: `<p>标题恶意${i + 1}</p>` }, x.id));

  const r = await runCli(['build', '--archive', archive, '--quiet']);
  if (r.code !== 0) throw new Error(`samizdat build failed (${r.code}): ${r.stderr}`);
  return { archive, out, posts };
}

/** A page's path as a URL path (each segment percent-encoded). */
export function urlPath(page: string): string {
  return page.split('/').map(encodeURIComponent).join('/');
}
