import { expect, type Page } from '@playwright/test';
import { test } from './kept';
import { builtPages, isKioskPage, onePagePerType } from './dist';

/**
 * Full keyboard use (#18, and the 适老化 standard): on one page of every type, in both languages,
 * Tab alone reaches every visible control, each shows a focus indicator when it gets there, and
 * nothing covers it. Kiosk screens have no keyboard by design.
 */
const pages = onePagePerType(builtPages()).filter((p) => !isKioskPage(p));

/** Controls a reader can reach: what the browser puts in the Tab order. */
const CONTROLS = [
  'a[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'summary', 'iframe', 'video[controls]',
  'audio[controls]', '[tabindex]:not([tabindex^="-"])', '[contenteditable="true"]', '[contenteditable=""]',
].join(', ');

declare global {
  interface Window {
    kb: { base: Map<Element, string>; seen: Set<Element>; problems: string[] };
  }
}

/** Marks every visible control and notes how it and what draws its focus ring look before focus. */
const prepare = (page: Page) =>
  page.evaluate((selector) => {
    const looks = (node: Element) => {
      const s = getComputedStyle(node);
      return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.boxShadow}`;
    };
    const base = new Map<Element, string>();
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]') && !(el as HTMLButtonElement).disabled,
    );
    for (const el of controls) {
      for (const node of [el, el.parentElement, el.parentElement?.parentElement, el.nextElementSibling]) if (node) base.set(node, looks(node));
    }
    window.kb = { base, seen: new Set(), problems: [] };
    return controls.length;
  }, CONTROLS);

/** After a Tab: what has focus, whether its ring shows and is not covered. Returns false once focus has left the page. */
const afterTab = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    if (window.kb.seen.has(el)) return false;
    window.kb.seen.add(el);
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 24)}"`;
    // The ring may be drawn on the control, on its label or wrapper, or on the element just after it (a chip's text).
    const ring = [el, el.parentElement, el.parentElement?.parentElement, el.nextElementSibling].some((node) => {
      if (!node || !node.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const s = getComputedStyle(node);
      const now = `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.boxShadow}`;
      if (window.kb.base.has(node) && window.kb.base.get(node) === now) return false;
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    });
    // Native media controls draw their own ring inside the element, out of the page's reach.
    if (!ring && !(el instanceof HTMLMediaElement)) window.kb.problems.push(`no focus ring: ${name}`);
    // A control drawn by its label (a filter chip over a hidden radio button) is seen, and covered, where its label is.
    const label = el instanceof HTMLInputElement ? el.labels?.[0] : undefined;
    const shown = label && !el.checkVisibility({ opacityProperty: true }) ? label : el;
    const box = shown.getBoundingClientRect();
    // A link that wraps onto a second line is hit-tested on its first line: the middle of its whole box may be another link.
    const line = shown.getClientRects()[0] ?? box;
    const x = Math.min(Math.max(line.left + line.width / 2, 1), innerWidth - 1);
    const y = Math.min(Math.max(line.top + Math.min(line.height, 40) / 2, 1), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    const owner = shown.closest('label') ?? shown;
    if (box.bottom < 0 || box.top > innerHeight) window.kb.problems.push(`off screen when focused: ${name}`);
    else if (hit && !owner.contains(hit) && !el.contains(hit) && !hit.contains(el)) window.kb.problems.push(`covered by ${hit.tagName.toLowerCase()}.${hit.className} when focused: ${name}`);
    return true;
  });

/** Controls that Tab never reached; for radio buttons, one per group is enough. */
const missed = (page: Page) =>
  page.evaluate((selector) => {
    const groups = new Set([...window.kb.seen].filter((el) => el instanceof HTMLInputElement && el.type === 'radio').map((el) => (el as HTMLInputElement).name));
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]') && !(el as HTMLButtonElement).disabled)
      .filter((el) => !window.kb.seen.has(el) && !(el instanceof HTMLInputElement && el.type === 'radio' && groups.has(el.name)))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 24)}"`);
  }, CONTROLS);

