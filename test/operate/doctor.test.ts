import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFileNames, nameProblem } from '../../src/archive/doctor/check-names.js';
import { checkPost } from '../../src/archive/doctor/check-post.js';
import { repairPost } from '../../src/archive/doctor/repair-post.js';
import { publishedUrl, urlRules } from '../../src/archive/import/post-url.js';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { readPost } from '../../src/archive/posts/read-post.js';
import { runCli } from '../helpers/cli.js';
import { copyLegacy, postHashes } from '../testdata/import/legacy-copy.js';

interface Summary { kind: string; count: number; fix: string; examples: Array<{ path: string; detail: string }> }
interface Report { posts: number; problems: number; remaining: number; kinds: Summary[]; fix?: { actions: Array<{ path: string; newPath?: string; kinds: string[]; keptUrl?: string }>; skipped: string[]; rewritten?: number; renamed?: number } }

const RULES = urlRules({ permalink: '/:year-:month-:day/:title/' });
const NOW = Date.UTC(2025, 5, 1);

/** Every post's published URL (as a sorted list: one URL per post, duplicates included). */
function urls(dir: string): string[] {
  return [...postHashes(dir).keys()].map((p) => publishedUrl(readFileSync(join(dir, p), 'utf8'), p, RULES) ?? `(none) ${p}`).sort();
}

const post = { title: 'T', date: Date.UTC(2021, 0, 2), author: 'A', link: 'https://x.example/a', site: 'S', content: '<p>hi</p>' };

describe('doctor checks', () => {
  it('a post samizdat writes is sound; each hazard is found with its kind', () => {
    expect(checkPost('_posts/x.md', formatPost(post), NOW).findings).toEqual([]);
    const kinds = (text: string): string[] => checkPost('_posts/x.md', text, NOW).findings.map((f) => f.kind);
    expect(kinds(formatPost({ ...post, date: Date.UTC(2031, 0, 1) }))).toEqual(['bad-date']);
    expect(kinds(formatPost({ ...post, date: Date.UTC(1985, 0, 1) }))).toEqual(['bad-date']);
    expect(kinds(formatPost(post).replace('<!--1609545600000-->', '<!--NaN-->'))).toEqual(['epoch-nan']);
    expect(kinds(formatPost(post).replace('<!--1609545600000-->\n', ''))).toEqual(['epoch-missing']);
    expect(kinds(formatPost(post).replace('title: "T"\n', ''))).toEqual(['missing-field']);
    expect(kinds(formatPost(post).replace('<p>hi</p>', '<p>{{ site.x }}</p>').replace('{% raw %}', '').replace('{% endraw %}', ''))).toEqual(['liquid']);
    expect(kinds(formatPost({ ...post, content: '<p>{% include x %}</p>' }))).toEqual([]); // wrapped in raw
    expect(kinds(formatPost(post).replace('<p>hi</p>', '<p onclick="x()">hi</p><script>alert(1)</script>'))).toEqual(['unsafe-html']);
    expect(kinds(formatPost(post).replace('<p>hi</p>', '<a href="javascript:alert(1)">x</a>'))).toEqual(['unsafe-html']);
    expect(kinds(formatPost(post).replace('<p>hi</p>', '<p>type javascript: in the address bar, person = one</p>'))).toEqual([]);
    expect(kinds(formatPost(post).replace('author: A', 'author: A #1'))).toEqual(['yaml-roundtrip']);
    expect(kinds(formatPost(post).replace('author: A', 'author: yes'))).toEqual(['yaml-roundtrip']);
    expect(kinds(formatPost(post).replace('title: "T"', 'title: "He said "no""'))).toEqual(['yaml-invalid']);
  });

  it('file names that break Windows or macOS checkouts, and names equal ignoring case', () => {
    expect(nameProblem('2020-01-01-a:b.md')).toMatch(/":"/);
    expect(nameProblem('2020-01-01-a\nb.md')).toMatch(/U\+000A/);
    expect(nameProblem('2020-01-01-x.md ')).toMatch(/dot or space/);
    expect(nameProblem('nul.md')).toMatch(/device/);
    expect(nameProblem(`2020-01-01-${'字'.repeat(90)}.md`)).toMatch(/over 255/);
    expect(nameProblem('2020-01-01-ok：fine.md')).toBeUndefined();
    const found = checkFileNames(['_posts/2020-01-01-Title.md', '_posts/2020-01-01-title.md', 'archived/x./2020-01-01-a.md']);
    expect(found.map((f) => [f.kind, f.path])).toEqual([['case-collision', '_posts/2020-01-01-title.md'], ['bad-file-name', 'archived/x./2020-01-01-a.md']]);
  });

  it('a repair keeps what the legacy line meant, other front matter keys, and sanitizes when asked', () => {
    const legacy = formatPost(post).replace('author: A', 'author: A #1').replace('layout: post\n', 'layout: post\nslug: my-slug\nredirect_from: [ "/old/" ]\n');
    const fixed = repairPost(legacy.replace('<p>hi</p>', '<p onclick="x()">hi</p>'), '_posts/2021-01-02-T.md', true)!;
    const read = readPost(fixed).post;
    expect(read.author).toBe('A #1');
    expect(read.content).toBe('<p>hi</p>');
    expect(fixed).toMatch(/^slug: "my-slug"$/m);
    expect(fixed).toMatch(/^redirect_from: \["\/old\/"\]$/m);
    expect(checkPost('_posts/x.md', fixed, NOW).findings).toEqual([]);
  });
});

