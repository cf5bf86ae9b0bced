// A minimal Hugo site over the same posts, doing work comparable to samizdat's build: one page
// per post at /:year-:month-:day/<title part of the file name>/, paginated lists (50 per page) for the home page, the
// posts section and every category and tag (the tag of a post is its source, so the tag lists
// are the per-source lists), with Hugo's default RSS per list and sitemap.
// The post files are hard links to the archive's (no copy, no symlink: Hugo does not follow
// symlinked files); Hugo reads their YAML front matter as it is.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkPosts } from './link-posts.mjs';

const CONFIG = `baseURL: "http://bench.invalid/"
title: "bench"
languageCode: "zh"
permalinks:
  posts: "/:year-:month-:day/:slug/"
# Hugo's :title would be the whole title (too long for a file name at times); Jekyll's :title
# is the file name's title part. Hugo takes that slug from the file name only in its
# ":filename" date handler, so it is used for lastmod (harmless: the sitemap's date).
frontmatter:
  lastmod: [":filename", ":default"]
paginate: 50
taxonomies:
  category: categories
  tag: tags
markup:
  goldmark:
    renderer:
      unsafe: true
timeZone: "Asia/Shanghai"
`;

const BASEOF = `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body>{{ block "main" . }}{{ end }}</body></html>
`;

const SINGLE = `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2006-01-02 15:04" }}</time> · {{ with .Params.author }}{{ . }}{{ end }} · {{ with .Params.tags }}{{ index . 0 }}{{ end }}</p>
{{ .Content }}</article>{{ end }}
`;

const LIST = `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = where site.RegularPages "Section" "posts" }}{{ end }}
{{ $pag := .Paginate $pages }}<ul>
{{ range $pag.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>
{{ if $pag.HasPrev }}<a href="{{ $pag.Prev.URL }}">newer</a>{{ end }} {{ if $pag.HasNext }}<a href="{{ $pag.Next.URL }}">older</a>{{ end }}{{ end }}
`;

const TERMS = `{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>
{{ end }}</ul>{{ end }}
`;

/** Bump when the site changes, so cached Hugo figures are not reused. */
export const HUGO_SITE_VERSION = 1;

/** Writes the Hugo site for `archiveDir` into `siteDir` (rebuilt from scratch). Returns the post count linked. */
export function makeHugoSite(archiveDir, siteDir) {
  rmSync(siteDir, { recursive: true, force: true });
  const layouts = join(siteDir, 'layouts/_default');
  mkdirSync(layouts, { recursive: true });
  writeFileSync(join(siteDir, 'config.yaml'), CONFIG);
  writeFileSync(join(layouts, 'baseof.html'), BASEOF);
  writeFileSync(join(layouts, 'single.html'), SINGLE);
  // The posts say `layout: post`: Hugo looks for post.html before single.html.
  writeFileSync(join(layouts, 'post.html'), SINGLE);
  writeFileSync(join(layouts, 'list.html'), LIST);
  writeFileSync(join(layouts, 'terms.html'), TERMS);
  return linkPosts(join(archiveDir, '_posts'), join(siteDir, 'content/posts'));
}

export function hugoAvailable() {
  return existsSync('/usr/bin/hugo') ? '/usr/bin/hugo' : null;
}
