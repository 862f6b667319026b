import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './dist';
import { SCAM_SLUGS } from '../../src/lib/taxonomy';

const pages = builtPages();
const lessons = pages.filter((p) => /^(\/en)?\/lessons\/[\w-]+\/$/.test(p));
const cards = pages.filter((p) => /^(\/en)?\/print\/[\w-]+\/$/.test(p));
const quizzes = pages.filter((p) => /^(\/en)?\/quiz\/[\w-]+\/$/.test(p));
const OUT = mkdtempSync(join(tmpdir(), 'fz-print-'));

/** Prints the page to an A4 PDF and returns its page count and one PNG per page (pdftoppm). */
async function printed(page: Page, name: string) {
  const pdf = join(OUT, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(OUT, name)]);
  const pngs = readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  const text = (first: number) => execFileSync('pdftotext', ['-layout', '-f', String(first), '-l', String(first), pdf, '-'], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), size: /Page size:.*\(A4\)/.test(info), pngs, text };
}

/** Whether any element sticks out past the right edge of the printed page. */
async function overflowInPrint(page: Page) {
  await page.emulateMedia({ media: 'print' });
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  const over = await page.evaluate(
    (w) =>
      [...document.querySelectorAll('main *')]
        .filter((el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > w + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 30)}`),
    width,
  );
  await page.emulateMedia({ media: null });
  return over;
}

test('there are lesson, card and quiz pages in both languages', () => {
  for (const list of [lessons, cards, quizzes]) {
    const zh = list.filter((p) => !p.startsWith('/en/'));
    expect(zh.length).toBeGreaterThanOrEqual(4);
    expect(list.filter((p) => p.startsWith('/en/')).map((p) => p.slice(3))).toEqual(zh);
  }
  // One card per scam category, in each language.
  expect(cards).toHaveLength(2 * SCAM_SLUGS.length);
});

test.describe('printing on A4 (a 718 px wide page: A4 less its margins)', () => {
  test.use({ viewport: { width: 718, height: 1000 } });

  for (const [path, last] of [
    ['/lessons/upper-primary/handout/', '扫码打开本课'],
    ['/en/lessons/university/handout/', 'Scan to open this lesson'],
  ] as const) {
    test(`${path} prints as one A4 handout with nothing cut off`, async ({ page }) => {
      await page.goto(path);
      expect(await overflowInPrint(page)).toEqual([]);
      const pdf = await printed(page, path.replace(/\W+/g, '-'));
      expect(pdf.size).toBe(true);
      expect(pdf.pages).toBe(1);
      expect(pdf.pngs).toHaveLength(1);
      const text = pdf.text(1);
      expect(text).toContain('110');
      expect(text).toContain(last);
      expect(text).not.toMatch(/课堂流程|Class plan/);
    });
  }

  for (const slug of ['university', 'middle-school']) {
    test(`/lessons/${slug}/ prints its plan first and the handout on the last page, alone`, async ({ page }) => {
      await page.goto(`/lessons/${slug}/`);
      expect(await overflowInPrint(page)).toEqual([]);
      const pdf = await printed(page, `lesson-${slug}`);
      expect(pdf.pages).toBeGreaterThanOrEqual(2);
      const starts = Array.from({ length: pdf.pages }, (_, i) => pdf.text(i + 1).trim());
      const handout = starts.findIndex((t) => t.startsWith('学生讲义'));
      expect(handout, 'a page that starts with the handout').toBeGreaterThan(0);
      expect(handout, 'the handout is the last printed page: nothing spills after it').toBe(pdf.pages - 1);
      expect(starts.slice(0, handout).join('\n')).toContain('课堂流程');
      expect(starts.slice(handout).join('\n')).not.toContain('课堂流程');
    });
  }

  // A4 less 12 mm margins is 273 mm, 1,031 CSS px high; a card laid out for print within 1,000 px
  // prints on one page (the PDFs below), one that reaches 1,014 px does not.
  test('every card, laid out for print, fits one A4 page', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    const tall: string[] = [];
    for (const path of cards) {
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      const bottom = await page.locator('.card').evaluate((el) => el.getBoundingClientRect().bottom + scrollY);
      if (bottom > 1000) tall.push(`${path}: ${Math.round(bottom)} px`);
    }
    expect(tall).toEqual([]);
  });

  for (const path of ['/print/online-loans/', '/en/print/impersonating-authorities/', '/en/print/money-mule/']) {
    test(`${path} prints as one A4 card`, async ({ page }) => {
      await page.goto(path);
      expect(await overflowInPrint(page)).toEqual([]);
      const pdf = await printed(page, path.replace(/\W+/g, '-'));
      expect(pdf.pages).toBe(1);
      expect(pdf.text(1)).toContain('110');
      expect(pdf.text(1)).toMatch(/扫码看完整提醒|Scan for the full advice/);
    });
  }
});

test('the lesson list filters by age band without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/');
  const items = page.locator('.lessons > li');
  await expect(items).toHaveCount(4);
  await page.locator('label', { hasText: /^大学$/ }).click();
  await expect(page.getByRole('radio', { name: '大学', exact: true })).toBeChecked();
  await expect(items.filter({ visible: true })).toHaveCount(1);
  await expect(items.filter({ visible: true })).toContainText('大学');
  await page.locator('label', { hasText: /^全部$/ }).click();
  await expect(items.filter({ visible: true })).toHaveCount(4);
  await context.close();
});

test('a lesson shows its clips with the code to embed them', async ({ page }) => {
  await page.goto('/en/lessons/middle-school/');
  await expect(page.getByRole('heading', { name: 'Clips shown in class' })).toBeVisible();
  const snippet = page.locator('details pre code').first();
  await page.getByText('Code to embed it in a school website').first().click();
  await expect(snippet).toContainText(/<iframe src="https?:\/\/[^"]+\/en\/embed\/[\w-]+\/"/);
  await expect(page.getByRole('link', { name: 'Print the student handout (A4)' })).toHaveAttribute('href', '/en/lessons/middle-school/handout/');
});

test.describe('quizzes', () => {
  test('can be answered with JavaScript off: each choice opens its explanation', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/quiz/students/');
    const first = page.locator('[data-question]').first();
    await first.locator('summary').nth(1).click();
    await expect(first.locator('details').nth(1).locator('.answer')).toBeVisible();
    await expect(first.locator('details').nth(1)).toContainText(/答对了|不对/);
    await expect(page.getByRole('status')).toBeHidden();
    await context.close();
  });

  test('keeps score with JavaScript on, counting the first choice opened in each question', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('/en/quiz/seniors/');
    const questions = page.locator('[data-question]');
    const total = await questions.count();
    let right = 0;
    for (let i = 0; i < total; i++) {
      const details = questions.nth(i).locator('details');
      // Answer the first two questions right and the rest with the first wrong choice.
      const correct = await details.evaluateAll((ds) => ds.findIndex((d) => d.getAttribute('data-correct') === 'true'));
      const pick = i < 2 ? correct : correct === 0 ? 1 : 0;
      if (pick === correct) right++;
      await details.nth(pick).locator('summary').click();
      if (i === 0) await details.nth(correct === 0 ? 1 : 0).locator('summary').click();
    }
    await expect(page.getByRole('status')).toHaveText(`You got ${right} of ${total} right.`);
    expect(right).toBe(2);
    const after = requests.length;
    await page.waitForTimeout(300);
    expect(requests.length).toBe(after);
  });
});
