import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { builtPages } from './dist';

const CLIP = 'online-loans';

test('a clip page plays, shows Chinese captions, and its transcript is the caption text', async ({ page, request }) => {
  await page.goto(`/videos/${CLIP}/`);
  const video = page.locator('video');
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
  const caption = await video.evaluate(async (v: HTMLVideoElement) => {
    const track = [...v.textTracks].find((t) => t.language === 'zh-CN')!;
    for (let i = 0; i < 50 && !track.activeCues?.length; i++) await new Promise((r) => setTimeout(r, 100));
    return { mode: track.mode, text: (track.activeCues?.[0] as VTTCue | undefined)?.text ?? '' };
  });
  expect(caption.mode).toBe('showing');
  const vtt = await (await request.get(`/media/${CLIP}.zh.vtt`)).text();
  const cues = vtt.split('\n\n').slice(1).map((block) => block.split('\n').slice(2).join('\n').trim());
  expect(cues[0]).toBe(caption.text);
  const transcript = await page.locator('.transcript li').allInnerTexts();
  expect(transcript.map((line) => line.replace(/^\d+:\d\d\s*/, ''))).toEqual(cues);
});

test('a clip page loads video.js only when play is pressed; by keyboard it then plays, with captions', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (req) => fetched.push(new URL(req.url()).pathname));
  await page.goto(`/videos/${CLIP}/`);
  const play = page.getByRole('button', { name: /^播放视频：放款前要先交钱？是骗局$/ });
  await expect(play).toBeVisible();
  const videojs = (paths: string[]) => paths.filter((p) => /clip-player|video-js/.test(p));
  expect(videojs(fetched)).toEqual([]);
  expect(fetched.filter((p) => p.endsWith('.mp4'))).toEqual([]);

  await page.keyboard.press('Tab');
  for (let i = 0; i < 40 && !(await play.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(play).toBeFocused();
  const before = await page.locator('[data-fz-clip]').boundingBox();
  await page.keyboard.press('Enter');

  const player = page.locator('.video-js.vjs-v8');
  await expect(player).toHaveClass(/vjs-playing/);
  expect(videojs(fetched).length).toBeGreaterThanOrEqual(2);
  // Focus stays with the player, on the control that pauses.
  await expect(player.locator('.vjs-play-control')).toBeFocused();
  const video = player.locator('video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => [...v.textTracks].filter((t) => t.mode === 'showing' && (t.activeCues?.length ?? 0) > 0).map((t) => t.language)))
    .toEqual(['zh-CN']);
  // The picture keeps the top 16:9 and the captions a band below it, clear of the 96110 line and
  // 110 the clip draws along its bottom; the frame is the same size before video.js and after.
  const box = await player.boundingBox();
  expect(box!.height).toBeCloseTo(box!.width * (0.5625 + 0.12) + 30, 0);
  expect(await video.evaluate((v: HTMLVideoElement) => getComputedStyle(v).objectPosition)).toBe('50% 0%');
  expect((await page.locator('[data-fz-clip]').boundingBox())!.height).toBeCloseTo(before!.height, 0);
});

test('without JavaScript a clip page is the browser’s own player, with both caption tracks and the MP4 to download', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/videos/${CLIP}/`);
  const video = page.locator('video');
  await expect(video).toHaveAttribute('controls', '');
  await expect(video.locator('track')).toHaveCount(2);
  await expect(page.getByRole('button', { name: /^播放视频/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '下载视频（MP4）' }).first()).toHaveAttribute('href', `/media/${CLIP}.mp4`);
  await expect(page.getByRole('heading', { name: '文字稿' })).toBeVisible();
  await context.close();
});

test('the English clip page turns on English captions', async ({ page }) => {
  await page.goto(`/en/videos/${CLIP}/`);
  const modes = await page.locator('video').evaluate((v: HTMLVideoElement) => [...v.textTracks].map((t) => `${t.language}:${t.mode}`));
  expect(modes).toContain('en:showing');
});

test('the library lists every clip with its poster, title and length', async ({ page }) => {
  await page.goto('/videos/');
  const cards = page.locator('main ul li a[href^="/videos/"]');
  expect(await cards.count()).toBeGreaterThanOrEqual(12);
  await expect(cards.first().locator('img')).toHaveAttribute('src', /^\/media\/.+\.jpg$/);
  await expect(cards.first()).toContainText(/时长 \d:\d\d/);
});

test('the library filters by category without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/en/videos/');
  const cards = page.locator('main li[data-filter]');
  const all = await cards.count();
  await page.locator('label', { hasText: /^Online loan scams$/ }).click();
  await expect(cards.filter({ visible: true })).toHaveCount(1);
  await expect(cards.filter({ visible: true })).toContainText(/loan/i);
  await expect(page.getByRole('heading', { name: 'By group' })).toBeHidden();
  await page.locator('label', { hasText: /^By group$/ }).click();
  await expect(page.getByRole('heading', { name: 'By scam type' })).toBeHidden();
  expect(await cards.filter({ visible: true }).count()).toBeGreaterThanOrEqual(3);
  await page.locator('label', { hasText: /^All$/ }).click();
  await expect(cards.filter({ visible: true })).toHaveCount(all);
  await context.close();
});

test('an embed plays inside an iframe on another origin, and other pages refuse to be framed', async ({ page, baseURL }) => {
  // A school's page on a second local port: another origin that frames the embed and a normal page.
  const school = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>School</title><iframe id="ok" src="${baseURL}/embed/${CLIP}/" width="640" height="420"></iframe><iframe id="no" src="${baseURL}/videos/${CLIP}/"></iframe>`);
  });
  await new Promise<void>((resolve) => school.listen(0, '127.0.0.1', resolve));
  try {
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${new URL(r.url()).pathname} ${r.failure()?.errorText}`));
    await page.goto(`http://127.0.0.1:${(school.address() as AddressInfo).port}/`);
    const embed = page.frameLocator('#ok');
    await expect(embed.getByRole('heading', { level: 1 })).toBeVisible();
    // The player fits the frame: nothing to scroll inside it.
    expect(await embed.locator('body').evaluate(() => document.scrollingElement!.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
    await embed.locator('video').evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      await v.play();
    });
    await expect.poll(() => embed.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
    // A refused frame ends on Chromium's error page instead of the clip page.
    await expect.poll(() => page.frames().map((f) => f.url().split(':')[0])).toContain('chrome-error');
    await expect(page.frameLocator('#no').getByText('文字稿')).toHaveCount(0);
    expect(failed.filter((f) => f.startsWith('/embed/'))).toEqual([]);
  } finally {
    school.close();
  }
});

test('every embed fits its frame, from the old 640×360 embed code to the 640×600 it gives now: nothing scrolls', async ({ browser }) => {
  const embeds = builtPages().filter((path) => /^\/(en\/)?embed\/[^/]+\/$/.test(path));
  expect(embeds.length).toBeGreaterThanOrEqual(40);
  for (const [width, height] of [[640, 360], [640, 600]] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    const overflowing: string[] = [];
    for (const path of embeds) {
      await page.goto(path);
      const { scrolls, player } = await page.evaluate(() => ({
        scrolls: document.scrollingElement!.scrollHeight > innerHeight || document.scrollingElement!.scrollWidth > innerWidth,
        player: document.querySelector('.fz-clip')!.getBoundingClientRect().width,
      }));
      if (scrolls || player < 190) overflowing.push(`${path} at ${width}×${height}`);
    }
    expect(overflowing).toEqual([]);
    await page.close();
  }
});
