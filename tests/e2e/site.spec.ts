import { SCAM_SLUGS } from '../../src/lib/taxonomy';
import { expect, test } from '@playwright/test';

// Every built page on a 360×640 phone (language, title, description, hotline, no errors) is
// checked in pages.spec.ts, in the one visit each page gets.

test('every page carries a Content-Security-Policy of its own origin only, and refuses to be framed', async ({ page }) => {
  const response = await page.goto('/scams/online-shopping/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toMatch(/https?:|unsafe-inline|\*/);
  expect(response?.headers()['x-frame-options']).toBe('DENY');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response?.headers()['referrer-policy']).toBe('same-origin');
  expect(response?.headers()['permissions-policy']).toContain('camera=()');
});

test('the language switch keeps the current page', async ({ page }) => {
  await page.goto('/scams/online-romance/');
  await page.getByRole('link', { name: 'Read this page in English' }).click();
  await expect(page).toHaveURL(/\/en\/scams\/online-romance\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: '阅读本页中文版' }).click();
  await expect(page).toHaveURL(/\/scams\/online-romance\/$/);
});

test('hreflang alternates and the canonical point at the two language versions', async ({ page }) => {
  await page.goto('/en/stats/');
  const href = (sel: string) => page.locator(sel).getAttribute('href');
  expect(await href('link[rel="canonical"]')).toMatch(/\/en\/stats\/$/);
  expect(await href('link[rel="alternate"][hreflang="zh-CN"]')).toMatch(/[^n]\/stats\/$/);
  expect(await href('link[rel="alternate"][hreflang="en"]')).toMatch(/\/en\/stats\/$/);
  expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBeTruthy();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an article reads in full, with its red flags and hotline', async ({ page }) => {
    await page.goto('/scams/impersonating-authorities/');
    await expect(page.getByRole('heading', { level: 2, name: '遇到这些，就是诈骗' })).toBeVisible();
    await expect(page.getByRole('link', { name: /110/ }).first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据' })).toBeVisible();
  });
});

test('an article prints without navigation, with the hotline and its address', async ({ page }) => {
  await page.goto('/en/scams/online-loans/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Get help' })).toBeVisible();
  await expect(page.getByText(/^Page address: http.*\/en\/scams\/online-loans\/$/)).toBeVisible();
});

test.describe('the 404 page', () => {
  for (const [path, lang, heading] of [
    ['/no-such-page/', 'zh-CN', '找不到这个页面'],
    ['/en/no-such-page/', 'en', 'Page not found'],
  ]) {
    test(`${path} answers 404 in ${lang}`, async ({ page }) => {
      const response = await page.goto(path!);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', lang!);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading!);
    });
  }
});

test('/stats/ shows every figure of the release, with charts drawn as SVG and tables for screen readers', async ({ page }) => {
  await page.goto('/stats/');
  const text = await page.locator('main').innerText();
  for (const figure of ['72.4%', '21.7%', '5.9%', '81.3%', '76.3%', '7.5%', '34.8%', '4.5%', '23%', '39.2%', '14.6%', '51.4%', '30.5%', '8300万', '263万', '1326.9万', '24.3万', '5万', '110名', '3300余万']) {
    expect(text, figure).toContain(figure);
  }
  expect(await page.locator('main figure svg').count()).toBeGreaterThanOrEqual(4);
  await expect(page.getByRole('table', { name: '诈骗从哪里来：接报既遂案件的渠道' })).toContainText('72.4%');
  expect(await page.locator('script[src]:not([src*="ElderToggle"])').count()).toBe(0);
});

test('English pages give each Chinese quote of a figure in English too; Chinese pages do not', async ({ page }) => {
  await page.goto('/en/stats/');
  const figures = page.locator('main .facts li');
  const count = await figures.count();
  expect(count).toBeGreaterThanOrEqual(20);
  await expect(page.locator('main .facts li blockquote[lang="zh-CN"] + p.gloss')).toHaveCount(count);
  await expect(figures.first().locator('.gloss')).toContainText(/^Our translation: “.*72\.4%.*”$/);
  await page.goto('/en/scams/online-shopping/');
  await expect(page.locator('.fz-figure .gloss').first()).toContainText('Our translation: “');
  await page.goto('/stats/');
  await expect(page.locator('.gloss')).toHaveCount(0);
});

test('the matrix links every cell that has advice', async ({ page }) => {
  await page.goto('/audiences/');
  const table = page.getByRole('table');
  // A header row and one row per scam category.
  await expect(table.getByRole('row')).toHaveCount(SCAM_SLUGS.length + 1);
  const cells = table.getByRole('link', { name: /有提醒/ });
  expect(await cells.count()).toBeGreaterThanOrEqual(7);
  await cells.first().click();
  await expect(page).toHaveURL(/\/(scams|audiences)\/[a-z-]+\/$/);
});

test('the scam × audience table scrolls inside itself and never widens the page on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  for (const path of ['/audiences/', '/en/audiences/']) {
    await page.goto(path);
    const table = page.getByRole('table');
    await expect(table.getByRole('link', { name: /×/ }).first()).toBeAttached();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
  }
});
