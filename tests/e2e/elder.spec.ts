import { axeViolations, WCAG_AA } from './axe';
import { expect, type Page } from '@playwright/test';
import { ELDER_KEY } from '../../src/lib/elder-mode';
import { test } from './kept';
import { isKioskPage, onePagePerType } from './dist';

/** 长者模式 (large text) on one page of every type, in both languages, on a 360 px phone. */
/** The A/AA rules the rest of the suite runs, and the AAA contrast rule (7:1, large text 4.5:1). */
const AXE_OPTIONS = { runOnly: { type: 'tag' as const, values: WCAG_AA }, rules: { 'color-contrast-enhanced': { enabled: true } } };
/** Embeds are framed by other sites and carry no header, so no switch. */
const pages = onePagePerType().filter((p) => !isKioskPage(p) && !/^(\/en)?\/embed\//.test(p));

const switchOf = (page: Page) => page.getByRole('switch', { name: /^(长者模式|Large text)$/ });

/** Visible elements in main with text of their own whose type is under 20 px (charts are drawn, with tables beside them). */
const smallText = (page: Page) =>
  page.locator('main').evaluate((main) =>
    [...main.querySelectorAll<HTMLElement>('*')]
      .filter((el) => !el.closest('svg, .fz-visually-hidden, [hidden], [aria-hidden="true"]') && el.checkVisibility())
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
      .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 20)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent!.trim().slice(0, 20)}" ${getComputedStyle(el).fontSize}`),
  );

