import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers';

/**
 * A wrong frontmatter field must stop the build and name the file and the field. The checks
 * themselves are called directly: each collection's schema in schemas.test.ts, the checks across
 * entries and files in checks.test.ts. Here Astro runs them on a copy of the project, once for
 * each place they run: a schema through each kind of loader (an article, a rule of advice), the
 * advice loader's warning, and the build's checks across entries (src/queries/checked.ts).
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

/**
 * The environment Astro runs in, without what Vitest puts there: its NODE_ENV=test and its
 * import.meta.env values (PROD empty, DEV=1, MODE=test…), which Astro's build would read at run
 * time and so behave as astro dev.
 */
const VITEST_SET = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);
const astroEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_SET.has(key) && !key.startsWith('VITEST')));

function astro(dir: string, command: 'sync' | 'build'): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), command], {
      cwd: dir,
      env: { ...astroEnv, NO_COLOR: '1', FORCE_COLOR: '0' },
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

  test('the build checks across entries once, and reports every problem, naming the file and the field', () => withCopy(async (dir) => {
    // One edit for each check the build makes across entries (src/queries/checked.ts).
    edit(dir, 'content/scams/online-shopping.mdx', (t) => t.replace(/^facts: \[/m, 'facts: [no-such-figure, '));
    edit(dir, 'content/playlists/bank.yaml', (t) => t.replace(/^  - investment\n/m, ''));
    edit(dir, 'content/lessons/upper-primary.mdx', (t) => t.replace(/^key: upper-primary$/m, 'key: primary'));
    edit(dir, 'content/en/lessons/upper-primary.mdx', (t) => t.replace(/^durationMinutes: 40$/m, 'durationMinutes: 45'));
    edit(dir, 'content/scams/money-mule.mdx', (t) => t.replace(/^card:\n(?:  .*\n)+/m, ''));
    cpSync(join(dir, 'content/quizzes/parents.yaml'), join(dir, 'content/quizzes/pensioners.yaml'));
    rmSync(join(dir, 'content/en/scams/ticket-refund.mdx'));
    const { status, output } = await astro(dir, 'build');
    expect(status).not.toBe(0);
    for (const problem of [
      'content/scams/online-shopping.mdx: facts: "no-such-figure" is not in the facts collection',
      'content/playlists/bank.yaml: clips: the bank reel totals 324.0 s, 36.0 s short of 360 s',
      'content/lessons/upper-primary.mdx: key: "primary" must equal the file name "upper-primary"',
      'content/en/lessons/upper-primary.mdx: durationMinutes: the class plan\'s "### step (N 分钟 | N min)" headings add up to 40 minutes, not 45',
      "content/scams/money-mule.mdx: card: name the print card's rules",
      'content/quizzes/pensioners.yaml: the file name must be an audience',
      'content/en/scams/ticket-refund.mdx is missing',
      ': scams: no article for "ticket-refund" in this language',
    ]) {
      expect(output).toContain(problem);
    }
  }));

  test('a rule used nowhere is a warning that names its file, not an error; the copy builds its content', () => withCopy(async (dir) => {
    writeFileSync(
      join(dir, 'content/advice/unused-rule.yaml'),
      'text:\n  zh: 这条规则没有页面用到。\n  en: No page uses this rule.\nshort:\n  zh: "没人用"\n  en: "Unused"\nsource: general\n',
    );
    const { status, output } = await astro(dir, 'sync');
    expect(output).toContain('content/advice/unused-rule.yaml: rule "unused-rule" is used nowhere');
    expect(output).not.toMatch(/Error/);
    expect(status).toBe(0);
  }));
});
