import { axeViolations, WCAG_AA } from './axe';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SCAM_SLUGS } from '../../src/lib/taxonomy';

interface Corpus {
  scam: { category: string; text: string }[];
  ordinary: { kind: string; text: string }[];
}
const corpus = parse(readFileSync('tests/fixtures/check/messages.yaml', 'utf8')) as Corpus;

/** Checks `text` through the page's own form and returns what the result region says. */
async function checkText(page: Page, text: string, button = '检查') {
  await page.locator('textarea[name=message]').fill(text);
  const result = page.locator('[data-check-result]');
  await result.evaluate((r) => r.removeAttribute('data-verdict'));
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(result).toHaveAttribute('data-verdict', /./);
  return { verdict: await result.getAttribute('data-verdict'), categories: (await result.getAttribute('data-categories'))!.split(' ').filter(Boolean) };
}

/** Every request the page makes from now on. */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(r.url()));
  return seen;
}

test('a scam message of each category gets its category first, ordinary messages get no warning, and nothing leaves the page', async ({ page, context }) => {
  await page.goto('/check/', { waitUntil: 'networkidle' });
  // The script has run, so every module it imports has arrived: only then is the page loaded.
  await expect(page.getByText('自动检查需要开启 JavaScript', { exact: false })).toBeHidden();
  const requests = recordRequests(page);
  const entries = await page.evaluate(() => history.length);
  for (const slug of SCAM_SLUGS) {
    const message = corpus.scam.find((m) => m.category === slug)!;
    expect((await checkText(page, message.text)).categories[0], message.text).toBe(slug);
  }
  for (const message of corpus.ordinary.filter((m) => ['family', 'school'].includes(m.kind))) {
    expect((await checkText(page, message.text)).verdict, message.text).not.toBe('warning');
  }
  expect(requests).toEqual([]);
  expect(new URL(page.url()).pathname + new URL(page.url()).search + new URL(page.url()).hash).toBe('/check/');
  expect(await context.cookies()).toEqual([]);
  expect(
    await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      history: history.length,
    })),
  ).toEqual({ local: 0, session: 0, databases: 0, caches: 0, history: entries });
});

test('the answer highlights the reader’s words, explains them, links the scam type and is axe clean', async ({ page }) => {
  await page.goto('/check/');
  const text = '您好，我是上海市公安局的警官，你涉嫌洗钱，请把钱转到安全帳戶接受资金清查，不要告訴家人。';
  expect(await checkText(page, text)).toEqual({ verdict: 'warning', categories: ['impersonating-authorities'] });
  const result = page.locator('[data-check-result]');
  await expect(result.getByRole('heading', { level: 2 })).toHaveText('很可能是诈骗');
  await expect(result.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(result.locator('.check-text mark').first()).toBeVisible();
  expect(await result.locator('.check-text mark').allTextContents()).toEqual(expect.arrayContaining(['安全帳戶', '不要告訴']));
  await expect(result.getByText('根本没有“安全账户”', { exact: false })).toBeVisible();
  await expect(page.locator('[data-advice-set=first-ten-minutes] li').first()).toContainText('立即拨打 110');
  await expect(result.getByRole('link', { name: '假冒公检法诈骗' })).toHaveAttribute('href', '/scams/impersonating-authorities/');
  await expect(page.getByRole('link', { name: '110' }).first()).toBeVisible();
  await expect(page.getByText('96110', { exact: false }).first()).toBeVisible();
  expect(await axeViolations(page, { runOnly: { type: 'tag', values: WCAG_AA } })).toEqual([]);
});

test('with nothing found it says so, says that is not safety, and names who to treat as a scammer', async ({ page }) => {
  await page.goto('/en/check/');
  expect(await checkText(page, 'Dinner is at seven tonight, see you then.', 'Check')).toEqual({ verdict: 'no-known-signs', categories: [] });
  const result = page.locator('[data-check-result]');
  await expect(result.getByRole('heading', { level: 2 })).toHaveText('No known scam pattern found');
  await expect(result).toContainText('does not mean the message is safe');
  await expect(result).toContainText('share your screen as a scammer');
});

test('bad input: empty asks for text, markup stays text, and a very long text is cut and says so', async ({ page }) => {
  await page.goto('/check/');
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/请先贴上或写下/);
  await expect(page.locator('textarea[name=message]')).toBeFocused();
  await expect(page.locator('textarea[name=message]')).toHaveAttribute('aria-invalid', 'true');

  const markup = '<img src=x onerror="document.title=1">安全账户<script>document.title=2</script>';
  await checkText(page, markup);
  const result = page.locator('[data-check-result]');
  await expect(result.locator('img, script')).toHaveCount(0);
  await expect(result.locator('.check-text')).toHaveText(markup);
  expect(await page.title()).not.toMatch(/^[12]$/);

  await checkText(page, '好'.repeat(12_000) + '安全账户');
  await expect(result).toContainText('只检查了前 10000 个字符');
  await expect(result).toHaveAttribute('data-verdict', 'no-known-signs');
});

test('works with the network gone once the page has loaded', async ({ page, context }) => {
  await page.goto('/check/', { waitUntil: 'networkidle' });
  await expect(page.getByText('自动检查需要开启 JavaScript', { exact: false })).toBeHidden();
  await context.setOffline(true);
  expect((await checkText(page, '兼职刷单，点赞返佣金，先垫付下单，卡单了要再充值才能提现')).categories[0]).toBe('part-time-jobs');
  await context.setOffline(false);
});

test('keyboard only: a starter fills the box, then Enter on the button checks and focus moves to the answer', async ({ page }) => {
  await page.goto('/check/');
  const starter = page.getByRole('button', { name: '有人打电话说……' });
  await starter.focus();
  await page.keyboard.press('Enter');
  const box = page.locator('textarea[name=message]');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('有人打电话说：');
  await page.keyboard.type('他是银行客服，要我开屏幕共享');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '检查', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-check-result]')).toHaveAttribute('data-verdict', 'warning');
  await expect(page.locator('[data-check-result] h2')).toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page shows the same questions as a checklist, each opening to what it means', async ({ page }) => {
    await page.goto('/check/');
    await expect(page.getByText('自动检查需要开启 JavaScript', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: '有人打电话说……' })).toBeHidden();
    const question = page.locator('details.question').filter({ has: page.getByText('要你说出验证码', { exact: true }) });
    await question.locator('summary').click();
    await expect(question.getByText('验证码不告诉任何人', { exact: false })).toBeVisible();
    expect(await page.locator('details.question').count()).toBeGreaterThanOrEqual(15 + SCAM_SLUGS.length);
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await expect(page).toHaveURL(/\/check\/$/);
  });
});

test('the header, the home page and /report/ link to the checker', async ({ page }) => {
  for (const [path, name, href] of [
    ['/', '是不是诈骗？贴上消息查一查', '/check/'],
    ['/report/', '把内容贴进来，查一查是不是诈骗', '/check/'],
    ['/en/', 'Is it a scam? Paste the message and check', '/en/check/'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: path.startsWith('/en/') ? 'Main' : '主导航' }).getByRole('link', { name: path.startsWith('/en/') ? 'Is it a scam?' : '是不是诈骗？' })).toHaveAttribute('href', href);
    await expect(page.getByRole('main').getByRole('link', { name })).toHaveAttribute('href', href);
  }
});
