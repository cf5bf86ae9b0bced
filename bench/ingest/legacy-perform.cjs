// "The legacy approach": a faithful copy of the legacy mirrors' perform.js (the fetch path
// that every mirror ran hourly), kept as close to the original as running it here allows.
// Run with the mirror as the working directory: reads ./subs.json and ./allurls.dat, writes
// ./_posts/*.md. What it does, as the original did:
//   - rss-parser `parseURL` per feed, all feeds fired at once (no pool, no per-host limit);
//   - no conditional GET: every run downloads and parses every feed again;
//   - dedup: `fs.existsSync(file)` and a substring search of the whole allurls.dat text;
//   - YAML front matter by string concatenation, content lines joined with '' (no sanitizing);
//   - file name from the UTC date and title.substring(0, 50), '/' → '--';
//   - per new article: writeFileSync of the post, then of the WHOLE allurls.dat (the
//     original rewrote the file from its in-memory string each time).
// Deviations, all in the legacy script's favour or neutral: `Promise.all` is awaited (the
// original dropped the promises and let the process drain: same concurrency, same end);
// the unused CDT and list code is left out; LEGACY_ALLURLS=append appends one line instead
// of rewriting allurls.dat (a cheaper variant the bench can report too).
const Parser = require('rss-parser');
const fs = require('fs');
const { URL } = require('url');

const jsonText = fs.readFileSync('./subs.json');
const feedxUrls = JSON.parse(jsonText);
fs.writeFileSync('./subs.json', JSON.stringify(feedxUrls, undefined, 4));

const allurlsdat = './allurls.dat';
if (!fs.existsSync(allurlsdat)) fs.writeFileSync(allurlsdat, '');
let allurls = fs.readFileSync(allurlsdat);
const appendOnly = process.env.LEGACY_ALLURLS === 'append';
let written = 0;
let failed = 0;

async function fetchArticles(site) {
  const articles = await fetchFeedx(site['site'], site['url']);
  articles.sort((x, y) => x.pubDate - y.pubDate);
  return articles;
}

async function fetchFeedx(site, url) {
  const parser = new Parser({ customFields: { item: [['media:group', 'media:group']] } });
  const feed = await parser.parseURL(url);
  return feed.items.map((item) => {
    let content;
    let link;
    if (item['content:encoded']) content = item['content:encoded'];
    else if (item['media:group']) content = item['media:group']['media:description'][0];
    else if (item['content']) content = item['content'];
    else content = item.description;
    if (item['link']) link = item.link;
    else link = item.guid;
    let author = site;
    if (item['author']) author = item.author;
    else if (item['dc:creator']) author = item['dc:creator'];
    return {
      title: item.title.replace(/[\x00-\x1F\x7F-\x9F]/g, ''),
      content: content.replace(/[\x00-\x1F\x7F-\x9F]/g, ''),
      link,
      pubDate: Date.parse(item.pubDate),
      site,
      author,
    };
  });
}

async function perform() {
  await Promise.all(feedxUrls.map((site) => performSite(site)));
  process.stderr.write(`legacy: ${written} posts written, ${failed} feeds failed\n`);
}

async function performSite(site) {
  try {
    const siteFolder = './_posts';
    fs.mkdirSync(siteFolder, { recursive: true });
    const articles = await fetchArticles(site);
    articles.map((a) => generateArticle(a));
  } catch (e) {
    failed++;
    console.log([site['site'], e]);
  }
}

function generateArticle(article) {
  const today = new Date();
  let md = renderMD(article);
  let pubDate = timeConverter(article.pubDate);
  if (today < pubDate) pubDate = today;
  else if (isNaN(pubDate)) pubDate = today;
  const dateString = pubDate.toISOString();
  const titletext = article.title.toString().replace(/"/g, '\\"').replace('...', '');
  const articlelink = new URL(article.link).href;
  const header = `---
layout: post
title: "${titletext}"
date: ${dateString}
author: ${article.author}
from: ${articlelink}
tags: [ ${article.site} ]
comments: True
categories: [ ${article.site} ]
---
`;
  md = header + md;
  const filename = `${dateString.substring(0, 10)}-${titletext.substring(0, 50)}.md`.replace(/\//g, '--');
  if (!fs.existsSync(`./_posts/${filename}`) && !allurls.includes(articlelink)) {
    fs.writeFileSync(`./_posts/${filename}`, md);
    console.log(`add ./_posts/${filename}`);
    written++;
    allurls = allurls + articlelink + '\n';
    if (appendOnly) fs.appendFileSync(allurlsdat, articlelink + '\n');
    else fs.writeFileSync(allurlsdat, allurls);
  }
}

function strip(str) {
  return str.replace(/(^\s*|\s*$)/g, '');
}

function renderMD(item) {
  return `<!--${item.pubDate}-->
[${strip(item.title)}](${new URL(item.link).href})
------

<div>
${item.content.split('\n').map((line) => strip(line)).join('')}
</div>
`;
}

function timeConverter(UNIX_timestamp) {
  return new Date(UNIX_timestamp);
}

perform();
