import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers';

/**
 * A wrong frontmatter field must stop the build and name the file and the field. Each case
 * breaks one file in a copy of the project and runs Astro on it. The schemas' own cases (a missing
 * title, an unknown audience, a wrong type…) are checked directly in schemas.test.ts; here one of
 * them shows that Astro stops and names the file and the field, beside the checks that need the
 * whole project: rules used across files, references, reel lengths and media files.
 *
 * Two copies are made once and each case borrows one, two cases at a time: Astro's start-up
 * (Vite's dependency scan above all) is most of a case's time, and a copy that keeps its path
 * keeps its caches warm. Each copy has a node_modules of its own that links to the project's
 * packages, so its caches (node_modules/.vite, node_modules/.astro) are its own and never the
 * project's. After a case its copy gets the project's files back.
 */
const COPIED = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'content', 'public'];
/** What a case may change, put back from the project after it. */
const RESTORED = ['content', 'public'];
const copies: string[] = [];

function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fz-frontmatter-'));
  copies.push(dir);
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === '.vite' || name === '.astro' || name === '.vite-temp') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

function restore(dir: string): void {
  for (const entry of RESTORED) {
    rmSync(join(dir, entry), { recursive: true, force: true });
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
}

const free: string[] = [];
const waiting: ((dir: string) => void)[] = [];
/** Runs `use` on a copy of the project no other case is using, and puts the copy back after. */
async function withCopy<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = free.pop() ?? (await new Promise<string>((resolve) => waiting.push(resolve)));
  try {
    return await use(dir);
  } finally {
    restore(dir);
    const next = waiting.shift();
    if (next) next(dir);
    else free.push(dir);
  }
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(path, after);
}

function astro(dir: string, command: 'sync' | 'build'): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), command], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 180_000,
    });
    let output = '';
    run.stdout.on('data', (chunk) => (output += chunk));
    run.stderr.on('data', (chunk) => (output += chunk));
    run.on('error', reject);
    run.on('close', (status) => resolve({ status, output }));
  });
}

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

// Each case runs Astro on a copy of the project, about 20 s alone and longer beside a build.
describe.concurrent('a frontmatter error fails the build, naming the file and the field', { timeout: 180_000 }, () => {
  beforeAll(() => {
    free.push(projectCopy(), projectCopy());
  });

  test.each([
    ['a missing title', 'content/scams/online-loans.mdx', (t: string) => t.replace(/^title: .*\n/m, ''), 'title'],
    ['a rule without a source', 'content/advice/hang-up.yaml', (t: string) => t.replace(/^source: general\n/m, ''), 'source'],
  ])('%s (%s)', (_what, file, change, field) => withCopy(async (dir) => {
    edit(dir, file, change);
    const { status, output } = await astro(dir, 'sync');
    expect(status).not.toBe(0);
    expect(output).toContain(file);
    expect(output).toMatch(new RegExp(`\\b${field}\\b`));
  }));

  test('an unknown figure id (content/scams/online-shopping.mdx)', () => withCopy(async (dir) => {
    edit(dir, 'content/scams/online-shopping.mdx', (t) => t.replace(/^facts: \[/m, 'facts: [no-such-figure, '));
    const { status, output } = await astro(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toContain('content/scams/online-shopping.mdx: facts: "no-such-figure" is not in the facts collection');
  }));

  test('a reel that is not six minutes (content/playlists/bank.yaml)', () => withCopy(async (dir) => {
    edit(dir, 'content/playlists/bank.yaml', (t) => t.replace(/^  - investment\n/m, ''));
    const { status, output } = await astro(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toContain('content/playlists/bank.yaml: clips: the bank reel totals 324.0 s, 36.0 s short of 360 s');
  }));

  test('a missing caption file (public/media/online-loans.zh.vtt)', () => withCopy(async (dir) => {
    rmSync(join(dir, 'public/media/online-loans.zh.vtt'));
    const { status, output } = await astro(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toContain('online-loans.yaml: captions.zh: public/media/online-loans.zh.vtt not found');
  }));

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
  ])('%s', (_what, change, message) => withCopy(async (dir) => {
    change(dir);
    const { status, output } = await astro(dir, 'sync');
    expect(status).not.toBe(0);
    expect(output).toContain(message);
  }));

  test('a rule used nowhere is a warning that names its file, not an error', () => withCopy(async (dir) => {
    writeFileSync(
      join(dir, 'content/advice/unused-rule.yaml'),
      'text:\n  zh: 这条规则没有页面用到。\n  en: No page uses this rule.\nshort:\n  zh: "没人用"\n  en: "Unused"\nsource: general\n',
    );
    const { status, output } = await astro(dir, 'sync');
    expect(output).toContain('content/advice/unused-rule.yaml: rule "unused-rule" is used nowhere');
    expect(status).toBe(0);
  }));

  test('the unbroken copy builds, so the failures above come from the edits', () => withCopy(async (dir) => {
    const { status, output } = await astro(dir, 'sync');
    expect(output).not.toMatch(/Error/);
    expect(status).toBe(0);
  }));
});