for (const elder of [false, true]) {
  test.describe(`Tab reaches every control, with a visible focus ring${elder ? ', in 长者模式 on a 360×640 phone' : ''}`, () => {
    // Long pages mean hundreds of key presses on a shared machine.
    test.describe.configure({ timeout: 180_000 });
    for (const path of pages) {
      const tabThrough = async (page: Page) => {
        await page.goto(path);
        // Scripts that add controls (players, starters, filters) have run once the page has loaded.
        await page.waitForLoadState('load');
        // Embeds, framed by other sites, carry no header and so no switch.
        if (elder && (await page.locator('#fz-elder').count())) await expect(page.locator('#fz-elder')).toBeChecked();
        const count = await prepare(page);
        let steps = 0;
        do {
          await page.keyboard.press('Tab');
        } while ((await afterTab(page)) && ++steps < 1000);
        expect(steps, 'Tab stopped before the end of the page').toBeLessThan(1000);
        const problems = [...(await page.evaluate(() => window.kb.problems)), ...(await missed(page)).map((m) => `never reached: ${m}`)];
        expect(problems).toEqual([]);
        expect(count).toBeGreaterThan(0);
      };
      if (elder) test(path, ({ keptElder }) => tabThrough(keptElder));
      else test(path, ({ kept }) => tabThrough(kept));
    }
  });
}

/** Presses Tab from the top of the page until `target` has focus. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>) {
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Tab never reached the control');
}

test.describe('the main controls work from the keyboard alone', () => {
  test('长者模式 switch: Space turns it on and off', async ({ page }) => {
    await page.goto('/en/report/');
    const toggle = page.getByRole('switch', { name: 'Large text' });
    await tabTo(page, toggle);
    await page.keyboard.press('Space');
    await expect(toggle).toBeChecked();
    // The mode's stylesheet is fetched when the mode is turned on: wait until it applies.
    await expect.poll(() => page.locator('main p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBeGreaterThanOrEqual(20);
    await page.keyboard.press('Space');
    await expect(toggle).not.toBeChecked();
  });

  test('quiz: Enter on a choice opens its answer and counts it', async ({ page }) => {
    await page.goto('/quiz/seniors/');
    const first = page.locator('[data-question]').first();
    const choice = first.locator('summary').first();
    await tabTo(page, choice);
    await page.keyboard.press('Enter');
    await expect(first.locator('details').first()).toHaveAttribute('open', '');
    await expect(first).toHaveAttribute('data-answered', /^(right|wrong)$/);
    await expect(page.getByRole('status')).toContainText('1');
    // Space opens a choice too.
    await page.keyboard.press('Tab');
    const next = first.locator('summary').nth(1);
    if (!(await next.evaluate((el) => el === document.activeElement))) await tabTo(page, next);
    await page.keyboard.press('Space');
    await expect(first.locator('details').nth(1)).toHaveAttribute('open', '');
  });

  test('search: the filters open and apply from the keyboard on a phone', async ({ page }) => {
    // On a phone the filters start folded away.
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto('/search/?q=' + encodeURIComponent('转账'));
    const results = page.locator('[data-search-results] li h3 a');
    await expect(page.getByRole('status')).toHaveText(/\d/, { timeout: 10_000 });
    await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false');
    const all = await results.count();
    const filters = page.locator('[data-search-filters] summary');
    await tabTo(page, filters);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-search-filters]')).toHaveAttribute('open', '');
    const chip = page.locator('[data-search-filters] input[type="checkbox"]').first();
    await page.keyboard.press('Tab');
    if (!(await chip.evaluate((el) => el === document.activeElement))) await tabTo(page, chip);
    await page.keyboard.press('Space');
    await expect(chip).toBeChecked();
    await expect.poll(() => results.count()).toBeLessThan(all);
  });
});
