import { test as base, type Browser, type Page } from '@playwright/test';
import { ELDER_KEY } from '../../src/lib/elder-mode';
import { BASE_PORT } from './ports';

type Size = { width: number; height: number };

/** A tab in a context of its own, at `size`, that a worker keeps from test to test; with `elder`, 长者模式 is remembered. */
async function keptTab(browser: Browser, size: Size, elder: boolean, use: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${BASE_PORT}`, viewport: size });
  if (elder) await context.addInitScript((key) => localStorage.setItem(key, 'on'), ELDER_KEY);
  await use(await context.newPage());
  await context.close();
}

/** After a test: clears the storage and cookies its page may have set, and puts back the tab's size. */
async function forget(page: Page, size: Size, use: (page: Page) => Promise<void>): Promise<void> {
  await use(page);
  await page.setViewportSize(size);
  await page
    .evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    })
    .catch(() => undefined);
  await page.context().clearCookies();
}

const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 360, height: 640 };

/**
 * Tabs each worker keeps for specs that visit page after page: a new browser context and tab cost
 * about 0.65 s each here, more than most checks of a page. The tab goes from page to page as a
 * reader's would; after each test what the page could have left behind is cleared.
 * - `kept`: at 1280×720;
 * - `keptElder`: on a 360×640 phone, with 长者模式 remembered on the device.
 * A spec that needs an empty cache, a service worker or init scripts of its own takes `page`.
 */
export const test = base.extend<{ kept: Page; keptElder: Page }, { keptTab: Page; keptElderTab: Page }>({
  keptTab: [({ browser }, use) => keptTab(browser, DESKTOP, false, use), { scope: 'worker' }],
  keptElderTab: [({ browser }, use) => keptTab(browser, PHONE, true, use), { scope: 'worker' }],
  kept: ({ keptTab }, use) => forget(keptTab, DESKTOP, use),
  keptElder: ({ keptElderTab }, use) => forget(keptElderTab, PHONE, use),
});
