import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers';

/**
 * A wrong frontmatter field must stop the build and name the file and the field. Each case
 * breaks one file in a copy of the project and runs Astro on it.
 */
const copies: string[] = [];

function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fz-frontmatter-'));
  copies.push(dir);
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'content', 'public']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(path, after);
}

function astro(dir: string, command: 'sync' | 'build') {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), command], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 180_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

// Each case runs Astro on a copy of the project, about 20 s alone and longer beside a build.
describe('a frontmatter error fails the build, naming the file and the field', { timeout: 180_000 }, () => {
  test.each([
    ['a missing title', 'content/scams/online-loans.mdx', (t: string) => t.replace(/^title: .*\n/m, ''), 'title'],
    ['an unknown audience', 'content/en/scams/online-romance.mdx', (t: string) => t.replace(/^audiences: \[/m, 'audiences: [pensioners, '), 'audiences'],
    ['a wrong type', 'content/en/audiences/seniors.mdx', (t: string) => t.replace(/^largeText: true$/m, 'largeText: maybe'), 'largeText'],
    ['a date that is not a date', 'content/news/2026-11-26-shanghai-police-results.mdx', (t: string) => t.replace(/^kind: explainer$/m, 'kind: news\ndate: soon'), 'date'],
    ['a news item without its date', 'content/en/news/2026-11-26-three-groups-tips.mdx', (t: string) => t.replace(/^kind: explainer$/m, 'kind: news'), 'date'],
    ['a figure without a number', 'content/facts.yaml', (t: string) => t.replace('value: 72.4', 'value: lots'), 'value'],
  ])('%s (%s)', (_what, file, change, field) => {
    const dir = projectCopy();
    edit(dir, file, change);
    const { status, output } = astro(dir, 'sync');
    expect(status).not.toBe(0);
    expect(output).toContain(join(dir, file));
    expect(output).toMatch(new RegExp(`\\b${field}\\b`));
  });

  test('an unknown figure id (content/scams/online-shopping.mdx)', () => {
    const dir = projectCopy();
    edit(dir, 'content/scams/online-shopping.mdx', (t) => t.replace(/^facts: \[/m, 'facts: [no-such-figure, '));
    const { status, output } = astro(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toContain('content/scams/online-shopping.mdx: facts: "no-such-figure" is not in the facts collection');
  });

  test('a reel that is not six minutes (content/playlists/bank.yaml)', () => {
    const dir = projectCopy();
    edit(dir, 'content/playlists/bank.yaml', (t) => t.replace(/^  - investment\n/m, ''));
    const { status, output } = astro(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toContain('content/playlists/bank.yaml: clips: the bank reel totals 324.0 s, 36.0 s short of 360 s');
  });

  test('a missing caption file (public/media/online-loans.zh.vtt)', () => {
    const dir = projectCopy();
    rmSync(join(dir, 'public/media/online-loans.zh.vtt'));
    const { status, output } = astro(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toContain('online-loans.yaml: captions.zh: public/media/online-loans.zh.vtt not found');
  });

  test.each([
    ['a rule without a source', 'content/advice/hang-up.yaml', (t: string) => t.replace(/^source: general\n/m, ''), 'source'],
    ['a short form over the screen limit', 'content/advice/hang-up.yaml', (t: string) => t.replace('先挂断\\n别怕失礼', '先挂断电话或者退出聊天不用怕失礼'), 'short'],
  ])('%s (%s)', (_what, file, change, field) => {
    const dir = projectCopy();
    edit(dir, file, change);
    const { status, output } = astro(dir, 'sync');
    expect(status).not.toBe(0);
    expect(output).toContain(file);
    expect(output).toMatch(new RegExp(`\\b${field}\\b`));
  });

  test.each([
    ['two rules with one id', (dir: string) => cpSync(join(dir, 'content/advice/hang-up.yaml'), join(dir, 'content/advice/hang-up.yml')),
      'content/advice/hang-up.yml: duplicate rule id "hang-up": content/advice/hang-up.yaml has it too'],
    ['an unknown rule id in an article', (dir: string) => edit(dir, 'content/scams/online-loans.mdx', (t) => `${t}\n<Advice id="no-such-rule" />\n`),
      'content/scams/online-loans.mdx: unknown advice id "no-such-rule": there is no content/advice/no-such-rule.yaml'],
    ['an unknown rule id in a clip', (dir: string) => edit(dir, 'content/clips/money-mule.yaml', (t) => t.replace('advice: never-rent-cards-accounts', 'advice: no-such-rule')),
      'content/clips/money-mule.yaml: unknown advice id "no-such-rule": there is no content/advice/no-such-rule.yaml'],
    ['an unknown rule id in a quiz', (dir: string) => edit(dir, 'content/quizzes/parents.yaml', (t) => t.replace('advice: [verify-teacher-fees]', 'advice: [no-such-rule]')),
      'content/quizzes/parents.yaml: unknown advice id "no-such-rule": there is no content/advice/no-such-rule.yaml'],
    ['a quote that is not in the release', (dir: string) => edit(dir, 'content/advice/call-110-to-ask.yaml', (t) => t.replace('如果实在不确定', '如果不确定')),
      'content/advice/call-110-to-ask.yaml: source.quote: is not word for word in the source'],
  ])('%s', (_what, change, message) => {
    const dir = projectCopy();
    change(dir);
    const { status, output } = astro(dir, 'sync');
    expect(status).not.toBe(0);
    expect(output).toContain(message);
  });

  test('a rule used nowhere is a warning that names its file, not an error', () => {
    const dir = projectCopy();
    writeFileSync(
      join(dir, 'content/advice/unused-rule.yaml'),
      'text:\n  zh: 这条规则没有页面用到。\n  en: No page uses this rule.\nshort:\n  zh: "没人用"\n  en: "Unused"\nsource: general\n',
    );
    const { status, output } = astro(dir, 'sync');
    expect(output).toContain('content/advice/unused-rule.yaml: rule "unused-rule" is used nowhere');
    expect(status).toBe(0);
  });

  test('the unbroken copy builds, so the failures above come from the edits', () => {
    const { status, output } = astro(projectCopy(), 'sync');
    expect(output).not.toMatch(/Error/);
    expect(status).toBe(0);
  });
});
