import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations } from './axe';
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { expect, test, type Page } from '@playwright/test';
import type { KioskData, ReelFile } from '../../src/kiosk/payload';
import { HOLD_MS } from '../../src/kiosk/loop';
import { reelAt } from '../../src/kiosk/schedule';
import { CLIPS as FIXTURE_CLIPS, kioskFixtureRoot } from '../../scripts/kiosk-fixture.mjs';
import { defineTransitionSampler, STILL_LIMIT_MS } from '../../scripts/transition-sampler.mjs';
import { DIST } from './dist';
import { SLOT, workerPort } from './ports';

const reelOf = (venue: string) => JSON.parse(readFileSync(join(DIST, 'kiosk', `${venue}.json`), 'utf8')) as ReelFile;
const bank = reelOf('bank');
/** Seconds into the bank reel at which its second clip starts. */
const BOUNDARY = bank.clips[0]!.durationSeconds;
const [BANK_FIRST, second, third] = bank.clips.map((c) => c.id);

/** What `defineTransitionSampler()` puts on the page's window. */
type TransitionSampler = () => { frame(now: number): { top: Element | null; video: HTMLVideoElement | null; moving: boolean; stillMs: number } };

/** The kiosk's root element data: which clip and reel are on screen. */
const shown = (page: Page) => page.locator('[data-kiosk="root"]');

/**
 * A Friday morning in Shanghai: no venue's schedule window is open (a test below checks), and the
 * 04:00 nightly reload is far off. Tests that expect a reel's clips run at this hour, so they
 * pass whenever they run.
 */
const QUIET = Date.parse('2026-11-27T10:00:00+08:00');

/**
 * Starts the page's wall clock at QUIET and lets it run on. Only Date is moved: timers,
 * animation frames and the videos keep real time, which the transition tests measure.
 */
function atQuietHour(page: Page) {
  return page.addInitScript((at: number) => {
    const Real = Date;
    const offset = at - Real.now();
    class Pinned extends Real {
      constructor(...args: [] | [number | string | Date]) {
        if (args.length === 0) super(Real.now() + offset);
        else super(args[0]);
      }
      static override now() {
        return Real.now() + offset;
      }
    }
    globalThis.Date = Pinned as DateConstructor;
  }, QUIET);
}

/** Resolves with performance.now() when `clip` is the visible video and its time is moving. */
async function whenPlaying(page: Page, clip: string, timeout = 15_000) {
  await page.evaluate(defineTransitionSampler);
  return page.evaluate(
    ([id, limit]) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const sampler = (window as unknown as { transitionSampler: TransitionSampler }).transitionSampler();
        let frames = 0;
        const check = () => {
          const { video, moving } = sampler.frame(performance.now());
          // From the second frame on, "moving" means its time advanced since the frame before.
          if (frames++ > 0 && moving && video!.dataset.clip === id) return resolve(performance.now());
          if (performance.now() - started > (limit as number)) return reject(new Error(`${id} was not playing after ${limit} ms`));
          requestAnimationFrame(check);
        };
        check();
      }),
    [clip, timeout] as const,
  );
}

/** performance.now() when the page's first clip is on screen and moving. */
const firstFrame = (page: Page) => whenPlaying(page, bank.clips[0]!.id);

// The built site has no alert public key, so it shows no alerts. These tests make a key pair now,
// give the kiosk page its public key, and sign alert files with the private key.
const alertKeys = crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
const base64 = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('base64');

/** The kiosk pages served with the test public key in their data. */
async function withAlertKey(page: Page) {
  const key = base64(await crypto.subtle.exportKey('raw', (await alertKeys).publicKey));
  await page.route(
    (url) => /^\/kiosk\/[a-z]+\/$/.test(url.pathname),
    async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      expect(html).toContain('"alertKey":null');
      await route.fulfill({ response, body: html.replace('"alertKey":null', `"alertKey":"${key}"`) });
    },
  );
}

/** An alert file as `npm run alert` writes it: the exact body and its signature. */
async function signedAlert(file: unknown) {
  const body = JSON.stringify(file);
  const signature = await crypto.subtle.sign({ name: 'Ed25519' }, (await alertKeys).privateKey, new TextEncoder().encode(body));
  return { body, signature: base64(signature) };
}

test('the tests’ quiet hour opens no venue’s schedule window', () => {
  for (const venue of ['bank', 'telecom', 'subway', 'bus']) {
    const reel = reelOf(venue);
    expect(reelAt(reel.schedule, ['default', ...Object.keys(reel.reels)], QUIET), venue).toBeNull();
  }
});

