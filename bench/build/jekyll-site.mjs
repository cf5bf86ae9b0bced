// A minimal Jekyll site over the same posts: one page per post at the legacy permalink and a
// home page paginated by 50 (jekyll-paginate, Debian ruby-jekyll-paginate). Jekyll makes no
// category/tag or per-source pages without further plugins, so it does less than the others.
// The post files are hard links to the archive's.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkPosts } from './link-posts.mjs';

const CONFIG = `title: bench
permalink: /:year-:month-:day/:title/
paginate: 50
paginate_path: "/page:num/"
plugins: [jekyll-paginate]
future: true
timezone: UTC
exclude: [".samizdat"]
`;

const DEFAULT = `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{{ page.title }} · {{ site.title }}</title></head>
<body>{{ content }}</body></html>
`;

const POST = `---
layout: default
---
<article><h1>{{ page.title }}</h1>
<p><time>{{ page.date | date: "%Y-%m-%d %H:%M" }}</time> · {{ page.author }} · {{ page.tags | first }}</p>
{{ content }}</article>
`;

const INDEX = `---
layout: default
title: home
---
<ul>
{% for post in paginator.posts %}<li><a href="{{ post.url | relative_url }}">{{ post.title }}</a> <time>{{ post.date | date: "%Y-%m-%d" }}</time></li>
{% endfor %}</ul>
{% if paginator.previous_page %}<a href="{{ paginator.previous_page_path | relative_url }}">newer</a>{% endif %}
{% if paginator.next_page %}<a href="{{ paginator.next_page_path | relative_url }}">older</a>{% endif %}
`;

/** Writes the Jekyll site for `archiveDir` into `siteDir` (rebuilt from scratch). Returns the post count linked. */
export function makeJekyllSite(archiveDir, siteDir) {
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(join(siteDir, '_layouts'), { recursive: true });
  writeFileSync(join(siteDir, '_config.yml'), CONFIG);
  writeFileSync(join(siteDir, '_layouts/default.html'), DEFAULT);
  writeFileSync(join(siteDir, '_layouts/post.html'), POST);
  writeFileSync(join(siteDir, 'index.html'), INDEX);
  return linkPosts(join(archiveDir, '_posts'), join(siteDir, '_posts'));
}

export function jekyllAvailable() {
  return existsSync('/usr/bin/jekyll') ? '/usr/bin/jekyll' : null;
}
