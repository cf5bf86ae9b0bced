/**
 * The files `samizdat init` writes. Kept as code (not loose files) so they ship inside dist/.
 * EXAMPLE_SUBS mirrors examples/mirror/subs.json (a test keeps the two equal).
 */
export const EXAMPLE_SUBS: ReadonlyArray<{ site: string; url: string }> = [
  { site: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' },
  { site: '德国之声', url: 'https://feedx.net/rss/dw.xml' },
  { site: '法广', url: 'https://feedx.net/rss/rfi.xml' },
  { site: '纽约时报', url: 'https://feedx.net/rss/nytimes.xml' },
  { site: '自由亚洲电台', url: 'https://www.rfa.org/mandarin/yataibaodao/rss2.xml' },
  { site: '中国数字时代', url: 'https://chinadigitaltimes.net/chinese/feed/' },
  { site: 'RTI 中央廣播電臺', url: 'http://www.rti.org.tw/rss/' },
  { site: '寒冬', url: 'https://zh.bitterwinter.org/feed/' },
  { site: '维权网', url: 'https://wqw2010.blogspot.com/feeds/posts/default' },
];

export const SITE_CONFIG = `# Jekyll settings; samizdat reads the same keys.
title: samizdat mirror
description: News archived as it was published, readable anywhere
url: ''
baseurl: ''
permalink: /:year-:month-:day/:title/
paginate: 50
# Zone of feed dates that carry none (common on Chinese sites).
timezone: Asia/Shanghai
`;

export const GITIGNORE = `# samizdat's index and lock: a cache, rebuilt from _posts/ when missing
.samizdat/
# the built site
_site/
# files and folders being written (a new site is built beside _site/ and renamed into place)
.samizdat-tmp-*
`;

// \${{ … }} below is GitHub Actions syntax, escaped from the template literal.
export const WORKFLOW = `# samizdat: fetch the feeds in subs.json every hour and commit new posts.
name: samizdat

on:
  schedule:
    # hourly, a few minutes past the hour (GitHub delays jobs queued at :00)
    - cron: '17 * * * *'
  workflow_dispatch:

# Never two runs at once: a run waits for the previous one instead of cancelling it.
concurrency:
  group: samizdat
  cancel-in-progress: false

permissions:
  contents: write

jobs:
  mirror:
    runs-on: ubuntu-latest
    timeout-minutes: 50
    steps:
      - uses: actions/checkout@v4

      - uses: actions/setup-node@v4
        with:
          node-version: 20

      # .samizdat/ (feed state, ETags, back-off, the post index) is a cache, not committed:
      # each run saves its own copy and the next one restores the newest.
      - name: Restore .samizdat/
        uses: actions/cache@v4
        with:
          path: .samizdat
          key: samizdat-\${{ github.run_id }}-\${{ github.run_attempt }}
          restore-keys: |
            samizdat-

      # samizdat is not published on npm yet: until it is, pin a git URL instead, e.g.
      #   npm install -g github:OWNER/samizdat#COMMIT
      - name: Install samizdat
        run: npm install -g samizdat

      # Fetch, then build the site. The build starts from the site last deployed to gh-pages
      # and writes only the pages that changed. Exit code 1 means some feeds failed and the
      # others were archived: still publish.
      - name: Fetch and build
        run: |
          status=0
          npx samizdat run --site-branch gh-pages || status=$?
          if [ "$status" -gt 1 ]; then exit "$status"; fi

      # Commit the new posts (message with counts per source), push with rebase-and-retry
      # (never a force push), and deploy _site/ to the gh-pages branch for GitHub Pages.
      - name: Publish
        run: |
          git config user.name "github-actions[bot]"
          git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
          npx samizdat publish --site-branch gh-pages
`;