/** The main links and controls: header, hotline bar, cards, buttons, breadcrumbs, filters, footer links. */
const TARGETS = [
  '.fz-header a', '.fz-header button', '.fz-header input[type="search"]', '.fz-elder-toggle', '.fz-hotline--strip a',
  'main button', 'main summary', 'main .fz-card', '.fz-crumbs a', '.fz-chips label', '.fz-footer a', '[data-check-result] .check-likely a',
].join(', ');
const smallTargets = (page: Page) =>
  page.locator(TARGETS).evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).checkVisibility())
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 59.5 || box.height < 59.5)
      .map(({ el, box }) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent!.trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`),
  );

/** Page-level horizontal scroll, and boxes that cut their own text off. */
const cutOff = (page: Page) =>
  page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('svg, .fz-visually-hidden, .vjs-control-text, .fz-skip, [hidden]') || !el.checkVisibility()) continue;
      const style = getComputedStyle(el);
      if (!/hidden|clip/.test(style.overflowX + style.overflowY)) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        problems.push(`${el.tagName.toLowerCase()}.${el.className} cuts off its content`);
      }
    }
    return problems;
  });

/** Everything 长者模式 must hold on the page as it is now (axe limited to `scope` if given), then again with text at 200%, as a browser's text size setting does: the root size doubles. */
async function elderProblems(page: Page, scope?: string) {
  const problems = [
    ...(await axeViolations(page, AXE_OPTIONS, scope)),
    ...(await smallText(page)).map((p) => `under 20 px: ${p}`),
    ...(await smallTargets(page)).map((p) => `under 60×60: ${p}`),
    ...(await cutOff(page)),
  ];
  await page.evaluate(() => {
    document.documentElement.style.fontSize = `${parseFloat(getComputedStyle(document.documentElement).fontSize) * 2}px`;
  });
  problems.push(...(await cutOff(page)).map((p) => `at 200%: ${p}`));
  return problems;
}

test.describe('长者模式 on a 360×640 phone', () => {
  test.use({ viewport: { width: 360, height: 640 } });
  // axe with the contrast rules and the layout checks on a long page take a while on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  for (const path of pages) {
    test(`${path}: AAA contrast, 20 px text, 60×60 targets, no sideways scroll, text at 200% not cut off`, async ({ keptElder: page }) => {
      await page.goto(path);
      await expect(switchOf(page)).toBeChecked();
      expect(await elderProblems(page)).toEqual([]);
    });
  }
});

test.describe('长者模式 on a 360×640 phone, the checker\'s answer', () => {
  test.use({ viewport: { width: 360, height: 640 } });
  test.describe.configure({ timeout: 120_000 });

  for (const [path, message] of [
    ['/check/', '我是银行客服，你的账户异常，请下载会议软件开屏幕共享，把钱转到安全账户'],
    ['/en/check/', 'This is your bank. Your account is frozen. Share your screen and move the money to a safe account.'],
  ] as const) {
    test(`${path} with an answer shown: AAA contrast, 20 px text, 60×60 targets, text at 200% not cut off`, async ({ page }) => {
      await page.addInitScript((key) => localStorage.setItem(key, 'on'), ELDER_KEY);
      await page.goto(path);
      await page.locator('textarea[name=message]').fill(message);
      await page.locator('textarea[name=message]').press('Tab');
      await page.keyboard.press('Enter');
      const result = page.locator('[data-check-result]');
      await expect(result).toHaveAttribute('data-verdict', 'warning');
      await expect(result.locator('.check-likely a').first()).toBeVisible();

      expect(await elderProblems(page, '[data-check-result]')).toEqual([]);
    });
  }
});

test('only a page in 长者模式 loads its rules, and it is in the mode when first drawn', async ({ page }) => {
  const sheets: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'stylesheet') sheets.push(new URL(request.url()).pathname);
  });
  /** The root's font size in the first frame the page draws: 20 px in the mode, 16 px outside it. */
  const firstFrame = async (path: string) => {
    await page.goto(path, { waitUntil: 'commit' });
    return page.evaluate(
      () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(parseFloat(getComputedStyle(document.documentElement).fontSize)))),
    );
  };
  expect(await firstFrame('/scams/online-loans/')).toBe(16);
  await expect(switchOf(page)).not.toBeChecked();
  expect(sheets).toEqual([]);

  // The seniors page opens in the mode, with its rules in its first response.
  expect(await firstFrame('/audiences/seniors/')).toBe(20);
  await expect(switchOf(page)).toBeChecked();
  expect(sheets).toEqual([]);

  // A reader who turned the mode on: each page waits for the mode's stylesheet before it is drawn.
  await page.evaluate((key) => localStorage.setItem(key, 'on'), ELDER_KEY);
  expect(await firstFrame('/scams/online-loans/')).toBe(20);
  expect(sheets).toEqual([expect.stringMatching(/^\/_astro\/elder\.[\w-]+\.css$/)]);
});

test('axe reports text under 7:1 when the AAA contrast rule is on', async ({ page }) => {
  // Outside 长者模式 the hotline bar's white on red (6.5:1) passes AA but not AAA.
  await page.goto('/scams/online-loans/');
  expect(await axeViolations(page, AXE_OPTIONS)).toContainEqual(expect.stringMatching(/^color-contrast-enhanced: /));
});

test('the switch is remembered on this device once turned on, and forgotten once turned off', async ({ page }) => {
  await page.goto('/scams/online-loans/');
  const bodyText = page.locator('main p').first();
  expect(parseFloat(await bodyText.evaluate((p) => getComputedStyle(p).fontSize))).toBeLessThan(20);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  await switchOf(page).focus();
  await page.keyboard.press('Space');
  await expect(switchOf(page)).toBeChecked();
  await expect.poll(() => bodyText.evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBeGreaterThanOrEqual(20);
  expect(await page.evaluate((key) => localStorage.getItem(key), ELDER_KEY)).toBe('on');

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据' }).click();
  await expect(page).toHaveURL(/\/stats\/$/);
  await expect(switchOf(page)).toBeChecked();

  await switchOf(page).click();
  await expect(switchOf(page)).not.toBeChecked();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  expect(await page.context().cookies()).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 640 } });

  test('the switch turns 长者模式 on and off, and the seniors page opens in it', async ({ page }) => {
    const size = () => page.locator('main p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    await page.goto('/en/scams/online-loans/');
    expect(await size()).toBeLessThan(20);
    await switchOf(page).click();
    await expect(switchOf(page)).toBeChecked();
    expect(await size()).toBeGreaterThanOrEqual(20);

    await page.goto('/audiences/seniors/');
    await expect(switchOf(page)).toBeChecked();
    const on = await size();
    expect(on).toBeGreaterThanOrEqual(20);
    await switchOf(page).click();
    await expect(switchOf(page)).not.toBeChecked();
    expect(await size()).toBeLessThan(on);
  });
});

/** Articles whose title must show on the first screen of a phone in 长者模式. */
const ARTICLES = ['/audiences/seniors/', '/scams/online-loans/', '/report/', '/en/audiences/seniors/', '/en/scams/online-loans/', '/en/report/'];
const SECTION_COUNT = 8;
const menuOf = (page: Page) => page.locator('.fz-header summary');
/** The section links inside the folded menu, as the reader reaches them. */
const menuLinks = (page: Page) => page.locator('.fz-header details').getByRole('navigation').getByRole('link');

/** Bottom of the first line of the page's title, in CSS px from the top of the page. */
const titleFirstLineBottom = (page: Page) =>
  page.locator('h1').first().evaluate((h1) => {
    const range = document.createRange();
    range.selectNodeContents(h1);
    return range.getClientRects()[0].bottom + window.scrollY;
  });

/**
 * Whether the search hint fits its field: typed into the field, the hint's words would scroll it
 * sideways if they did not (the field's own text box is narrower than the field: padding, clear button).
 */
const hintFits = (page: Page) =>
  page.locator('#site-search').evaluate((input: HTMLInputElement) => {
    input.value = input.placeholder;
    const [needs, gives] = [input.scrollWidth, input.clientWidth];
    input.value = '';
    return needs <= gives || `"${input.placeholder}" needs ${needs} px, the field gives ${gives}`;
  });

test.describe('长者模式 on a 360×640 phone: the header leaves room for the page', () => {
  test.use({ viewport: { width: 360, height: 640 } });

  for (const path of ARTICLES) {
    test(`${path}: the title shows on the first screen, the sections fold behind one menu button, the search hint fits`, async ({ page }) => {
      await page.addInitScript((key) => localStorage.setItem(key, 'on'), ELDER_KEY);
      await page.goto(path);
      await expect(switchOf(page)).toBeChecked();
      expect(await titleFirstLineBottom(page)).toBeLessThanOrEqual(640);
      await expect(menuOf(page)).toBeVisible();
      await expect(menuOf(page)).toHaveText(path.startsWith('/en/') ? 'Menu' : '菜单');
      const box = (await menuOf(page).boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(60);
      await expect(menuLinks(page).first()).toBeHidden();
      // Exactly one list of sections is shown: the menu's, once it is open.
      await expect(page.getByRole('navigation', { name: /^(主导航|Main)$/ })).toHaveCount(0);
      expect(await hintFits(page)).toBe(true);
    });
  }

  test('Tab follows the screen: skip link, the 110 button, the header, then the menu opens from the keyboard and reaches every section', async ({ page }) => {
    await page.addInitScript((key) => localStorage.setItem(key, 'on'), ELDER_KEY);
    await page.goto('/scams/online-loans/');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement!;
      return el.matches('.fz-skip') ? 'skip' : el.matches('a[href="tel:110"]') ? '110' : el.matches('.brand') ? 'brand'
        : el.matches('#fz-elder') ? 'switch' : el.matches('.lang') ? 'lang' : el.matches('summary') ? 'menu'
        : el.matches('#site-search') ? 'search' : el.outerHTML.slice(0, 60);
    });
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual(['skip', '110', 'brand', 'switch', 'lang', 'menu', 'search']);
    await page.keyboard.press('Shift+Tab');
    await expect(menuOf(page)).toBeFocused();
    await expect(menuOf(page)).toHaveCSS('outline-style', 'solid');
    await page.keyboard.press('Enter');
    await expect(menuLinks(page)).toHaveCount(SECTION_COUNT);
    const names: string[] = [];
    for (let i = 0; i < SECTION_COUNT; i++) {
      await page.keyboard.press('Tab');
      await expect(menuLinks(page).nth(i)).toBeFocused();
      await expect(menuLinks(page).nth(i)).toBeInViewport();
      names.push((await menuLinks(page).nth(i).textContent())!.trim());
    }
    expect(names).toContain('诈骗类型');
    await expect(menuLinks(page).filter({ hasText: '诈骗类型' })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('search');
  });
});

test.describe('长者模式 without JavaScript, on a 360×640 phone', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 640 } });

  test('the menu opens and reaches every section, the current one marked', async ({ page }) => {
    await page.goto('/en/audiences/seniors/');
    await expect(switchOf(page)).toBeChecked();
    expect(await titleFirstLineBottom(page)).toBeLessThanOrEqual(640);
    await expect(menuLinks(page).first()).toBeHidden();
    await menuOf(page).click();
    await expect(menuLinks(page)).toHaveCount(SECTION_COUNT);
    for (const link of await menuLinks(page).all()) await expect(link).toBeVisible();
    await expect(menuLinks(page).filter({ hasText: 'Advice for you' })).toHaveAttribute('aria-current', 'page');
    await menuLinks(page).filter({ hasText: 'Figures' }).click();
    await expect(page).toHaveURL(/\/en\/stats\/$/);
  });
});

test('outside 长者模式 the sections stay in the header as they were, with no menu button', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/report/');
  await expect(menuOf(page)).toBeHidden();
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link')).toHaveCount(SECTION_COUNT);
  for (const link of await nav.getByRole('link').all()) await expect(link).toBeVisible();
  await expect(nav.getByRole('link', { name: '被骗了怎么办' })).toHaveAttribute('aria-current', 'page');
});