test.describe('kiosk player', () => {
  test.use({ serviceWorkers: 'block', viewport: { width: 1280, height: 720 } });

  test('a transition never leaves a frame without a playing, advancing video on top', async ({ page }) => {
    await atQuietHour(page);
    await page.goto(`/kiosk/bank/?at=${BOUNDARY - 2}`, { waitUntil: 'domcontentloaded' });
    await firstFrame(page);
    await page.evaluate(defineTransitionSampler);
    // Sample every animation frame from just before the boundary until the next clip has run a second.
    // A video may stand still for up to one frame of the clip (STILL_LIMIT_MS), not longer.
    const bad = await page.evaluate(
      ({ next, limit }) =>
        new Promise<string[]>((resolve) => {
          const problems: string[] = [];
          const sampler = (window as unknown as { transitionSampler: TransitionSampler }).transitionSampler();
          let nextSince = 0;
          const sample = (now: number) => {
            const { top, video, stillMs } = sampler.frame(now);
            if (!video) problems.push(`${now.toFixed(0)} ms: no video on top (${top?.className})`);
            else {
              if (stillMs > limit) problems.push(`${now.toFixed(0)} ms: ${video.dataset.clip} still for ${stillMs.toFixed(0)} ms, paused=${video.paused} ended=${video.ended} t=${video.currentTime}`);
              if (video.dataset.clip === next && !nextSince) nextSince = now;
            }
            if (nextSince && now - nextSince > 1000) resolve(problems);
            else requestAnimationFrame(sample);
          };
          requestAnimationFrame(sample);
          setTimeout(() => resolve([...problems, 'the next clip never came on screen']), 8000);
        }),
      { next: second!, limit: STILL_LIMIT_MS },
    );
    expect(bad).toEqual([]);
    await expect(page.locator('video')).toHaveCount(2);
  });

  test('when the next clip’s request is aborted, the hotline card takes its slot from the boundary, with no black frame', async ({ page }) => {
    await atQuietHour(page);
    await page.route(`**/media/${second}.mp4`, (route) => route.abort('connectionreset'));
    await page.goto(`/kiosk/bank/?at=${BOUNDARY - 2}&debug=1`, { waitUntil: 'domcontentloaded' });
    await firstFrame(page);
    await page.evaluate(defineTransitionSampler);
    // Every animation frame until the card has been up for a second: the first clip moving on top,
    // or the card over the stage, never anything else; the card comes no sooner than the first
    // clip's end.
    const watched = await page.evaluate(
      (limit) =>
        new Promise<{ problems: string[]; firstMovedMs: number }>((resolve) => {
          const problems: string[] = [];
          const sampler = (window as unknown as { transitionSampler: TransitionSampler }).transitionSampler();
          const card = document.querySelector<HTMLElement>('[data-kiosk="hold"]')!;
          let cardSince = 0;
          let firstMovedMs = 0;
          const sample = (now: number) => {
            const { video, moving, stillMs } = sampler.frame(now);
            if (!card.hidden) cardSince ||= now;
            else if (moving) firstMovedMs = video!.currentTime * 1000;
            else if (!video || stillMs > limit) problems.push(`${now.toFixed(0)} ms: no card and no moving video on top (${video?.dataset.clip}, still for ${stillMs.toFixed(0)} ms)`);
            if (cardSince && now - cardSince > 1000) resolve({ problems, firstMovedMs });
            else requestAnimationFrame(sample);
          };
          requestAnimationFrame(sample);
          setTimeout(() => resolve({ problems: [...problems, 'the card never came'], firstMovedMs }), 8000);
        }),
      STILL_LIMIT_MS,
    );
    expect(watched.problems).toEqual([]);
    // The first clip played to within the lead of its end (it ran from 2 s before it).
    expect(watched.firstMovedMs).toBeGreaterThan((BOUNDARY - 0.4) * 1000);
    await expect(page.locator('[data-kiosk="log"]')).toContainText(`skip ${second}: error`);
    // The card carries the hotline, and the clip after it waits for its own slot.
    await expect(page.locator('[data-kiosk="hold"]')).toContainText('防骗提醒');
    await expect(page.locator('.hotline__number')).toBeVisible();
    await expect(shown(page)).not.toHaveAttribute('data-clip', third!);
  });

  test('a clip that fails leaves the rest of its slot to the hotline card, and the next clip starts exactly at its own slot', async ({ page }) => {
    await atQuietHour(page);
    await page.route(`**/media/${second}.mp4`, (route) => route.abort('connectionreset'));
    const secondEnds = BOUNDARY + bank.clips[1]!.durationSeconds;
    // Four seconds before the end of the broken clip's slot.
    await page.goto(`/kiosk/bank/?at=${secondEnds - 4}&debug=1`, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('[data-kiosk="hold"]')).toBeVisible();
    await whenPlaying(page, third!);
    await expect(page.locator('[data-kiosk="hold"]')).toBeHidden();
    // On the clock: the kiosk took its loop position, 4 s before the third clip's slot, when its
    // module script ran just before DOMContentLoaded. The third clip stands where that clock says,
    // not seconds ahead as it would had it started when the second failed.
    const { ahead, played } = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const clock = (performance.now() - nav!.domContentLoadedEventStart) / 1000 - 4;
      const video = document.querySelector<HTMLVideoElement>('video.is-front')!;
      return { ahead: video.currentTime - clock, played: video.dataset.clip };
    });
    expect(played).toBe(third);
    expect(Math.abs(ahead)).toBeLessThan(0.5);
    await expect(page.locator('[data-kiosk="log"]')).toContainText(new RegExp(`play ${third} from 0\\.[0-3] s`));
  });

  test('a request that never answers is skipped within 5 s, and the card fills its slot', async ({ page }) => {
    await atQuietHour(page);
    await page.route(`**/media/${second}.mp4`, () => {
      /* never answered */
    });
    await page.goto(`/kiosk/bank/?at=${BOUNDARY - 2}&debug=1`, { waitUntil: 'domcontentloaded' });
    const start = await firstFrame(page);
    await expect(page.locator('[data-kiosk="log"]')).toContainText(`skip ${second}: no frame within 2 s`, { timeout: 8000 });
    const skipped = await page.evaluate(() => performance.now());
    expect(skipped - start).toBeLessThanOrEqual(2000 + 5000);
    await expect(page.locator('[data-kiosk="hold"]')).toBeVisible();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('captions, the hotline and the QR code of the playing clip stay on screen', async ({ page }) => {
    await atQuietHour(page);
    for (const [lang, first] of [['', '企业'], ['&lang=en', 'finance']] as const) {
      await page.goto(`/kiosk/bank/?at=${BOUNDARY + 1}${lang}`, { waitUntil: 'domcontentloaded' });
      await whenPlaying(page, second!);
      await expect(page.locator('[data-kiosk="caption"]')).toContainText(new RegExp(first, 'i'));
      await expect(page.getByText('110', { exact: true }).first()).toBeInViewport();
      await expect(page.locator('[data-kiosk="qr"]')).toHaveAttribute('src', `/kiosk/qr/${lang ? 'en' : 'zh'}/${second}.svg`);
      await expect(page.locator('[data-kiosk="qr"]')).toBeInViewport({ ratio: 1 });
      const size = await page.locator('[data-kiosk="caption"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(720 * 0.045);
    }
  });

  test('an alert covers the screen within its poll interval and goes when it expires', async ({ page }) => {
    const t0 = new Date('2026-11-27T09:00:00+08:00');
    await page.clock.install({ time: t0 });
    let file: unknown = { alerts: [] };
    await withAlertKey(page);
    await page.route('**/kiosk/alert.json', (route) => route.fulfill({ json: file }));
    await page.goto('/kiosk/bank/', { waitUntil: 'domcontentloaded' });
    const alert = page.getByRole('alert');
    await expect(shown(page)).toHaveAttribute('data-clip', /.+/);
    await expect(alert).toBeHidden();

    file = await signedAlert({
      message: { zh: '紧急提醒：近期有人冒充银行客服', en: 'Warning: people are posing as bank staff' },
      venues: ['bank'],
      startsAt: '2026-11-27T09:00:00+08:00',
      expiresAt: '2026-11-27T09:01:30+08:00',
    });
    await page.clock.fastForward(30_000);
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('近期有人冒充银行客服');
    await expect(alert).toBeInViewport({ ratio: 1 });

    await page.clock.fastForward(61_000);
    await expect(alert).toBeHidden();
    await expect(shown(page)).toHaveAttribute('data-clip', /.+/);
  });

  test('an unsigned, tampered, expired or malformed alert never shows, and the loop plays on', async ({ page }) => {
    await atQuietHour(page);
    const now = QUIET;
    const alert = {
      message: { zh: '紧急提醒：近期有人冒充银行客服', en: 'Warning: people are posing as bank staff' },
      venues: 'all',
      startsAt: new Date(now - 60_000).toISOString(),
      expiresAt: new Date(now + 3_600_000).toISOString(),
    };
    const good = await signedAlert(alert);
    const files: [string, unknown][] = [
      ['unsigned', alert],
      ['bad signature', { ...good, body: good.body.replace('冒充', '冒名') }],
      ['expired', await signedAlert({ ...alert, expiresAt: new Date(now - 1_000).toISOString() })],
      ['malformed', { body: good.body, signature: 'AAAA' }],
    ];
    await withAlertKey(page);
    let file: unknown = null;
    await page.route('**/kiosk/alert.json', (route) => route.fulfill({ json: file }));
    for (const [why, bad] of files) {
      file = bad;
      await page.goto(`/kiosk/bank/?at=${BOUNDARY - 1}&debug=1`, { waitUntil: 'domcontentloaded' });
      await expect(page.locator('[data-kiosk="log"]')).toContainText(`alert ignored: ${why}`);
      await whenPlaying(page, second!);
      await expect(page.getByRole('alert')).toBeHidden();
    }
    // The same page shows the good file: the failures above come from the changes.
    file = good;
    await page.goto(`/kiosk/bank/?at=${BOUNDARY - 1}`, { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('alert')).toContainText('近期有人冒充银行客服');
  });

  test('a build without an alert public key asks for no alert and shows none', async ({ page }) => {
    await atQuietHour(page);
    let asked = 0;
    await page.route('**/kiosk/alert.json', (route) => {
      asked++;
      return route.fulfill({ json: { alerts: [] } });
    });
    await page.goto(`/kiosk/bank/?at=${BOUNDARY - 1}&debug=1`, { waitUntil: 'domcontentloaded' });
    await whenPlaying(page, second!);
    await expect(page.locator('[data-kiosk="log"]')).toContainText('alerts are off: this build has no alert public key');
    await expect(page.getByRole('alert')).toBeHidden();
    expect(asked).toBe(0);
  });

  test('captions, hotline and the alert cover meet WCAG AA contrast, in both orientations', async ({ page }) => {
    // Four page loads and four axe runs: about 12 s alone, close to 30 s on a busy machine.
    test.slow();
    await atQuietHour(page);
    const now = QUIET;
    let alerting = false;
    await withAlertKey(page);
    const alert = (on: boolean) => ({
      message: { zh: '警惕冒充客服退款诈骗', en: 'Beware of fake refund calls' },
      venues: on ? 'all' : [],
      startsAt: new Date(now - 60_000).toISOString(),
      expiresAt: new Date(now + 3_600_000).toISOString(),
    });
    const files = { true: await signedAlert(alert(true)), false: await signedAlert(alert(false)) };
    await page.route('**/kiosk/alert.json', (route) => route.fulfill({ json: files[`${alerting}`] }));
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1080, height: 1920 }]) {
      await page.setViewportSize(viewport);
      for (const on of [false, true]) {
        alerting = on;
        await page.goto(`/kiosk/telecom/?at=${BOUNDARY + 1}`, { waitUntil: 'domcontentloaded' });
        if (on) await expect(page.getByRole('alert')).toBeVisible();
        else await expect(page.locator('[data-kiosk="caption"]')).not.toBeEmpty();
        expect(await axeViolations(page, { runOnly: { type: 'tag', values: ['wcag2aa', 'wcag21aa', 'wcag22aa'] } })).toEqual([]);
      }
    }
  });

  test('a broken or missing alert file never stops the loop', async ({ page }) => {
    await atQuietHour(page);
    await withAlertKey(page);
    await page.route('**/kiosk/alert.json', (route) => route.fulfill({ body: '{ not json', contentType: 'application/json' }));
    await page.goto(`/kiosk/bank/?at=${BOUNDARY - 2}`, { waitUntil: 'domcontentloaded' });
    await whenPlaying(page, second!);
    await expect(page.getByRole('alert')).toBeHidden();
  });

  test('a schedule window picks its reel, by weekday and time in Shanghai', async ({ page }) => {
    const subway = reelOf('subway');
    const commuter = subway.reels.commuter!.clips.map((c) => c.id);
    await page.clock.install({ time: new Date('2026-11-30T08:00:00+08:00') }); // a Monday
    await page.goto('/kiosk/subway/', { waitUntil: 'domcontentloaded' });
    await expect(shown(page)).toHaveAttribute('data-reel', 'commuter');
    expect(commuter).toContain(await shown(page).getAttribute('data-clip'));

    await page.clock.setSystemTime(new Date('2026-11-28T08:00:00+08:00')); // a Saturday
    await page.reload();
    await expect(shown(page)).toHaveAttribute('data-reel', 'default');

    await page.clock.setSystemTime(new Date('2026-11-29T00:30:00+08:00')); // Saturday night, past midnight
    await page.goto('/kiosk/bus/', { waitUntil: 'domcontentloaded' });
    await expect(shown(page)).toHaveAttribute('data-reel', 'night');
  });

  test('when every clip fails at once the screen holds on its hotline card instead of spinning', async ({ page }) => {
    let requests = 0;
    await page.route('**/media/*.mp4', (route) => {
      requests++;
      return route.abort('connectionrefused');
    });
    await page.clock.install({ time: QUIET });
    await page.goto('/kiosk/bank/?debug=1', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('[data-kiosk="log"]')).toContainText('every clip failed');
    const failedBy = await page.evaluate(() => Date.now());
    await expect(page.locator('[data-kiosk="hold"]')).toBeVisible();
    await expect(page.locator('[data-kiosk="hold"]')).toContainText('防骗提醒');
    // What to do when 96110 calls, and a code to the site rather than to a clip that is not on screen.
    await expect(page.locator('[data-kiosk="hold"] .hold__96110 .zh')).toHaveText(/^96110 来电要接听/);
    await expect(page.locator('[data-kiosk="qr"]')).toHaveAttribute('src', '/kiosk/qr/zh/site.svg');
    const png = new Resvg(readFileSync(join(DIST, 'kiosk/qr/zh/site.svg')), { background: 'white', fitTo: { mode: 'width', value: 400 } }).render();
    expect(new URL(jsQR(new Uint8ClampedArray(png.pixels), png.width, png.height)?.data ?? 'about:none').pathname).toBe('/');
    const settled = requests;
    // The hold lasts 30 s from the moment every clip had failed, as the log says: until a second
    // before it ends, nothing is asked for. The clock jumps there and stops, however long the
    // checks above took.
    const until = Date.parse(/trying again at (\S+)/.exec((await page.locator('[data-kiosk="log"]').textContent()) ?? '')?.[1] ?? '');
    // HOLD_MS from when every clip had failed, which was at most a few seconds before failedBy.
    expect(until - failedBy).toBeLessThanOrEqual(HOLD_MS);
    expect(until - failedBy).toBeGreaterThan(HOLD_MS - 5_000);
    await page.clock.pauseAt(until - 1_000);
    // Each clip is tried once (its request may be retried by the browser), then nothing until the hold ends.
    expect(settled).toBeLessThanOrEqual(bank.clips.length * 2);
    expect(requests).toBe(settled);
    await expect(page.locator('[data-kiosk="hold"]')).toBeVisible();
  });

  test('leaving the page stops the kiosk: no timer, frame callback or listener of it is left', async ({ page }) => {
    await atQuietHour(page);
    await page.addInitScript(() => {
      const w = window as unknown as { live: { intervals: Set<number>; frames: Set<number>; listeners: Map<string, number> } };
      const live = { intervals: new Set<number>(), frames: new Set<number>(), listeners: new Map<string, number>() };
      w.live = live;
      const { setInterval: si, clearInterval: ci, requestAnimationFrame: raf, cancelAnimationFrame: caf } = window;
      window.setInterval = ((...args: Parameters<typeof si>) => {
        const id = si(...args);
        live.intervals.add(id);
        return id;
      }) as typeof si;
      window.clearInterval = ((id?: number) => {
        live.intervals.delete(id!);
        ci(id);
      }) as typeof ci;
      window.requestAnimationFrame = (cb) => {
        const id = raf((t) => {
          live.frames.delete(id);
          cb(t);
        });
        live.frames.add(id);
        return id;
      };
      window.cancelAnimationFrame = (id) => {
        live.frames.delete(id);
        caf(id);
      };
      // Listeners on the videos and the document, the ones the kiosk adds.
      const watched = (t: EventTarget) => t instanceof HTMLVideoElement || t instanceof Document;
      const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
      EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, fn: never, opts?: never) {
        if (watched(this) && fn) live.listeners.set(type, (live.listeners.get(type) ?? 0) + 1);
        return add.call(this, type, fn, opts);
      };
      EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, fn: never, opts?: never) {
        if (watched(this) && fn) live.listeners.set(type, (live.listeners.get(type) ?? 0) - 1);
        return remove.call(this, type, fn, opts);
      };
    });
    let polls = 0;
    await withAlertKey(page);
    await page.route('**/kiosk/alert.json', (route) => {
      polls++;
      return route.fulfill({ json: { alerts: [] } });
    });
    await page.goto(`/kiosk/bank/?at=${BOUNDARY - 1}`, { waitUntil: 'domcontentloaded' });
    await whenPlaying(page, second!);
    const count = () =>
      page.evaluate(() => {
        const { live } = window as unknown as { live: { intervals: Set<number>; frames: Set<number>; listeners: Map<string, number> } };
        return { intervals: live.intervals.size, frames: live.frames.size, listeners: [...live.listeners.values()].reduce((a, b) => a + b, 0) };
      });
    const running = await count();
    expect(running.intervals).toBeGreaterThan(0);
    expect(running.listeners).toBeGreaterThan(0);
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
    expect(await count()).toEqual({ intervals: 0, frames: 0, listeners: 0 });
    const clip = await shown(page).getAttribute('data-clip');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await count()).toEqual({ intervals: 0, frames: 0, listeners: 0 });
    expect(await shown(page).getAttribute('data-clip')).toBe(clip);
    expect(polls).toBeGreaterThan(0);
  });

  test('when nothing moves for 60 s the page reloads itself, and not before', async ({ page }) => {
    // Paused before the page loads (the installed clock runs on until then, hence the minute
    // before): the page's timers fire only as the test runs the clock, so the 60 s count from
    // the page's start, however long its own async work (the offline cache check) takes.
    await page.clock.install({ time: QUIET - 60_000 });
    await page.clock.pauseAt(QUIET);
    await page.route('**/media/*.mp4', () => {
      /* the network hangs: no clip ever shows a frame */
    });
    await page.goto('/kiosk/bus/?debug=1', { waitUntil: 'domcontentloaded' });
    await expect(shown(page)).toHaveAttribute('data-ready', 'true');
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const log = page.locator('[data-kiosk="log"]');

    await page.clock.runFor(59_999);
    // The clips tried so far were skipped, and the hotline card filled their slots: still the
    // same page, and no reload decided yet.
    await expect(log).toContainText('no frame within 2 s');
    await expect(page.locator('[data-kiosk="hold"]')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await expect(log).not.toContainText('reload');

    const reloaded = page.waitForEvent('framenavigated');
    await page.clock.runFor(1);
    await reloaded;
    await expect(shown(page)).toHaveAttribute('data-ready', 'true');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBeUndefined();
    // The hanging requests are never answered: let the context close without waiting for them,
    // and leave the reloaded kiosk, whose fake-clock timers can stall the context's teardown.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.goto('about:blank');
  });

  test('the page reloads itself at 04:00 Shanghai time', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-27T03:59:50+08:00') });
    await page.goto('/kiosk/bank/', { waitUntil: 'domcontentloaded' });
    await expect(shown(page)).toHaveAttribute('data-clip', /.+/);
    const reloaded = page.waitForEvent('framenavigated');
    await page.clock.runFor(11_000);
    await reloaded;
    // Leave the reloaded kiosk: its fake-clock timers can stall the context's teardown.
    await page.goto('about:blank');
  });

  test('asks for a screen wake lock, and again when it is released', async ({ page }) => {
    await atQuietHour(page);
    await page.addInitScript(() => {
      const w = window as unknown as { wakeRequests: number; lastLock: EventTarget };
      w.wakeRequests = 0;
      Object.defineProperty(navigator, 'wakeLock', {
        value: {
          request: () => {
            w.wakeRequests++;
            w.lastLock = new EventTarget();
            return Promise.resolve(w.lastLock);
          },
        },
      });
    });
    await page.goto('/kiosk/bank/', { waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { wakeRequests: number }).wakeRequests)).toBe(1);
    await page.evaluate(() => (window as unknown as { lastLock: EventTarget }).lastLock.dispatchEvent(new Event('release')));
    await expect.poll(() => page.evaluate(() => (window as unknown as { wakeRequests: number }).wakeRequests)).toBe(2);
  });

  test('the debug view lists what played', async ({ page }) => {
    await atQuietHour(page);
    await page.goto(`/kiosk/bank/?at=${BOUNDARY - 1}&debug=1`, { waitUntil: 'domcontentloaded' });
    await whenPlaying(page, second!);
    await expect(page.locator('[data-kiosk="log"]')).toContainText(`play ${second}`);
    await page.goto(`/kiosk/bank/?at=${BOUNDARY - 1}`, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('[data-kiosk="log"]')).toBeHidden();
  });
});

