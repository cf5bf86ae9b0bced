import type { CommentsConfig } from '../../config/load-site-config.js';
import { escapeHtml } from '../escape-html.js';

/** The host each provider's widget frame comes from (the CSP's frame-src on pages that offer it). */
export function commentFrameOrigin(c: CommentsConfig): string {
  return c.provider === 'giscus' ? 'https://giscus.app' : c.provider === 'utterances' ? 'https://utteranc.es' : 'https://disqus.com';
}

const WHO: Record<CommentsConfig['provider'], string> = {
  giscus: 'giscus（GitHub Discussions）',
  utterances: 'utterances（GitHub Issues）',
  disqus: 'Disqus',
};

/**
 * The "加载评论" facade: a button and the provider's parameters in data-* attributes. Nothing is
 * requested from the provider until assets/facades.js builds the widget's frame on a click.
 * `term` names the thread: the post's permalink, the same wherever the mirror is served.
 */
export function commentsFacade(c: CommentsConfig, term: string): string {
  const data: Record<string, string | undefined> = { provider: c.provider, term };
  if (c.provider === 'giscus') {
    Object.assign(data, { repo: c.repo, 'repo-id': c.repo_id, category: c.category, 'category-id': c.category_id, lang: c.lang ?? 'zh-CN', theme: c.theme ?? 'preferred_color_scheme' });
  } else if (c.provider === 'utterances') {
    Object.assign(data, { repo: c.repo, label: c.label, theme: c.theme ?? 'preferred-color-scheme' });
  } else {
    data.shortname = c.shortname;
  }
  const attrs = Object.entries(data).filter(([, v]) => v !== undefined).map(([k, v]) => ` data-${k}="${escapeHtml(v!)}"`).join('');
  const host = new URL(commentFrameOrigin(c)).host;
  return `<section class="comments" aria-labelledby="comments-heading">
<h2 id="comments-heading">评论</h2>
<div class="facade comments-facade"${attrs}>
<button type="button" class="facade-button">加载评论</button>
<p class="facade-note">评论由 ${escapeHtml(WHO[c.provider])}${WHO[c.provider].endsWith('）') ? '' : ' '}提供。点击之前，本页不会连接 ${escapeHtml(host)}。</p>
</div>
</section>`;
}