describe('samizdat doctor on a legacy mirror', () => {
  it('reports by kind with counts and up to 3 examples; --fix is a dry run that changes nothing', async () => {
    const dir = copyLegacy();
    const before = postHashes(dir);
    const out = await runCli(['doctor', '--archive', dir, '--json']);
    expect(out.code, out.stderr).toBe(1);
    const report = JSON.parse(out.stdout) as Report;
    expect(report.posts).toBe(58);
    const count = (k: string): number => report.kinds.find((s) => s.kind === k)?.count ?? 0;
    expect(count('yaml-invalid')).toBe(1);
    expect(count('epoch-nan')).toBe(3);
    expect(count('epoch-missing')).toBe(3);
    expect(count('liquid')).toBe(2);
    expect(count('unsafe-html')).toBeGreaterThanOrEqual(3);
    expect(count('bad-file-name')).toBeGreaterThanOrEqual(20);
    expect(count('duplicate')).toBe(6);
    for (const s of report.kinds) expect(s.examples.length).toBe(Math.min(3, s.count));
    expect(report.problems).toBe(report.kinds.reduce((n, s) => n + s.count, 0));

    const human = await runCli(['doctor', '--archive', dir]);
    expect(human.stderr).toMatch(/^ {2}epoch-nan +3 {2}<!--NaN--> instead of the epoch comment \[--fix rewrites\]$/m);

    const dry = await runCli(['doctor', '--archive', dir, '--fix']);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toMatch(/^would rename _posts\/2020-04-28-张展:去扁担山公墓记述OUT 20200428 012530\.md -> _posts\/2020-04-28-张展：去扁担山公墓记述OUT 20200428 012530\.md \(bad-file-name\)$/m);
    expect(dry.stderr).toMatch(/^would rewrite .*\(epoch-nan\)$/m);
    expect(dry.stderr).toMatch(/^would rename archived\/2020-08-27\/2020-08-27-“高尔夫门”压力大 欧盟贸易委员霍根辞职\\u000a\.md -> /m); // one line
    expect(dry.stderr).toMatch(/posts would be repaired; run again with --fix --write/);
    expect(postHashes(dir)).toEqual(before);
  });

  it('--fix --write repairs every fixable post, keeps every URL, and a second run has nothing to do', async () => {
    const dir = copyLegacy();
    // Two names equal ignoring case, and a long name whose safe form is shorter: both change URL.
    writeFileSync(join(dir, '_posts', '2021-01-02-T.md'), formatPost(post));
    writeFileSync(join(dir, '_posts', '2021-01-02-t.md'), formatPost({ ...post, title: 't', link: 'https://x.example/b' }));
    writeFileSync(join(dir, '_posts', `2021-01-02-${'a'.repeat(55)}?.md`), formatPost({ ...post, title: `${'a'.repeat(55)}?`, link: 'https://x.example/c' }));
    const beforeUrls = urls(dir);
    const beforeCount = postHashes(dir).size;
    const out = await runCli(['doctor', '--archive', dir, '--fix', '--write', '--json']);
    const report = JSON.parse(out.stdout) as Report;
    expect(report.fix!.renamed).toBeGreaterThanOrEqual(20);
    const kept = report.fix!.actions.filter((a) => a.keptUrl).map((a) => [a.path, a.newPath, a.keptUrl]);
    expect(kept).toEqual(expect.arrayContaining([
      ['_posts/2021-01-02-t.md', '_posts/2021-01-02-t-2.md', '/2021-01-02/t/'],
      [`_posts/2021-01-02-${'a'.repeat(55)}?.md`, `_posts/2021-01-02-${'a'.repeat(50)}.md`, `/2021-01-02/${'a'.repeat(55)}/`],
    ]));
    expect(readFileSync(join(dir, '_posts', '2021-01-02-t-2.md'), 'utf8')).toMatch(/^permalink: "\/2021-01-02\/t\/"\n---$/m);
    expect(postHashes(dir).size).toBe(beforeCount);
    expect(urls(dir)).toEqual(beforeUrls);
    const after = await runCli(['doctor', '--archive', dir, '--json']);
    const left = JSON.parse(after.stdout) as Report;
    expect(left.kinds.map((s) => s.kind)).toEqual(['duplicate']); // merged by import --merge-duplicates
    const hashes = postHashes(dir);
    const again = await runCli(['doctor', '--archive', dir, '--fix', '--write', '--json']);
    expect((JSON.parse(again.stdout) as Report).fix!.actions).toEqual([]);
    expect(postHashes(dir)).toEqual(hashes);
  });

  it('usage: --write needs --fix; a missing folder is a usage error', async () => {
    expect((await runCli(['doctor', '--write'])).code).toBe(2);
    expect((await runCli(['doctor', '--archive', join(tmpdir(), 'samizdat-no-such-folder')])).code).toBe(2);
  });

  it('an archive of sound posts is clean (exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-clean-'));
    mkdirSync(join(dir, '_posts'));
    writeFileSync(join(dir, '_posts', '2021-01-02-T.md'), formatPost(post));
    const out = await runCli(['doctor', '--archive', dir]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/1 post files in .*: no problems/);
  });
});
