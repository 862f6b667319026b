import { expect, test, type Page } from '@playwright/test';

/**
 * Read aloud with a stand-in for the browser's speech synthesis: headless Chromium has no
 * voices. The stand-in records what it is asked to say, starts each utterance at once and
 * finishes it only when the test says so.
 */
function stubSpeech(page: Page, voices: { lang: string; localService: boolean }[]) {
  return page.addInitScript((list) => {
    type Utterance = { text: string; voice: unknown; lang: string; onstart?: () => void; onend?: () => void; onerror?: (e: { error: string }) => void };
    const said: string[] = [];
    const queue: Utterance[] = [];
    const state = { paused: false, speaking: false };
    const begin = () => {
      const next = queue[0];
      if (!next) return (state.speaking = false);
      state.speaking = true;
      said.push(next.text);
      next.onstart?.();
    };
    class FakeUtterance {
      text: string;
      voice: unknown = null;
      lang = '';
      constructor(text: string) {
        this.text = text;
      }
    }
    const synth = {
      getVoices: () => list.map((v) => ({ ...v, name: `${v.lang} test voice`, voiceURI: v.lang, default: false })),
      speak(u: Utterance) {
        queue.push(u);
        if (queue.length === 1) begin();
      },
      pause: () => (state.paused = true),
      resume: () => (state.paused = false),
      cancel() {
        const dropped = queue.splice(0);
        state.speaking = false;
        dropped.forEach((u) => u.onerror?.({ error: 'interrupted' }));
      },
      addEventListener() {},
      get paused() {
        return state.paused;
      },
      get speaking() {
        return state.speaking;
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
    Object.assign(window, {
      speechTest: {
        said,
        paused: () => state.paused,
        /** The voice finishes the current sentence. */
        finish() {
          const done = queue.shift();
          done?.onend?.();
          if (queue.length) begin();
        },
      },
    });
  }, voices);
}

declare global {
  interface Window {
    speechTest: { said: string[]; paused: () => boolean; finish: () => void };
  }
}

const highlighted = (page: Page) =>
  page.evaluate(() => [...(CSS.highlights.get('fz-read-aloud') ?? [])].map((r) => (r as Range).toString()).join(''));

test('reads /report/ aloud with a local voice: starts, highlights, pauses, resumes, stops, all by keyboard, with no request', async ({ page }) => {
  await stubSpeech(page, [{ lang: 'en-US', localService: false }, { lang: 'zh-CN', localService: true }]);
  await page.goto('/report/');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  const controls = page.getByRole('group', { name: '朗读本页' });
  const start = controls.getByRole('button', { name: '朗读' });
  await start.focus();
  await page.keyboard.press('Enter');

  const title = await page.getByRole('heading', { level: 1 }).innerText();
  await expect.poll(() => highlighted(page)).toBe(title);
  // The sentence being read is marked in yellow, with black text.
  expect(await page.locator('h1').evaluate((h1) => getComputedStyle(h1, '::highlight(fz-read-aloud)').backgroundColor)).toBe('rgb(255, 224, 102)');
  expect(await page.evaluate(() => window.speechTest.said)).toEqual([title]);
  const pause = controls.getByRole('button', { name: '暂停' });
  await expect(pause).toBeFocused();
  await expect(controls.getByRole('status')).toHaveText('正在朗读');

  await page.evaluate(() => window.speechTest.finish());
  const lead = (await page.locator('.fz-lead').innerText()).split('。')[0] + '。';
  await expect.poll(() => highlighted(page)).toBe(lead);

  await page.keyboard.press('Space');
  await expect(controls.getByRole('button', { name: '继续' })).toBeFocused();
  await expect(controls.getByRole('status')).toHaveText('已暂停');
  expect(await page.evaluate(() => window.speechTest.paused())).toBe(true);
  await page.keyboard.press('Space');
  await expect(pause).toBeFocused();
  await expect(controls.getByRole('status')).toHaveText('正在朗读');
  expect(await page.evaluate(() => window.speechTest.paused())).toBe(false);

  await page.keyboard.press('Tab');
  await expect(controls.getByRole('button', { name: '停止' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(start).toBeFocused();
  await expect(controls.getByRole('status')).toHaveText('已停止');
  await expect.poll(() => highlighted(page)).toBe('');

  const said = await page.evaluate(() => window.speechTest.said);
  expect(said.join('')).not.toMatch(/信息来源|朗读|暂停/);
  // Chromium fetches the page's own icon whenever it likes; anything else would be the text leaving.
  expect(requests.filter((url) => new URL(url).pathname !== '/favicon.svg')).toEqual([]);
});

test('reads the checker\'s answer aloud once there is one, without the reader\'s own message, and stops when it is replaced', async ({ page }) => {
  await stubSpeech(page, [{ lang: 'zh-CN', localService: true }]);
  await page.goto('/check/');
  const controls = page.getByRole('group', { name: '朗读检查结果' });
  // No answer yet: nothing to read.
  await expect(controls).toBeHidden();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  const message = '我是银行客服，你的账户异常，请下载会议软件开屏幕共享配合核实';
  await page.locator('textarea[name=message]').fill(message);
  await page.getByRole('button', { name: '检查', exact: true }).press('Enter');
  const result = page.getByRole('region', { name: '检查结果' });
  const heading = result.getByRole('heading', { level: 2 });
  await expect(heading).toBeFocused();
  // The controls sit under the answer's heading: the next Tab reaches them.
  await expect(result.getByRole('group', { name: '朗读检查结果' })).toBeVisible();
  await page.keyboard.press('Tab');
  const start = controls.getByRole('button', { name: '朗读' });
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');

  const title = await heading.innerText();
  await expect.poll(() => highlighted(page)).toBe(title);
  await expect(controls.getByRole('button', { name: '暂停' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(controls.getByRole('status')).toHaveText('已暂停');
  expect(await page.evaluate(() => window.speechTest.paused())).toBe(true);
  await page.keyboard.press('Space');
  await expect(controls.getByRole('status')).toHaveText('正在朗读');

  // Read to the end: the verdict, what was found and the likely scams, never the reader's message or the buttons.
  await page.waitForFunction(() => {
    window.speechTest.finish();
    return !document.querySelector<HTMLElement>('[data-read="start"]')!.hidden;
  });
  const said = (await page.evaluate(() => window.speechTest.said)).join('');
  expect(said).toContain(title);
  expect(said).toContain(await result.locator('.check-found li strong').first().innerText());
  expect(said).toContain(await result.locator('.check-likely a').first().innerText());
  expect(said).not.toContain(message);
  expect(said).not.toMatch(/朗读|暂停|停止/);
  await expect(start).toBeFocused();

  // Checking again while it reads stops the reading, and the new answer has its own controls.
  await start.press('Enter');
  await expect.poll(() => highlighted(page)).toBe(title);
  await page.locator('textarea[name=message]').fill('明天下午三点开会，记得带上材料。');
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await expect(result).toHaveAttribute('data-verdict', 'no-known-signs');
  await expect.poll(() => highlighted(page)).toBe('');
  await expect(controls.getByRole('button', { name: '朗读' })).toBeVisible();
  await expect(controls.getByRole('button', { name: '停止' })).toBeHidden();

  // Clearing takes the controls away with the answer.
  await page.getByRole('button', { name: '清空' }).click();
  await expect(controls).toBeHidden();
  expect(requests.filter((url) => new URL(url).pathname !== '/favicon.svg')).toEqual([]);
});

test('an English article is read with an English voice, to the end', async ({ page }) => {
  await stubSpeech(page, [{ lang: 'en-GB', localService: true }]);
  await page.goto('/en/scams/online-loans/');
  await page.getByRole('button', { name: 'Read aloud' }).click();
  await expect.poll(() => page.evaluate(() => window.speechTest.said.length)).toBe(1);
  // Let the voice run through every sentence: the controls return to the start.
  await page.waitForFunction(() => {
    window.speechTest.finish();
    return !document.querySelector<HTMLElement>('[data-read="start"]')!.hidden;
  });
  const said = await page.evaluate(() => window.speechTest.said);
  expect(said.length).toBeGreaterThan(10);
  expect(said.some((s) => s.includes('110'))).toBe(true);
  await expect(page.getByRole('group', { name: 'Read this page aloud' }).getByRole('status')).toHaveText('Stopped');
});

test('read aloud is hidden when the device has only a network voice, or none for the page\'s language', async ({ page }) => {
  await stubSpeech(page, [{ lang: 'zh-CN', localService: false }]);
  await page.goto('/scams/online-loans/');
  await expect(page.locator('[data-read-aloud]')).toBeAttached();
  await expect(page.getByRole('button', { name: '朗读' })).toBeHidden();

  // The only voice is Chinese, and a network one at that.
  await page.goto('/en/report/');
  await expect(page.getByRole('button', { name: 'Read aloud' })).toBeHidden();
});
