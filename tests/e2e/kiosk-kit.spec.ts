// The kiosk device kit (deploy/kiosk/): its launch script starts Chromium with the kit's flag
// set, headless here, on a kiosk page served by nginx, and the reel plays.
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath } from '../../scripts/chromium-path.mjs';
import { BASE_PORT, SLOT, workerPort } from './ports';

const KIT = resolve(import.meta.dirname, '../../deploy/kiosk');

/** The flags as the kit lists them: one per line, without comments. */
const KIT_FLAGS = readFileSync(join(KIT, 'chromium-flags.conf'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
/** What only a test needs: no screen, root in a container, and a way in for Playwright. */
const headless = (debugPort: number) => ['--headless=new', '--no-sandbox', '--disable-gpu', '--mute-audio', `--remote-debugging-port=${debugPort}`];

test('the kit starts Chromium with its flags and the screen plays the reel', async () => {
  test.setTimeout(60_000);
  const DEBUG_PORT = workerPort(SLOT.kioskKitDebug);
  const HEADLESS = headless(DEBUG_PORT);
  const profile = mkdtempSync(join(tmpdir(), 'fanzha-kiosk-profile-'));
  const url = `http://127.0.0.1:${BASE_PORT}/kiosk/bank/`;
  const browser = spawn(join(KIT, 'fanzha-kiosk'), HEADLESS, {
    env: { ...process.env, KIOSK_URL: url, CHROMIUM: chromiumPath(), KIOSK_PROFILE: profile },
    stdio: 'ignore',
    // Its own process group, so the renderer and helper processes go down with it.
    detached: true,
  });
  try {
    // The script execs the browser, so its process carries every argument it built. Debian's
    // /usr/bin/chromium is itself a wrapper that adds flags of its own and may move the address
    // ahead of the flags, so the order is not checked.
    const expected = [...KIT_FLAGS, `--user-data-dir=${profile}`, ...HEADLESS, url];
    const argv = () => readFileSync(`/proc/${browser.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    await expect.poll(() => argv().includes(url)).toBe(true);
    expect(argv()).toEqual(expect.arrayContaining(expected));

    await expect.poll(() => fetch(`http://127.0.0.1:${DEBUG_PORT}/json/version`).then((r) => r.ok, () => false), { timeout: 20_000 }).toBe(true);
    // Straight to the page's own DevTools socket: attaching Playwright to the whole browser
    // can stall while the kiosk's service worker installs.
    const target = async () => {
      const list = (await (await fetch(`http://127.0.0.1:${DEBUG_PORT}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
      return list.find((t) => t.type === 'page' && t.url.startsWith(url));
    };
    // The page the list names is the one opened: while the screen loads, a second look at the
    // list may briefly not show it.
    let opened: Awaited<ReturnType<typeof openPage>> | undefined;
    await expect
      .poll(async () => {
        const found = await target();
        opened = found && (await openPage(found.webSocketDebuggerUrl).catch(() => undefined));
        return opened !== undefined;
      }, { message: 'the kiosk page is open', timeout: 20_000 })
      .toBe(true);
    const page = opened!;
    try {
      /** The clip on screen and how far into it, or null while nothing plays. */
      const playing = () => page.evaluate<{ src: string; time: number } | null>(`(() => {
        const v = document.querySelector('video.is-front');
        return v && !v.paused && v.currentTime > 0 ? { src: v.currentSrc, time: v.currentTime } : null;
      })()`).catch(() => null); // between documents there is no context to evaluate in
      await expect.poll(playing, { timeout: 20_000 }).not.toBeNull();
      const first = (await playing())!;
      // The reel goes on: half a second further into the same clip, or on to the next one.
      const goneOn = async () => {
        const now = await playing();
        return now !== null && (now.src !== first.src || now.time > first.time + 0.5);
      };
      await expect.poll(goneOn, { timeout: 10_000 }).toBe(true);
    } finally {
      page.close();
    }
  } finally {
    const exited = new Promise((r) => (browser.exitCode !== null ? r(null) : browser.once('exit', r)));
    try {
      process.kill(-browser.pid!, 'SIGKILL');
    } catch {
      browser.kill('SIGKILL');
    }
    await exited;
    // A helper process may still be writing into the profile for a moment after the group dies.
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});

/** One page over the Chrome DevTools Protocol: evaluate an expression, read its value. */
async function openPage(wsUrl: string) {
  const ws = new WebSocket(wsUrl);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true });
    ws.addEventListener('error', () => reject(new Error(`cannot open ${wsUrl}`)), { once: true });
  });
  let next = 0;
  const waiting = new Map<number, (message: { result?: { result?: { value?: unknown } }; error?: { message: string } }) => void>();
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data));
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  return {
    evaluate<T>(expression: string): Promise<T> {
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result?.result?.value as T)));
        ws.send(JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }));
      });
    },
    close: () => ws.close(),
  };
}
