import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { BEAT_MS, startHeartbeat } from '../../../src/kiosk/heartbeat';

/** A browser's globals, enough for the heartbeat: storage, events, and a network that can go. */
function fakeBrowser() {
  const store = new Map<string, string>();
  const listeners = new Map<string, Set<() => void>>();
  const received: Record<string, unknown>[] = [];
  const net = { up: true, pending: [] as (() => void)[], hold: false };
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  });
  vi.stubGlobal('navigator', {});
  vi.stubGlobal('addEventListener', (type: string, fn: () => void) => {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type)!.add(fn);
  });
  vi.stubGlobal('removeEventListener', (type: string, fn: () => void) => listeners.get(type)?.delete(fn));
  vi.stubGlobal('fetch', (_url: string, init: { body: string }) => {
    // Whether a request goes is decided when it is made; `hold` keeps it in flight until released.
    const up = net.up;
    return new Promise((resolve, reject) => {
      const settle = () => {
        if (!up) return reject(new TypeError('offline'));
        received.push(JSON.parse(init.body) as Record<string, unknown>);
        resolve(new Response(null, { status: 204 }));
      };
      if (net.hold) net.pending.push(settle);
      else settle();
    });
  });
  return {
    received,
    net,
    fire: (type: string) => listeners.get(type)?.forEach((fn) => fn()),
    listening: (type: string) => listeners.get(type)?.size ?? 0,
  };
}

const options = { url: 'http://receiver.test/beat', venue: 'bank', screen: 'hall-2', build: 'b1', reel: () => 'default' };

beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-05-01T10:00:00Z') }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test('a beat every five minutes carries what played and was skipped since the last one', async () => {
  const browser = fakeBrowser();
  const beat = startHeartbeat(options);
  beat.record({ atMs: Date.now(), event: 'play', detail: 'online-shopping 12.0s' });
  beat.record({ atMs: Date.now(), event: 'skip', detail: 'fake-police: media error: 4' });
  beat.record({ atMs: Date.now(), event: 'nudge', detail: 'ignored' });
  await vi.advanceTimersByTimeAsync(BEAT_MS);
  expect(browser.received).toHaveLength(1);
  expect(browser.received[0]).toMatchObject({
    venue: 'bank',
    screen: 'hall-2',
    played: [{ clip: 'online-shopping' }],
    skipped: [{ clip: 'fake-police', reason: 'media error: 4' }],
  });
  await vi.advanceTimersByTimeAsync(BEAT_MS);
  expect(browser.received[1]).toMatchObject({ played: [], skipped: [] });
  beat.stop();
});

test('beats made offline wait, and go oldest first when the network returns', async () => {
  const browser = fakeBrowser();
  const beat = startHeartbeat(options);
  browser.net.up = false;
  await vi.advanceTimersByTimeAsync(2 * BEAT_MS);
  expect(browser.received).toHaveLength(0);
  browser.net.up = true;
  browser.fire('online');
  await vi.advanceTimersByTimeAsync(0);
  expect(browser.received.map((b) => b.uptimeSeconds)).toEqual([300, 600]);
  beat.stop();
});

test('the network returning while a send is failing still sends the queue', async () => {
  const browser = fakeBrowser();
  const beat = startHeartbeat(options);
  browser.net.up = false;
  browser.net.hold = true;
  await vi.advanceTimersByTimeAsync(BEAT_MS);
  // The send that was made offline is still in flight when the network comes back.
  expect(browser.net.pending).toHaveLength(1);
  browser.net.up = true;
  browser.net.hold = false;
  browser.fire('online');
  browser.net.pending.shift()!();
  await vi.advanceTimersByTimeAsync(0);
  expect(browser.received).toHaveLength(1);
  beat.stop();
});

test('stop() ends the beats and the online listener', async () => {
  const browser = fakeBrowser();
  const beat = startHeartbeat(options);
  expect(browser.listening('online')).toBe(1);
  beat.stop();
  expect(browser.listening('online')).toBe(0);
  await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
  expect(browser.received).toHaveLength(0);
});
