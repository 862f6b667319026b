import { expect, type ConsoleMessage, type Page, type Request, type Response } from '@playwright/test';
import { axeViolations, WCAG_AA } from './axe';
import { builtPages, isKioskPage, isNotFoundPage, onePagePerType } from './dist';
import { test } from './kept';

/**
 * Every built page, visited once: what each page must hold is checked in that one visit rather
 * than in one pass of the whole site per concern. Per page, in this order:
 * - first paint (#19), on one page of each type but the kiosk screens: styled from the first
 *   response, no Content-Security-Policy violation, nothing fetched before first paint;
 * - on a 360×640 phone, all but the kiosk screens (tested in kiosk.spec.ts): language, title,
 *   description, hotline in the first screen, one h1, no errors, no cookie or storage;
 * - at 1280×720, every page: axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules.
 * The page loads at 1280×720, as a desktop reader's would (the search page opens its filters
 * there), and is narrowed to the phone for the phone checks and widened back for axe.
 *
 * Most pages are visited in a tab each worker keeps (kept.ts). The first-paint pages and the kiosk
 * screens (which install a service worker) get a fresh context, with an empty cache.
 */
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 360, height: 640 };
const pages = builtPages();
const firstPaintPages = new Set(onePagePerType(pages).filter((p) => !isKioskPage(p)));

/**
 * Collects what a page load gets wrong: console errors, failed or refused requests. Only requests
 * made once it is watching count: in a kept tab the previous page's are cut off by the navigation.
 * Returns the problems and a function that stops watching.
 */
function watch(page: Page) {
  const problems: string[] = [];
  const made = new Set<Request>();
  const onRequest = (req: Request) => {
    made.add(req);
    if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:)/.test(req.url())) problems.push(`request to another origin: ${req.url()}`);
  };
  const onConsole = (msg: ConsoleMessage) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  };
  const onPageError = (err: Error) => problems.push(`page error: ${err.message}`);
  const onFailed = (req: Request) => {
    if (!made.has(req)) return;
    // With preload="metadata" Chromium reads the start of a video and aborts the rest by design.
    if (req.resourceType() === 'media' && req.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
  };
  const onResponse = (res: Response) => {
    if (made.has(res.request()) && res.status() >= 400 && res.url() !== page.url()) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  };
  page.on('request', onRequest);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  const stop = () => {
    page.off('request', onRequest);
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('requestfailed', onFailed);
    page.off('response', onResponse);
  };
  return { problems, stop };
}

/** What first paint must not see: CSP violations (event and console), stylesheet, font or icon requests. */
async function watchFirstPaint(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { violations: string[] }).violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  const console: string[] = [];
  page.on('console', (msg) => {
    if (/Content.Security.Policy/i.test(msg.text())) console.push(msg.text());
  });
  const fetched: string[] = [];
  page.on('request', (req) => {
    if (['stylesheet', 'font'].includes(req.resourceType()) || /favicon|\.ico$/.test(req.url())) fetched.push(`${req.resourceType()} ${req.url()}`);
  });
  return { console, fetched };
}

test.use({ viewport: DESKTOP });
// The time the three visits this one replaces had between them: 30 s each.
test.describe.configure({ timeout: 90_000 });

for (const path of pages) {
  const kiosk = isKioskPage(path);
  const firstPaint = firstPaintPages.has(path);
  const checks = [
    ...(firstPaint ? ['styled from the first response, no CSP violation'] : []),
    ...(kiosk ? [] : ['language, title, description, hotline in the first screen, no errors']),
    'no WCAG A/AA violations',
  ];

  const fresh = firstPaint || kiosk;
  const visit = async (page: Page) => {
    const firstPaintSeen = firstPaint ? await watchFirstPaint(page) : null;
    const watching = kiosk ? null : watch(page);
    const problems = watching?.problems;
    try {
      const response = await page.goto(path, { waitUntil: 'load' });

      if (firstPaintSeen) {
        await test.step('first paint: styled from the first response, with no Content-Security-Policy violation', async () => {
          expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
          expect(firstPaintSeen.console).toEqual([]);
          expect(firstPaintSeen.fetched).toEqual([]);
          // The inline CSS applied: the hotline bar has the brand colour and the body the site's font.
          const looks = await page.evaluate(() => ({
            font: getComputedStyle(document.body).fontFamily,
            hotline: getComputedStyle(document.querySelector('.fz-hotline--strip')!).backgroundColor,
          }));
          expect(looks.font).toMatch(/^system-ui/);
          expect(looks.hotline).not.toBe('rgba(0, 0, 0, 0)');
        });
      }

      if (problems) {
        await test.step('on a 360×640 phone: language, title, description, hotline in the first screen, no errors', async () => {
          await page.setViewportSize(PHONE);
          if (!isNotFoundPage(path)) expect(response?.status()).toBe(200);

          const lang = path.startsWith('/en/') ? 'en' : 'zh-CN';
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          expect((await page.title()).trim().length).toBeGreaterThan(3);
          const description = await page.locator('meta[name="description"]').getAttribute('content');
          expect(description?.trim().length ?? 0).toBeGreaterThan(10);

          const hotline = page.getByRole('complementary', { name: lang === 'en' ? 'Get help' : '报警求助' });
          await expect(hotline).toBeInViewport({ ratio: 1 });
          await expect(hotline.getByRole('link', { name: /110/ })).toHaveAttribute('href', 'tel:110');
          await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

          expect(problems).toEqual([]);
          expect(await page.context().cookies()).toEqual([]);
          expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
          await page.setViewportSize(DESKTOP);
        });
      }

      await test.step('axe: no WCAG A/AA violations', async () => {
        // Only violations are read: axe skips building selectors for every passing node.
        expect(await axeViolations(page, { resultTypes: ['violations'], runOnly: { type: 'tag', values: WCAG_AA } })).toEqual([]);
      });
    } finally {
      watching?.stop();
    }
  };

  const title = `${path}: ${checks.join('; ')}`;
  if (fresh) test(title, ({ page }) => visit(page));
  else test(title, ({ kept }) => visit(kept));
}