test.describe('kiosk offline', () => {
  // Both tests start their own server on this one port: run them one after the other, or the
  // corrupted-clip test may fetch from the other test's server and find good files.
  test.describe.configure({ mode: 'serial' });
  /** The worker's port for these tests' own server. */
  const port = () => workerPort(SLOT.kioskOffline);
  let server: ChildProcess | undefined;
  // SIGKILL: the network is gone at once, open connections and all (SIGTERM waits for them).
  const stop = () => server?.kill('SIGKILL');
  test.afterAll(stop);

  test('after one visit, with the network gone, a reload plays within 5 s', async ({ page }) => {
    await atQuietHour(page);
    server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(port())], { stdio: 'ignore' });
    const base = `http://127.0.0.1:${port()}`;
    // Node's start-up beside a build can take longer than expect's 5 s: wait as the test below does.
    await expect.poll(() => fetch(`${base}/kiosk/bank/`).then((r) => r.status, () => 0), { timeout: 20_000 }).toBe(200);

    await page.goto(`${base}/kiosk/bank/`, { waitUntil: 'domcontentloaded' });
    await expect(shown(page)).toHaveAttribute('data-offline', 'ready', { timeout: 30_000 });
    stop();
    await expect.poll(() => fetch(`${base}/`).then(() => 'up', () => 'down')).toBe('down');

    await page.reload();
    const playing = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const t0 = performance.now();
          const check = () => {
            const v = document.querySelector<HTMLVideoElement>('video.is-front');
            if (v && !v.paused && v.currentTime > 0.2) return resolve(performance.now() - t0);
            if (performance.now() - t0 > 5000) return reject(new Error('no video played within 5 s offline'));
            requestAnimationFrame(check);
          };
          check();
        }),
    );
    expect(playing).toBeLessThan(5000);
    // The page really is offline: anything not cached fails.
    expect(await page.evaluate(() => fetch('/').then(() => 'fetched', () => 'failed'))).toBe('failed');
    // The service worker answers a range request for video from the cache: 206 and the right range.
    const { size } = await import('node:fs').then((fs) => fs.statSync(join(DIST, 'media', `${BANK_FIRST}.mp4`)));
    const range = await page.evaluate(async (src) => {
      const r = await fetch(src, { headers: { Range: 'bytes=100-199' } });
      return { status: r.status, contentRange: r.headers.get('content-range'), length: (await r.arrayBuffer()).byteLength };
    }, `/media/${BANK_FIRST}.mp4`);
    expect(range).toEqual({ status: 206, contentRange: `bytes 100-199/${size}`, length: 100 });
  });

  test('a corrupted cached clip is discarded, skipped while it is wrong, with no black frame, and fetched again', async ({ page }) => {
    await atQuietHour(page);
    test.setTimeout(120_000);
    const root = mkdtempSync(join(tmpdir(), 'fz-kiosk-root-'));
    cpSync(DIST, root, { recursive: true });
    server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(port()), '--root', root], { stdio: 'ignore' });
    const base = `http://127.0.0.1:${port()}`;
    const clip = bank.clips[1]!;
    const file = join(root, clip.src);
    const good = readFileSync(file);
    try {
      await expect.poll(() => fetch(`${base}/kiosk/bank/`).then((r) => r.status, () => 0), { timeout: 20_000 }).toBe(200);
      await page.goto(`${base}/kiosk/bank/`, { waitUntil: 'domcontentloaded' });
      await expect(shown(page)).toHaveAttribute('data-offline', 'ready', { timeout: 30_000 });

      // The cached copy goes bad, and so does the server's: the clip stays wrong.
      await page.evaluate((src) => caches.open('kiosk-media').then((c) => c.put(src, new Response(new Uint8Array(4096), { headers: { 'Content-Type': 'video/mp4' } }))), clip.src);
      // Same length, other bytes: a server that cached the file's size still sends it whole.
      writeFileSync(file, good.map((byte) => byte ^ 0xff));
      await page.goto(`${base}/kiosk/bank/?at=${BOUNDARY - 3}&debug=1`, { waitUntil: 'domcontentloaded' });
      await page.evaluate(defineTransitionSampler);
      // Every animation frame from the first picture until the hotline card has filled the bad
      // clip's slot for a second: a picture or the card on top, never the bad clip.
      const watched = await page.evaluate(
        (bad) =>
          new Promise<{ problems: string[]; seen: string[]; card: boolean }>((resolve) => {
            const problems: string[] = [];
            const seen = new Set<string>();
            const card = document.querySelector<HTMLElement>('[data-kiosk="hold"]')!;
            let cardSince = 0;
            let started = false;
            const sampler = (window as unknown as { transitionSampler: TransitionSampler }).transitionSampler();
            const sample = (now: number) => {
              const top = sampler.frame(now).video;
              const picture = !!top && top.readyState >= 2 && !top.paused;
              started ||= picture;
              if (!started) return void requestAnimationFrame(sample);
              if (!card.hidden) cardSince ||= now;
              else if (!picture) problems.push(`${now.toFixed(0)} ms: no picture on top`);
              else seen.add(top.dataset.clip!);
              if ((cardSince && now - cardSince > 1000) || seen.has(bad)) resolve({ problems, seen: [...seen], card: cardSince > 0 });
              else requestAnimationFrame(sample);
            };
            requestAnimationFrame(sample);
            setTimeout(() => resolve({ problems: [...problems, 'the card never came'], seen: [...seen], card: cardSince > 0 }), 15_000);
          }),
        clip.id,
      );
      expect(watched.problems).toEqual([]);
      expect(watched.seen).not.toContain(clip.id);
      expect(watched.seen).toContain(BANK_FIRST);
      expect(watched.card).toBe(true);
      const log = page.locator('[data-kiosk="log"]');
      await expect(log).toContainText(`${clip.src}: cached copy failed its checksum; discarded`);
      await expect(log).toContainText(`${clip.src}: fetched copy failed its checksum`, { timeout: 45_000 });

      // The server has the right file again: the next visit caches it, and it checks out.
      writeFileSync(file, good);
      await page.goto(`${base}/kiosk/bank/`, { waitUntil: 'domcontentloaded' });
      await expect(shown(page)).toHaveAttribute('data-offline', 'ready', { timeout: 30_000 });
      const cached = await page.evaluate(async (src) => {
        const r = await (await caches.open('kiosk-media')).match(src);
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await r!.arrayBuffer()));
        return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
      }, clip.src);
      expect(cached).toBe(clip.sha256[clip.src]);
    } finally {
      await page.goto('about:blank');
      stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

test.describe('kiosk portrait screen', () => {
  // Both tests serve the 1-second fixture clips, with their 360×640 portrait cuts, from a server
  // of their own on this one port: one after the other.
  test.describe.configure({ mode: 'serial' });
  test.use({ viewport: { width: 1080, height: 1920 } });
  const port = () => workerPort(SLOT.kioskPortrait);
  let server: ChildProcess | undefined;
  let root: string | undefined;
  const stop = () => server?.kill('SIGKILL');
  test.afterEach(() => {
    stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  /** Serves the fixture kiosk and resolves with its address once it answers. */
  async function serveFixture(offline: boolean) {
    root = kioskFixtureRoot(DIST, 'portrait', { offline });
    server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(port()), '--root', root], { stdio: 'ignore' });
    const base = `http://127.0.0.1:${port()}`;
    await expect.poll(() => fetch(`${base}/kiosk/bank/`).then((r) => r.status, () => 0), { timeout: 20_000 }).toBe(200);
    return base;
  }
  // A clip fetched again after a failure has a query string (src/kiosk/retry-url.ts).
  const isPortraitCut = (src: string) => /\.portrait\.mp4(\?|$)/.test(src);

  /** What the page records of each animation frame: the video on top (its index among the two). */
  interface Seen {
    now: number;
    clip: string | null;
    src: string;
    moving: boolean;
    stillMs: number;
    element: number;
  }

  test.describe('playing', () => {
    // Nothing to cache offline here: no service worker either.
    test.use({ serviceWorkers: 'block' });
    test('plays the portrait cuts through transitions with no gap, and a turn shows from the next clip, never in the middle of one', async ({ page }) => {
      await atQuietHour(page);
      const base = await serveFixture(false);
      await page.addInitScript(defineTransitionSampler);
      await page.goto(`${base}/kiosk/bank/?debug=1`, { waitUntil: 'domcontentloaded' });
      await expect(page.locator('video.is-front')).toHaveAttribute('src', /\.portrait\.mp4$/, { timeout: 15_000 });
      // Taken before the frames are watched: a screenshot holds up the page's frames.
      await page.screenshot({ path: test.info().outputPath('kiosk-portrait.png') });
      await test.info().attach('kiosk in 1080×1920', { path: test.info().outputPath('kiosk-portrait.png'), contentType: 'image/png' });

      // Every animation frame from now on: the video on top, its clip and file, and whether it moved;
      // and the moment the screen turns.
      await page.evaluate(() => {
        const w = window as unknown as { seen: Seen[]; turnedAt: number; transitionSampler: TransitionSampler };
        w.seen = [];
        w.turnedAt = Infinity;
        matchMedia('(orientation: portrait)').addEventListener('change', () => (w.turnedAt = performance.now()), { once: true });
        const sampler = w.transitionSampler();
        const videos = [...document.querySelectorAll('video')];
        const sample = (now: number) => {
          const { video, moving, stillMs } = sampler.frame(now);
          w.seen.push({ now, clip: video?.dataset.clip ?? null, src: video?.currentSrc ?? '', moving, stillMs, element: video ? videos.indexOf(video) : -1 });
          requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      });
      const seen = () => page.evaluate(() => (window as unknown as { seen: Seen[] }).seen);
      /** Clips that came on top since recording began. */
      const transitions = (frames: Seen[]) => frames.filter((f, i) => i > 0 && f.clip !== frames[i - 1]!.clip).length;
      // Four transitions, through every fixture clip, in portrait.
      await expect.poll(async () => transitions(await seen()), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);

      await page.setViewportSize({ width: 1920, height: 1080 });
      // Wait for two transitions after the first landscape cut came on top.
      await expect
        .poll(
          async () => {
            const frames = await seen();
            const first = frames.findIndex((f) => f.src && !isPortraitCut(f.src));
            return first < 0 ? 0 : transitions(frames.slice(first));
          },
          { timeout: 15_000 },
        )
        .toBeGreaterThanOrEqual(2);
      const frames = await seen();
      const turnedAt = await page.evaluate(() => (window as unknown as { turnedAt: number }).turnedAt);
      expect(turnedAt).toBeLessThan(Infinity);

      // No frame without a video on top, and none standing still for longer than a frame of the
      // clip, in portrait and in landscape after the turn. The emulated resize itself holds up
      // the compositor for a few frames: the half second after it is left out.
      const watched = frames.filter((f) => f.now < turnedAt || f.now > turnedAt + 500);
      expect(watched.filter((f) => f.clip === null || f.stillMs > STILL_LIMIT_MS).map((f) => `${f.now.toFixed(0)} ms: ${f.clip} not moving on top for ${f.stillMs.toFixed(0)} ms`)).toEqual([]);
      // Before the turn, only portrait cuts; every fixture clip came on top.
      const before = frames.filter((f) => f.now < turnedAt);
      expect(before.filter((f) => !isPortraitCut(f.src)).map((f) => `${f.now.toFixed(0)} ms: ${f.src}`)).toEqual([]);
      expect(new Set(before.map((f) => f.clip))).toEqual(new Set(FIXTURE_CLIPS.map((c) => c.id)));
      // Never a file change while the same clip stays on top in the same element: no clip cut off.
      const cut = frames.filter((f, i) => i > 0 && f.element === frames[i - 1]!.element && f.clip === frames[i - 1]!.clip && f.src !== frames[i - 1]!.src);
      expect(cut.map((f) => `${f.now.toFixed(0)} ms: ${f.clip} changed file to ${f.src}`)).toEqual([]);
      // The clip on screen at the turn played on in portrait; the landscape cut came with the next
      // clip, or the one after when the next had already been asked to play.
      const atTurn = before.at(-1)!;
      const first = frames.findIndex((f) => !isPortraitCut(f.src));
      expect(frames[first]!.now).toBeGreaterThan(turnedAt);
      expect([frames[first]!.element, frames[first]!.clip]).not.toEqual([atTurn.element, atTurn.clip]);
      expect(transitions(frames.slice(before.length - 1, first + 1))).toBeLessThanOrEqual(2);
      await expect(page.locator('[data-kiosk="log"]')).toContainText('turn wider than tall: landscape cuts');
    });
  });

  test('caches both cuts of every clip, each matching its SHA-256, and plays the portrait cut with the network gone', async ({ page }) => {
    test.setTimeout(90_000);
    await atQuietHour(page);
    const base = await serveFixture(true);
    await page.goto(`${base}/kiosk/bank/`, { waitUntil: 'domcontentloaded' });
    await expect(shown(page)).toHaveAttribute('data-offline', 'ready', { timeout: 30_000 });
    const cached = await page.evaluate(async () => {
      const data = JSON.parse(document.querySelector('[data-kiosk="data"]')!.textContent!) as KioskData;
      const cache = await caches.open('kiosk-media');
      return Promise.all(
        data.media.map(async ({ url, sha256 }) => {
          const r = await cache.match(url);
          if (!r) return { url, matches: false };
          const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await r.arrayBuffer()));
          return { url, matches: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') === sha256 };
        }),
      );
    });
    expect(cached.filter((f) => !f.matches)).toEqual([]);
    const videos = cached.map((f) => f.url).filter((url) => url.endsWith('.mp4'));
    expect(videos.sort()).toEqual(FIXTURE_CLIPS.flatMap((c) => [c.src, c.portrait.src]).sort());

    stop();
    await expect.poll(() => fetch(`${base}/`).then(() => 'up', () => 'down')).toBe('down');
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => {
        const v = document.querySelector<HTMLVideoElement>('video.is-front');
        return v && !v.paused && v.currentTime > 0.2 ? v.currentSrc.replace(/^.*\/media\//, '') : null;
      }), { timeout: 10_000 })
      .toMatch(/^short-\d\.portrait\.mp4$/);
    expect(await page.evaluate(() => fetch('/').then(() => 'fetched', () => 'failed'))).toBe('failed');
  });
});

