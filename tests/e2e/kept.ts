import { test as base, type Browser, type Page } from '@playwright/test';
import { ELDER_KEY } from '../../src/components/elder/elder-mode';
import { BASE_PORT } from './ports';

/** Each kept tab's own size, put back by `forget()`. */
const sizes = new WeakMap<Page, { width: number; height: number }>();

async function keptTab(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${BASE_PORT}`, viewport });
  const page = await context.newPage();
  sizes.set(page, viewport);
  return page;
}

/**
 * Tabs each worker keeps for specs that visit page after page: a new browser context and tab cost
 * about 0.65 s each here, more than most checks of a page. The tab goes from page to page as a
 * reader's would; `forget()` after each page clears what the page could have left behind.
 * - `kept`: at 1280×720;
 * - `keptElder`: on a 360×640 phone, with 长者模式 remembered on the device.
 * A spec that needs an empty cache, a service worker or init scripts of its own takes `page`.
 */
export const test = base.extend<object, { kept: Page; keptElder: Page }>({
  kept: [
    async ({ browser }, use) => {
      const page = await keptTab(browser, { width: 1280, height: 720 });
      await use(page);
      await page.context().close();
    },
    { scope: 'worker' },
  ],
  keptElder: [
    async ({ browser }, use) => {
      const page = await keptTab(browser, { width: 360, height: 640 });
      await page.context().addInitScript((key) => localStorage.setItem(key, 'on'), ELDER_KEY);
      await use(page);
      await page.context().close();
    },
    { scope: 'worker' },
  ],
});

/** Clears the storage and cookies a page may have set in a kept tab, and puts back its size. */
export async function forget(page: Page): Promise<void> {
  const size = sizes.get(page);
  if (size) await page.setViewportSize(size);
  await page
    .evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    })
    .catch(() => undefined);
  await page.context().clearCookies();
}
