/**
 * The theme's only stylesheet, written to `assets/style.css`. System fonts only (no web font
 * request), CJK fonts named for each platform, dark mode by prefers-color-scheme.
 */
export const STYLESHEET = `:root {
  color-scheme: light dark;
  --bg: #fdfdfc; --fg: #1f2328; --muted: #5c636b; --line: #d9dde1; --link: #0b5cad; --visited: #6b3fa0;
  --font: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #16181b; --fg: #e4e6e9; --muted: #a0a7af; --line: #343a40; --link: #7cb7ff; --visited: #c3a6ff; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg); font-family: var(--font);
  font-size: 1.0625rem; line-height: 1.8; overflow-wrap: break-word; word-break: normal; line-break: strict;
}
a { color: var(--link); }
a:visited { color: var(--visited); }
.site-header, main, .site-footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.skip-link { position: absolute; left: -999rem; }
.skip-link:focus { left: 1rem; top: .5rem; background: var(--bg); padding: .25rem .5rem; z-index: 1; }
.site-nav ul { list-style: none; margin: .5rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.1rem; }
.site-nav a { text-decoration: none; }
.site-nav a:visited { color: var(--link); }
.site-nav a[aria-current="page"] { color: var(--fg); font-weight: 700; border-bottom: 2px solid currentColor; }
.site-header { border-bottom: 1px solid var(--line); padding-top: .75rem; padding-bottom: .75rem; }
.site-title { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--fg); }
.site-title:visited { color: var(--fg); }
.site-description { margin: .25rem 0 0; color: var(--muted); font-size: .95rem; }
.site-footer { border-top: 1px solid var(--line); margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; color: var(--muted); font-size: .9rem; }
h1, h2, h3 { line-height: 1.4; }
.page-title { font-size: 1.45rem; margin: 1.5rem 0 .5rem; }
.list-intro { color: var(--muted); margin: 0 0 1rem; }
.count-list { list-style: none; padding: 0; margin: .5rem 0 1.5rem; display: flex; flex-wrap: wrap; gap: .35rem 1.25rem; }
.count, .list-intro { font-variant-numeric: tabular-nums; }
.count { color: var(--muted); font-size: .85rem; }
.count::before { content: "("; } .count::after { content: ")"; }
.sources-summary { margin-top: 2.5rem; }
.month { font-size: 1.15rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
.post-list { list-style: none; margin: 0; padding: 0; }
.post-list li { margin: .35rem 0; display: flex; gap: .75rem; align-items: baseline; }
.post-list time, .post-list .source { color: var(--muted); font-size: .85rem; white-space: nowrap; font-variant-numeric: tabular-nums; }
.pagination { display: flex; justify-content: space-between; gap: 1rem; margin: 2rem 0; }
.post-title { font-size: 1.6rem; margin: 1.5rem 0 .5rem; }
.post-meta { color: var(--muted); font-size: .9rem; margin: 0 0 1.5rem; }
.post-meta span + span::before { content: " · "; }
.post-content img, .post-content video { max-width: 100%; height: auto; }
.post-content pre { overflow-x: auto; padding: .75rem; border: 1px solid var(--line); }
.post-content blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--line); color: var(--muted); }
.post-content table { border-collapse: collapse; display: block; overflow-x: auto; }
.post-content td, .post-content th { border: 1px solid var(--line); padding: .25rem .5rem; }
.post-categories { font-size: .95rem; color: var(--muted); }
.post-nav { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin: 2rem 0; padding-top: 1rem; border-top: 1px solid var(--line); }
.post-nav .next { text-align: right; }
.post-nav .label { display: block; color: var(--muted); font-size: .85rem; }
.facade { margin: 1.25rem 0; padding: 1rem; border: 1px solid var(--line); border-radius: .5rem; }
.video-facade { aspect-ratio: 16 / 9; display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; background: #202327; color: #f1f3f5; border: 0; }
.facade-button { font: inherit; font-weight: 700; cursor: pointer; padding: .6rem 1.4rem; border-radius: 2rem; border: 2px solid #0b5cad; background: #0b5cad; color: #fff; }
.video-facade .facade-button { background: #c4302b; border-color: #c4302b; }
.video-facade .facade-button::before { content: "▶ "; }
.facade-note { margin: .6rem 0 0; font-size: .85rem; color: var(--muted); }
.video-facade .facade-note { color: #c9ced3; }
.facade-loaded { margin: 1.25rem 0; }
.video-frame { display: block; width: 100%; aspect-ratio: 16 / 9; height: auto; border: 0; }
.comments-frame { display: block; width: 100%; min-height: 20rem; border: 0; color-scheme: normal; }
.disqus-frame { height: 40rem; }
.comments { margin-top: 2rem; }
.original { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--line); font-size: .95rem; }
@media (max-width: 30rem) {
  .post-list li { flex-direction: column; gap: 0; }
  .post-title { font-size: 1.35rem; }
  .post-nav { grid-template-columns: 1fr; }
  .post-nav .next { text-align: left; }
}
`;