test.describe('kiosk heartbeat', () => {
  test.use({ serviceWorkers: 'block', viewport: { width: 1280, height: 720 } });

  test('with a receiver set, beats every 5 minutes, queued across an offline spell', async ({ page, context }) => {
    const PORT = workerPort(SLOT.kioskReceiver);
    const receiver = `http://127.0.0.1:${PORT}`;
    const beats: Record<string, unknown>[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.method === 'POST' && req.url === '/beat') beats.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
    try {
      // What a build with KIOSK_REPORT_URL=<receiver>/beat makes: the address in the page's data
      // and its origin in the page's connect-src, in the meta tag and the header.
      const allow = (csp: string) => csp.replace("connect-src 'self'", `connect-src 'self' ${receiver}`);
      await page.route(
        (url) => /^\/kiosk\/[a-z]+\/$/.test(url.pathname),
        async (route) => {
          const response = await route.fetch();
          const html = allow((await response.text()).replace('"report":null', `"report":{"url":"${receiver}/beat","build":"test-build"}`));
          const headers = { ...response.headers() };
          if (headers['content-security-policy']) headers['content-security-policy'] = allow(headers['content-security-policy']);
          await route.fulfill({ response, body: html, headers });
        },
      );
      // The receiver runs on this machine: Chromium asks before a page reaches a loopback address.
      await context.grantPermissions(['local-network-access']);
      await page.clock.install({ time: QUIET });
      await page.goto('/kiosk/bank/?screen=hall-2', { waitUntil: 'domcontentloaded' });
      await expect(shown(page)).toHaveAttribute('data-clip', /.+/);
      const first = await shown(page).getAttribute('data-clip');

      await page.clock.fastForward(5 * 60_000);
      await expect.poll(() => beats.length).toBe(1);
      expect(beats[0]).toMatchObject({ venue: 'bank', screen: 'hall-2', build: 'test-build', reel: 'default', skipped: [] });
      expect(Object.keys(beats[0]!).sort()).toEqual(['build', 'played', 'reel', 'screen', 'sentAt', 'skipped', 'storageBytes', 'uptimeSeconds', 'venue']);
      expect((beats[0]!.played as { clip: string }[])[0]!.clip).toBe(first);

      await context.setOffline(true);
      await page.clock.fastForward(5 * 60_000);
      await page.clock.fastForward(5 * 60_000);
      // Both beats made offline wait in the screen's storage.
      await expect
        .poll(() => page.evaluate(() => (JSON.parse(localStorage.getItem('fz-kiosk-beats') ?? '[]') as unknown[]).length))
        .toBe(2);
      expect(beats).toHaveLength(1);
      await context.setOffline(false);
      await expect.poll(() => beats.length, { timeout: 10_000 }).toBe(3);
      const sent = beats.map((b) => Date.parse(b.sentAt as string));
      // Oldest first, five minutes apart (the page's clock also ran a little while the test worked).
      expect(sent[2]! - sent[1]!).toBeGreaterThanOrEqual(5 * 60_000);
      expect(sent[2]! - sent[1]!).toBeLessThan(6 * 60_000);
    } finally {
      await page.goto('about:blank');
      server.close();
    }
  });

  test('without a receiver, no request leaves the kiosk but for its own files', async ({ page, baseURL }) => {
    const others: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== new URL(baseURL!).origin) others.push(r.url());
    });
    await page.clock.install({ time: QUIET });
    await page.goto('/kiosk/bank/?screen=hall-2', { waitUntil: 'domcontentloaded' });
    await expect(shown(page)).toHaveAttribute('data-clip', /.+/);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("connect-src 'self';");
    await page.clock.fastForward(5 * 60_000);
    await page.clock.fastForward(5 * 60_000);
    expect(others).toEqual([]);
  });
});
