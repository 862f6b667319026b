import { describe, expect, test } from 'vitest';
import { HOLD_MS } from '../../../src/kiosk/loop';
import { positionAt } from '../../../src/kiosk/reel-position';
import { initialKiosk, LEAD_MS, SETTLE_MS, tick, TICK_MS, type Command, type KioskState, type VideoView } from '../../../src/kiosk/tick';

const reels = [
  {
    key: 'default',
    clips: [
      { id: 'a', durationSeconds: 10 },
      { id: 'b', durationSeconds: 10 },
      { id: 'c', durationSeconds: 10 },
    ],
  },
  { key: 'night', clips: [{ id: 'n', durationSeconds: 30 }] },
];
/** 10:00 in Shanghai on a Friday, where a round of the 30 s loop begins. */
const T0 = Date.UTC(2026, 10, 27, 2, 0, 0);
const at = (ms: number) => ({ nowMs: T0 + ms, loopMs: T0 + ms });
/** The round of the loop that starts at T0. */
const ROUND0 = T0 / 30_000;

const idle: VideoView = { paused: true, ended: false, readyState: 0, currentTime: 0, duration: Number.NaN, playbackRate: 1 };
const moving = (currentTime: number, duration = 10, playbackRate = 1): VideoView => ({ paused: false, ended: false, readyState: 4, currentTime, duration, playbackRate });

const kinds = (commands: Command[]) => commands.map((c) => c.kind);
const notes = (commands: Command[]) => commands.flatMap((c) => (c.kind === 'note' ? [`${c.event} ${c.detail}`] : []));

/** Started at `ms` into the loop: the first clip is loaded, nothing plays yet. */
const started = (ms = 0, schedule: unknown = []) => tick(initialKiosk(reels, schedule, T0 + ms), { kind: 'start', ...at(ms) });

/** Clip a on screen in video 1 since 30 ms, clip b loaded in video 0 once a had settled. */
function playingA(): KioskState {
  let { state } = started();
  state = tick(state, { kind: 'frame', ...at(0), videos: [idle, idle] }).state;
  state = tick(state, { kind: 'frame', ...at(30), videos: [idle, moving(0.03)] }).state;
  return tick(state, { kind: 'frame', ...at(30 + SETTLE_MS), videos: [idle, moving(0.03 + SETTLE_MS / 1000)] }).state;
}

describe('start', () => {
  test.each([
    [0, 'a', 0],
    [500, 'a', 0],
    [501, 'a', 0.501],
    [12_000, 'b', 2],
  ])('at %i ms into the loop loads clip %s at %f s in the second video', (ms, clip, offsetSeconds) => {
    expect(started(ms).commands).toEqual([{ kind: 'load', video: 1, clip, offsetSeconds }]);
  });

  test('a schedule window picks its reel', () => {
    const schedule = [{ reel: 'night', days: ['fri'], from: '09:00', to: '11:00' }];
    expect(started(0, schedule).commands).toEqual([{ kind: 'load', video: 1, clip: 'n', offsetSeconds: 0 }]);
  });
});

describe('frame: start the next clip on time and swap it in once it moves', () => {
  test('with nothing on screen the queued clip is asked to play at once', () => {
    const { state } = started();
    expect(tick(state, { kind: 'frame', ...at(0), videos: [idle, idle] }).commands).toEqual([{ kind: 'play', video: 1 }]);
  });

  test('a moving clip is brought to the front, its QR code shown, and the next one queued behind it, loaded once the clip has settled', () => {
    let { state } = started();
    state = tick(state, { kind: 'frame', ...at(0), videos: [idle, idle] }).state;
    let commands: Command[];
    ({ state, commands } = tick(state, { kind: 'frame', ...at(30), videos: [idle, moving(0.03)] }));
    expect(commands).toEqual([
      { kind: 'swap', show: 1, hide: null },
      { kind: 'showing', clip: 'a', reel: 'default', offsetSeconds: 0.28 },
      { kind: 'note', event: 'play', detail: 'a from 0.3 s (default)' },
      { kind: 'rate', video: 1, rate: 1 },
    ]);
    expect(state.back).toMatchObject({ clip: 'b', loadAtMs: T0 + 30 + SETTLE_MS });
    expect(tick(state, { kind: 'frame', ...at(29 + SETTLE_MS), videos: [idle, moving(1.029)] }).commands).toEqual([]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(30 + SETTLE_MS), videos: [idle, moving(1.03)] }));
    expect(commands).toEqual([{ kind: 'load', video: 0, clip: 'b', offsetSeconds: 0 }]);
    expect(state.back?.loadAtMs).toBeNull();
  });

  test.each([
    // 1-second clips: a shows at 30 ms, b is due at 750 ms; half the 720 ms between is 360 ms.
    [1, 30 + 360],
    // 3-second clips: 2 720 ms between, so the settling time is the whole of SETTLE_MS.
    [3, 30 + SETTLE_MS],
  ])('%i-second clips: the next is loaded at %i ms', (seconds, loadAt) => {
    const clips = [{ key: 'default', clips: [{ id: 'a', durationSeconds: seconds }, { id: 'b', durationSeconds: seconds }] }];
    let state = tick(initialKiosk(clips, [], 0), { kind: 'start', nowMs: 0, loopMs: 0 }).state;
    state = tick(state, { kind: 'frame', nowMs: 0, loopMs: 0, videos: [idle, idle] }).state;
    state = tick(state, { kind: 'frame', nowMs: 30, loopMs: 30, videos: [idle, moving(0.03, seconds)] }).state;
    expect(state.back?.loadAtMs).toBe(loadAt);
  });

  test('a clip not loaded yet when it is due is loaded at once, and asked to play at the next frame', () => {
    let { state } = started();
    state = tick(state, { kind: 'frame', ...at(0), videos: [idle, idle] }).state;
    state = tick(state, { kind: 'frame', ...at(30), videos: [idle, moving(0.03)] }).state;
    // a ended at once, long before b was to be loaded.
    const ended = { ...moving(0.2), ended: true, paused: true };
    let commands: Command[];
    ({ state, commands } = tick(state, { kind: 'frame', ...at(200), videos: [idle, ended] }));
    expect(commands).toEqual([{ kind: 'load', video: 0, clip: 'b', offsetSeconds: 0 }]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(216), videos: [idle, ended] }));
    expect(commands).toEqual([{ kind: 'play', video: 0 }]);
  });

  test('turned before the queued clip is loaded: it is loaded once, in the new cut', () => {
    const portraitReels = [{ key: 'default', clips: ['a', 'b'].map((id) => ({ id, durationSeconds: 10, portrait: { durationSeconds: 10 } })) }];
    let state = tick(initialKiosk(portraitReels, [], T0), { kind: 'start', ...at(0) }).state;
    state = tick(state, { kind: 'frame', ...at(0), videos: [idle, idle] }).state;
    state = tick(state, { kind: 'frame', ...at(30), videos: [idle, moving(0.03)] }).state;
    let commands: Command[];
    ({ state, commands } = tick(state, { kind: 'orientation', ...at(100), portrait: true }));
    expect(commands.filter((c) => c.kind === 'load')).toEqual([]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(30 + SETTLE_MS), videos: [idle, moving(1.03)] }));
    expect(commands).toEqual([{ kind: 'load', video: 0, clip: 'b', offsetSeconds: 0, portrait: true }]);
  });

  test('a clip started LEAD_MS before its slot is slowed as it comes to the front, not at the next tick', () => {
    // 1-second clips: at 1 s a tick would come too late to keep the clip from ending early.
    const clips = [{ key: 'default', clips: [{ id: 'a', durationSeconds: 1 }, { id: 'b', durationSeconds: 1 }] }];
    let state = tick(initialKiosk(clips, [], 0), { kind: 'start', nowMs: 0, loopMs: 0 }).state;
    state = tick(state, { kind: 'frame', nowMs: 0, loopMs: 0, videos: [idle, idle] }).state;
    state = tick(state, { kind: 'frame', nowMs: 30, loopMs: 30, videos: [idle, moving(0.03, 1)] }).state;
    // b is loaded once a has settled (half the 720 ms before it is due).
    state = tick(state, { kind: 'frame', nowMs: 390, loopMs: 390, videos: [idle, moving(0.39, 1)] }).state;
    // b is asked LEAD_MS before a's slot ends and moves 30 ms later: 220 ms ahead of its slot.
    state = tick(state, { kind: 'frame', nowMs: 1000 - LEAD_MS, loopMs: 1000 - LEAD_MS, videos: [idle, moving(0.75, 1)] }).state;
    const { commands } = tick(state, { kind: 'frame', nowMs: 1030 - LEAD_MS, loopMs: 1030 - LEAD_MS, videos: [moving(0.03, 1), moving(0.78, 1)] });
    const rate = commands.find((c) => c.kind === 'rate');
    expect(rate).toMatchObject({ video: 0 });
    // 0.97 s of media over the 1.22 s left of its slot.
    expect((rate as { rate: number }).rate).toBeCloseTo(0.8, 2);
  });

  test.each([
    ['paused', false, { ...moving(0.5), paused: true }],
    ['not ready', false, { ...moving(0.5), readyState: 1 }],
    ['not moved past 20 ms', false, moving(0.02)],
    ['moved past 20 ms', true, moving(0.021)],
  ])('the queued clip %s: swapped in = %s', (_, swapped, video) => {
    let { state } = started();
    state = tick(state, { kind: 'frame', ...at(0), videos: [idle, idle] }).state;
    expect(kinds(tick(state, { kind: 'frame', ...at(40), videos: [idle, video] }).commands).includes('swap')).toBe(swapped);
  });

  // Clip a's slot ends at 10 000 ms; the next clip starts LEAD_MS before, by the clock or by the clip.
  test.each([
    ['by the clock, 1 ms early', false, 10_000 - LEAD_MS - 1, moving(5)],
    ['by the clock, on time', true, 10_000 - LEAD_MS, moving(5)],
    ['by the clip, 260 ms left', false, 5_000, moving(9.74)],
    ['by the clip, 250 ms left', true, 5_000, moving(9.75)],
    ['by the clip, 250 ms left at 0.8 speed (312 ms)', false, 5_000, moving(9.75, 10, 0.8)],
    ['by the clip, ended', true, 5_000, { ...moving(10), ended: true, paused: true }],
  ])('the next clip starts %s: %s', (_, starts, ms, front) => {
    const { commands } = tick(playingA(), { kind: 'frame', ...at(ms), videos: [idle, front] });
    expect(commands).toEqual(starts ? [{ kind: 'play', video: 0 }] : []);
  });

  test('after the swap the old front pauses under the new one and takes the clip after, once the new one has settled', () => {
    let state = playingA();
    state = tick(state, { kind: 'frame', ...at(9_750), videos: [idle, moving(9.75)] }).state;
    let commands: Command[];
    ({ state, commands } = tick(state, { kind: 'frame', ...at(9_800), videos: [moving(0.05), moving(9.8)] }));
    expect(commands).toContainEqual({ kind: 'swap', show: 0, hide: 1 });
    expect(commands.filter((c) => c.kind === 'load')).toEqual([]);
    ({ commands } = tick(state, { kind: 'frame', ...at(9_800 + SETTLE_MS), videos: [moving(1.05), { ...moving(9.8), paused: true }] }));
    expect(commands).toEqual([{ kind: 'load', video: 1, clip: 'c', offsetSeconds: 0 }]);
  });
});

describe('tick: faults', () => {
  test.each([
    [1_999, false],
    [2_000, true],
  ])('a queued clip asked to play %i ms ago with no frame is skipped: %s', (waited, skipped) => {
    let state = playingA();
    state = tick(state, { kind: 'frame', ...at(9_750), videos: [idle, moving(9.75)] }).state;
    const { commands } = tick(state, { kind: 'tick', ...at(9_750 + waited), videos: [idle, moving(9.75 + waited / 1000)] });
    expect(notes(commands).filter((n) => n.startsWith('skip'))).toEqual(skipped ? ['skip b: no frame within 2 s'] : []);
    if (skipped) expect(commands).toContainEqual({ kind: 'load', video: 0, clip: 'c', offsetSeconds: 0 });
  });

  test('a stalled clip is nudged after 2 s and skipped after 2 s more', () => {
    let state = playingA();
    const still = moving(3);
    const seen: string[] = [];
    for (let i = 1; i <= 8; i++) {
      const { state: next, commands } = tick(state, { kind: 'tick', ...at(3_000 + i * TICK_MS), videos: [idle, still] });
      state = next;
      seen.push(kinds(commands).filter((k) => k === 'nudge' || k === 'unload').join() || '-');
    }
    // The first tick sees the time for the first time; stillness counts from the second.
    expect(seen).toEqual(['-', '-', '-', '-', 'nudge', '-', '-', '-']);
    const { commands } = tick(state, { kind: 'tick', ...at(7_500), videos: [idle, still] });
    expect(notes(commands)).toContain('skip a: stalled');
    expect(commands).toContainEqual({ kind: 'unload', video: 1 });
  });

  test('an error on the queued clip skips it and queues the one after', () => {
    const { commands } = tick(playingA(), { kind: 'error', video: 0, ...at(1_000) });
    expect(commands).toEqual([
      { kind: 'note', event: 'skip', detail: 'b: error' },
      { kind: 'unload', video: 0 },
      { kind: 'load', video: 0, clip: 'c', offsetSeconds: 0 },
    ]);
  });

  test('when every clip fails the hotline card holds, once, and the reel is tried again after the hold', () => {
    let { state } = started();
    const all: Command[] = [];
    for (const ms of [0, 10, 20, 30]) {
      const step = tick(state, { kind: 'error', video: 1, ...at(ms) });
      state = step.state;
      all.push(...step.commands);
    }
    expect(notes(all).filter((n) => n.startsWith('hold'))).toHaveLength(1);
    expect(all.filter((c) => c.kind === 'hold')).toEqual([{ kind: 'hold', visible: true }]);
    // a was loaded at the start; b and c each once after it, then nothing until the hold ends.
    expect(all.filter((c) => c.kind === 'load').map((c) => c.kind === 'load' && c.clip)).toEqual(['b', 'c']);
    expect(tick(state, { kind: 'tick', ...at(HOLD_MS - 1), videos: [idle, idle] }).commands.filter((c) => c.kind === 'load')).toEqual([]);
    const retry = tick(state, { kind: 'tick', ...at(HOLD_MS + 20), videos: [idle, idle] });
    expect(retry.commands.filter((c) => c.kind === 'load')).toHaveLength(1);
    const shown = tick(tick(retry.state, { kind: 'frame', ...at(HOLD_MS + 40), videos: [idle, idle] }).state, {
      kind: 'frame',
      ...at(HOLD_MS + 60),
      videos: [idle, moving(0.05)],
    });
    expect(shown.commands).toContainEqual({ kind: 'hold', visible: false });
  });

  test.each([
    [119, false],
    [120, true],
  ])('after %i ticks with nothing advancing the page reloads: %s', (ticks, reloads) => {
    let state = started().state;
    let last: Command[] = [];
    for (let i = 1; i <= ticks; i++) ({ state, commands: last } = tick(state, { kind: 'tick', ...at(i * TICK_MS), videos: [idle, idle] }));
    expect(last.some((c) => c.kind === 'reload')).toBe(reloads);
  });

  test.each([
    ['03:59:59.999', false],
    ['04:00:00.000', true],
  ])('at %s in Shanghai the nightly reload is due: %s', (time, reloads) => {
    const start = Date.parse('2026-11-27T03:00:00+08:00');
    const state = initialKiosk(reels, [], start);
    const now = Date.parse(`2026-11-27T${time}+08:00`);
    const { commands } = tick(state, { kind: 'tick', nowMs: now, loopMs: now, videos: [idle, idle] });
    expect(commands.some((c) => c.kind === 'reload' && c.why === 'nightly reload at 04:00')).toBe(reloads);
  });
});

describe('a failed clip leaves its slot to the hotline card: the next clip starts at its own slot', () => {
  // Slots of the 30 s loop: a 0–10 000 ms, b 10 000–20 000, c 20 000–30 000.
  const cardShown = (commands: Command[]) => commands.filter((c) => c.kind === 'hold');
  const asked = (commands: Command[]) => commands.some((c) => c.kind === 'play');

  test.each([
    ['at its start', 30],
    ['mid-slot', 5_000],
    ['in its last 300 ms, before the next one was asked to play', 9_700],
  ])('the playing clip fails %s: the card at once, until b moves at its slot', (_, ms) => {
    let { state, commands } = tick(playingA(), { kind: 'error', video: 1, ...at(ms) });
    expect(notes(commands)).toEqual(['skip a: error']);
    expect(cardShown(commands)).toEqual([{ kind: 'hold', visible: true }]);
    // b stays queued for its slot: not asked to play before LEAD_MS ahead of it.
    ({ state, commands } = tick(state, { kind: 'frame', ...at(Math.max(ms + 16, 9_749)), videos: [idle, idle] }));
    expect(commands).toEqual([]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(9_750), videos: [idle, idle] }));
    expect(commands).toEqual([{ kind: 'play', video: 0 }]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(9_800), videos: [moving(0.05), idle] }));
    expect(commands.slice(0, 3)).toEqual([
      { kind: 'swap', show: 0, hide: 1 },
      { kind: 'showing', clip: 'b', reel: 'default', offsetSeconds: 0.05 },
      { kind: 'note', event: 'play', detail: 'b from 0.1 s (default)' },
    ]);
    expect(cardShown(commands)).toEqual([{ kind: 'hold', visible: false }]);
    expect(state.front?.plan).toMatchObject({ endsAtMs: T0 + 20_000 });
  });

  test('the playing clip fails in its last 50 ms, with the next one already starting: the card only until it moves', () => {
    let state = tick(playingA(), { kind: 'frame', ...at(9_750), videos: [idle, moving(9.75)] }).state;
    let commands: Command[];
    ({ state, commands } = tick(state, { kind: 'error', video: 1, ...at(9_960) }));
    expect(cardShown(commands)).toEqual([{ kind: 'hold', visible: true }]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(9_976), videos: [moving(0.2), idle] }));
    expect(commands[0]).toEqual({ kind: 'swap', show: 0, hide: 1 });
    expect(cardShown(commands)).toEqual([{ kind: 'hold', visible: false }]);
    expect(state.front?.plan).toMatchObject({ endsAtMs: T0 + 20_000 });
  });

  test('the queued clip fails: a plays to its end, the card fills b’s slot, c starts at its own', () => {
    let { state, commands } = tick(playingA(), { kind: 'error', video: 0, ...at(1_000) });
    expect(commands).toEqual([
      { kind: 'note', event: 'skip', detail: 'b: error' },
      { kind: 'unload', video: 0 },
      { kind: 'load', video: 0, clip: 'c', offsetSeconds: 0 },
    ]);
    // a plays on to the end of its slot, with nothing started early and no card.
    ({ state, commands } = tick(state, { kind: 'frame', ...at(9_900), videos: [idle, moving(9.9)] }));
    expect(commands).toEqual([]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(10_000), videos: [idle, { ...moving(10), ended: true, paused: true }] }));
    expect(commands).toEqual([{ kind: 'hold', visible: true }]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(19_749), videos: [idle, { ...moving(10), ended: true, paused: true }] }));
    expect(commands).toEqual([]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(19_750), videos: [idle, { ...moving(10), ended: true, paused: true }] }));
    expect(commands).toEqual([{ kind: 'play', video: 0 }]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(19_800), videos: [moving(0.05), { ...moving(10), ended: true, paused: true }] }));
    expect(commands[0]).toEqual({ kind: 'swap', show: 0, hide: 1 });
    expect(cardShown(commands)).toEqual([{ kind: 'hold', visible: false }]);
    expect(state.front?.plan).toMatchObject({ endsAtMs: T0 + 30_000 });
  });

  test('a clip that hangs is skipped after 2 s, and the card fills the rest of its slot', () => {
    let state = tick(playingA(), { kind: 'frame', ...at(9_750), videos: [idle, moving(9.75)] }).state;
    const { state: next, commands } = tick(state, { kind: 'tick', ...at(11_750), videos: [idle, { ...moving(10), ended: true, paused: true }] });
    state = next;
    expect(notes(commands)).toContain('skip b: no frame within 2 s');
    expect(commands).toContainEqual({ kind: 'load', video: 0, clip: 'c', offsetSeconds: 0 });
    expect(cardShown(commands)).toEqual([{ kind: 'hold', visible: true }]);
    expect(asked(tick(state, { kind: 'frame', ...at(19_749), videos: [idle, idle] }).commands)).toBe(false);
    expect(asked(tick(state, { kind: 'frame', ...at(19_750), videos: [idle, idle] }).commands)).toBe(true);
  });

  test('two failures in a row: the card fills both slots, and a starts the next round on time', () => {
    let { state } = tick(playingA(), { kind: 'error', video: 0, ...at(1_000) });
    let commands: Command[];
    ({ state, commands } = tick(state, { kind: 'error', video: 0, ...at(1_100) }));
    expect(notes(commands)).toEqual(['skip c: error']);
    expect(commands).toContainEqual({ kind: 'load', video: 0, clip: 'a', offsetSeconds: 0 });
    const ended = { ...moving(10), ended: true, paused: true };
    ({ state, commands } = tick(state, { kind: 'frame', ...at(10_000), videos: [idle, ended] }));
    expect(commands).toEqual([{ kind: 'hold', visible: true }]);
    expect(asked(tick(state, { kind: 'frame', ...at(29_749), videos: [idle, ended] }).commands)).toBe(false);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(29_750), videos: [idle, ended] }));
    expect(commands).toEqual([{ kind: 'play', video: 0 }]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(29_800), videos: [moving(0.05), ended] }));
    expect(commands[0]).toEqual({ kind: 'swap', show: 0, hide: 1 });
    expect(state.front?.plan).toMatchObject({ round: ROUND0 + 1, endsAtMs: T0 + 40_000 });
  });

  test('the last clip of the reel fails: the card to the end of the round, then the first clip on time', () => {
    // b on screen from 10 000 ms, c queued behind it.
    let { state } = started(10_000);
    state = tick(state, { kind: 'frame', ...at(10_000), videos: [idle, idle] }).state;
    state = tick(state, { kind: 'frame', ...at(10_030), videos: [idle, moving(0.03)] }).state;
    let commands: Command[];
    ({ state, commands } = tick(state, { kind: 'error', video: 0, ...at(12_000) }));
    expect(notes(commands)).toEqual(['skip c: error']);
    expect(commands).toContainEqual({ kind: 'load', video: 0, clip: 'a', offsetSeconds: 0 });
    const ended = { ...moving(10), ended: true, paused: true };
    ({ state, commands } = tick(state, { kind: 'frame', ...at(20_000), videos: [idle, ended] }));
    expect(commands).toEqual([{ kind: 'hold', visible: true }]);
    expect(asked(tick(state, { kind: 'frame', ...at(29_749), videos: [idle, ended] }).commands)).toBe(false);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(29_750), videos: [idle, ended] }));
    expect(commands).toEqual([{ kind: 'play', video: 0 }]);
    ({ state, commands } = tick(state, { kind: 'frame', ...at(29_800), videos: [moving(0.05), ended] }));
    expect(cardShown(commands)).toEqual([{ kind: 'hold', visible: false }]);
    expect(state.front).toMatchObject({ clip: 'a', plan: { round: ROUND0 + 1, endsAtMs: T0 + 40_000 } });
  });

  test.each([
    ['the playing clip failed', 1],
    ['the queued clip failed', 0],
  ] as const)('%s and the clock goes back an hour: the next tick queues the clip of the new time, which ends the card', (_, video) => {
    let { state } = tick(playingA(), { kind: 'error', video, ...at(1_000) });
    // Card up, and the next clip not asked to play yet.
    const ended = { ...moving(10), ended: true, paused: true };
    const upAt = video === 1 ? 5_000 : 10_000;
    state = tick(state, { kind: 'frame', ...at(upAt), videos: [idle, ended] }).state;
    expect(state.card).toBe(true);
    expect(state.back?.asked).toBeNull();
    // An hour before, 10 000 ms into a round: b's slot, where b was never tried.
    const back = { nowMs: T0 + 10_000 - 3_600_000, loopMs: T0 + 10_000 - 3_600_000 };
    let commands: Command[];
    ({ state, commands } = tick(state, { kind: 'tick', ...back, videos: [idle, ended] }));
    expect(notes(commands)).toContain('hold the clock went back; planning from the new time');
    expect(commands).toContainEqual({ kind: 'load', video: 0, clip: 'b', offsetSeconds: 0 });
    ({ state, commands } = tick(state, { kind: 'frame', ...back, videos: [idle, ended] }));
    expect(commands).toEqual([{ kind: 'play', video: 0 }]);
    ({ state, commands } = tick(state, { kind: 'frame', nowMs: back.nowMs + 50, loopMs: back.loopMs + 50, videos: [moving(0.05), ended] }));
    expect(commands[0]).toEqual({ kind: 'swap', show: 0, hide: 1 });
    expect(state.card).toBe(false);
  });

  test('the card filling a failed slot does not count as the whole reel failing', () => {
    const { commands } = tick(playingA(), { kind: 'error', video: 1, ...at(5_000) });
    expect(notes(commands).filter((n) => n.startsWith('hold'))).toEqual([]);
  });
});

describe('tick: drift correction', () => {
  // Clip a's slot began at 0; at 5 000 ms the clip should stand at 5 s.
  test.each([
    [5, { kind: 'rate', video: 1, rate: 1 }],
    [5.05, { kind: 'rate', video: 1, rate: 1 }],
    [5.051, { kind: 'rate', video: 1, rate: 0.98 }],
    [4.949, { kind: 'rate', video: 1, rate: 1.02 }],
    // Further off than 2 % wins back before the slot ends: the rate that ends the clip with it.
    [5.2, { kind: 'rate', video: 1, rate: 0.96 }],
    [6, { kind: 'rate', video: 1, rate: 0.8 }],
    [4, { kind: 'rate', video: 1, rate: 1.2 }],
    // More than a second off is no drift (a clock jump): 2 %, or a seek past 3 s.
    [6.001, { kind: 'rate', video: 1, rate: 0.98 }],
    [8, { kind: 'rate', video: 1, rate: 0.98 }],
    [8.001, { kind: 'seek', video: 1, toSeconds: 5 }],
    [1.999, { kind: 'seek', video: 1, toSeconds: 5 }],
  ])('at %f s it gets %j', (currentTime, command) => {
    let state = playingA();
    state = tick(state, { kind: 'tick', ...at(4_500), videos: [idle, moving(currentTime - 0.1)] }).state;
    const { commands } = tick(state, { kind: 'tick', ...at(5_000), videos: [idle, moving(currentTime)] });
    expect(commands).toEqual([command]);
  });

  test.each([
    ['in its last second', 9_100, moving(4)],
    ['paused', 5_000, { ...moving(1), paused: true }],
  ])('a clip %s is not pulled into step', (_, ms, video) => {
    let state = playingA();
    state = tick(state, { kind: 'tick', ...at(ms - TICK_MS), videos: [idle, { ...video, currentTime: video.currentTime - 0.1 }] }).state;
    const { commands } = tick(state, { kind: 'tick', ...at(ms), videos: [idle, video] });
    expect(commands.filter((c) => c.kind === 'seek')).toEqual([]);
  });
});

describe('schedule', () => {
  test('the clip queued across a window boundary comes from the new reel, with a note', () => {
    // Window opens at 10:00:10 Shanghai time, when clip a's slot ends.
    const schedule = [{ reel: 'night', days: ['fri'], from: '10:01', to: '11:00' }];
    let { state } = started(50_000, schedule);
    state = tick(state, { kind: 'frame', ...at(50_000), videos: [idle, idle] }).state;
    let commands: Command[];
    ({ state, commands } = tick(state, { kind: 'frame', ...at(50_030), videos: [idle, moving(0.03)] }));
    expect(notes(commands)).toContain('reel switching to the night reel');
    ({ commands } = tick(state, { kind: 'frame', ...at(50_030 + SETTLE_MS), videos: [idle, moving(1.03)] }));
    expect(commands).toEqual([{ kind: 'load', video: 0, clip: 'n', offsetSeconds: 0 }]);
  });
});

describe('integrity: a clip whose file failed its checksum', () => {
  test('is dropped from the queue and skipped every round until it is intact again', () => {
    let { state, commands } = tick(playingA(), { kind: 'integrity', clip: 'b', ok: false, ...at(1_000) });
    expect(commands).toEqual([
      { kind: 'note', event: 'skip', detail: 'b: checksum mismatch' },
      { kind: 'unload', video: 0 },
      { kind: 'load', video: 0, clip: 'c', offsetSeconds: 0 },
    ]);
    // Next round, still skipped.
    const later = tick(initialKiosk(reels, [], T0), { kind: 'integrity', clip: 'b', ok: false, ...at(0) }).state;
    // Its slot goes to the hotline card, and c is queued for its own.
    expect(tick(later, { kind: 'start', ...at(30_000 + 10_000) }).commands).toEqual([
      { kind: 'load', video: 1, clip: 'c', offsetSeconds: 0 },
      { kind: 'hold', visible: true },
    ]);
    // Intact again: it plays in its slot.
    state = tick(later, { kind: 'integrity', clip: 'b', ok: true, ...at(0) }).state;
    expect(tick(state, { kind: 'start', ...at(40_000) }).commands).toEqual([{ kind: 'load', video: 1, clip: 'b', offsetSeconds: 0 }]);
  });

  test('on screen, it is skipped at once', () => {
    const { state } = tick(playingA(), { kind: 'error', video: 0, ...at(500) });
    const { commands } = tick(state, { kind: 'integrity', clip: 'a', ok: false, ...at(1_000) });
    expect(notes(commands)).toEqual(['skip a: checksum mismatch']);
  });
});

/**
 * A screen playing `reel` for `seconds`: two simulated <video>s that carry out tick()'s commands,
 * whose time starts moving `startupMs` after they are asked to play, with a frame every 16 ms and
 * a tick every TICK_MS. Returns, for every frame after the first 10 s, how far the clip on screen
 * stands from the clock's place in the loop (seconds, + when ahead), and the frames in which the
 * clip on top had ended.
 */
function simulate(
  reel: { key: string; clips: { id: string; durationSeconds: number; portrait?: { durationSeconds: number } }[] },
  seconds: number,
  startupMs: number,
  broken: ReadonlySet<string> = new Set(),
  /** When the screen turns: to portrait (true) or landscape, at that many ms. */
  turns: readonly { atMs: number; portrait: boolean }[] = [],
) {
  const clips = reel.clips;
  const total = clips.reduce((sum, c) => sum + c.durationSeconds, 0);
  const startOf = (id: string) => clips.slice(0, clips.findIndex((c) => c.id === id)).reduce((sum, c) => sum + c.durationSeconds, 0);
  const videos = [0, 1].map(() => ({ clip: null as string | null, portrait: false, time: 0, rate: 1, paused: true, ended: false, movesAt: Infinity }));
  /** The length of the cut loaded in `v`: a portrait cut may differ a little from the landscape video. */
  const lengthOf = (v: (typeof videos)[number]) => {
    const clip = clips.find((c) => c.id === v.clip)!;
    return v.portrait ? clip.portrait!.durationSeconds : clip.durationSeconds;
  };
  const view = (i: number): VideoView => {
    const v = videos[i]!;
    const duration = v.clip ? lengthOf(v) : Number.NaN;
    return { paused: v.paused, ended: v.ended, readyState: v.clip ? 4 : 0, currentTime: v.time, duration, playbackRate: v.rate };
  };
  let front: number | null = null;
  let card = false;
  /** A broken clip's element fires `error` 32 ms after it is loaded. */
  const errors: { video: 0 | 1; atMs: number }[] = [];
  let ms = 0;
  /** Loads into the element on screen: a clip cut off in the middle. */
  let cutOff = 0;
  const apply = (commands: Command[]) => {
    for (const c of commands) {
      if (c.kind === 'load') {
        if (c.video === front && !card) cutOff++;
        Object.assign(videos[c.video]!, { clip: c.clip, portrait: c.portrait === true, time: c.offsetSeconds, rate: 1, paused: true, ended: false, movesAt: Infinity });
        if (broken.has(c.clip)) errors.push({ video: c.video, atMs: ms + 32 });
      } else if (c.kind === 'hold') card = c.visible;
      else if (c.kind === 'unload') Object.assign(videos[c.video]!, { clip: null, paused: true });
      else if (c.kind === 'play') Object.assign(videos[c.video]!, { paused: false, movesAt: ms + startupMs });
      else if (c.kind === 'rate') videos[c.video]!.rate = c.rate;
      else if (c.kind === 'seek' || c.kind === 'nudge') videos[c.video]!.time = c.toSeconds;
      else if (c.kind === 'swap') {
        front = c.show;
        if (c.hide !== null) videos[c.hide]!.paused = true;
      }
    }
  };
  let state = initialKiosk([reel], [], T0, turns.length > 0 && !turns[0]!.portrait);
  const observe = (obs: Parameters<typeof tick>[1]) => {
    const result = tick(state, obs);
    state = result.state;
    apply(result.commands);
  };
  observe({ kind: 'start', ...at(0) });
  const offsets: number[] = [];
  let ended = 0;
  let cardFrames = 0;
  let empty = 0;
  /** Per turn: the frames after it in which the clip on screen plays the other cut, and when the last was. */
  const stale = turns.map(() => ({ frames: 0, lastMs: -1 }));
  for (ms = 0; ms <= seconds * 1000; ms += 4) {
    for (const e of errors.filter((e) => e.atMs === ms)) observe({ kind: 'error', video: e.video, ...at(ms) });
    for (const t of turns.filter((t) => t.atMs === ms)) observe({ kind: 'orientation', portrait: t.portrait, ...at(ms) });
    for (const v of videos) {
      if (v.paused || ms < v.movesAt) continue;
      v.time = Math.min(v.time + 0.004 * v.rate, lengthOf(v));
      if (v.time === lengthOf(v)) Object.assign(v, { ended: true, paused: true });
    }
    if (ms % 16 === 0 && front !== null && !card && videos[front]!.clip) {
      const shown = videos[front]!;
      const turn = turns.findLastIndex((t) => t.atMs <= ms);
      const wanted = turn >= 0 && turns[turn]!.portrait && !!clips.find((c) => c.id === shown.clip)!.portrait;
      if (turn >= 0 && shown.portrait !== wanted) stale[turn] = { frames: stale[turn]!.frames + 1, lastMs: ms };
    }
    if (ms % 16 === 0) observe({ kind: 'frame', ...at(ms), videos: [view(0), view(1)] });
    if (ms % TICK_MS === 0 && ms > 0) observe({ kind: 'tick', ...at(ms), videos: [view(0), view(1)] });
    if (ms % 16 !== 0 || ms < 10_000 || front === null) continue;
    const shown = videos[front]!;
    if (card) {
      cardFrames++;
      continue;
    }
    if (!shown.clip) {
      empty++;
      continue;
    }
    if (shown.ended) ended++;
    const clock = ((T0 + ms) / 1000) % total;
    const diff = startOf(shown.clip!) + shown.time - clock;
    offsets.push(((diff + total * 1.5) % total) - total / 2);
  }
  return { furthest: Math.max(...offsets.map(Math.abs)), ended, cardFrames, empty, cutOff, stale };
}

describe('keeping to the clock over many transitions', () => {
  const short = { key: 'default', clips: ['a', 'b', 'c'].map((id) => ({ id, durationSeconds: 1 })) };
  test.each([
    ['1 s clips, 40 ms startup', short, 40],
    ['1 s clips, 120 ms startup', short, 120],
    ['1 s clips, 200 ms startup', short, 200],
    ['10 s clips, 40 ms startup', reels[0]!, 40],
  ])('%s: the clip on screen stays within 0.3 s of the clock, and none ends on screen', (_, reel, startupMs) => {
    const { furthest, ended } = simulate(reel, 120, startupMs);
    expect(furthest).toBeLessThanOrEqual(0.3);
    expect(ended).toBe(0);
  });
});

describe('keeping to the clock with a broken clip in the reel', () => {
  const short = { key: 'default', clips: ['a', 'b', 'c'].map((id) => ({ id, durationSeconds: 1 })) };
  test.each([
    ['1 s clips, b broken, 120 ms startup', short, 120, ['b']],
    ['1 s clips, b and c broken, 40 ms startup', short, 40, ['b', 'c']],
    ['10 s clips, c broken, 40 ms startup', reels[0]!, 40, ['c']],
  ])('%s: the card fills the broken slots, and every clip on screen stays within 0.3 s of the clock', (_, reel, startupMs, broken) => {
    const { furthest, ended, cardFrames, empty } = simulate(reel, 120, startupMs, new Set(broken));
    expect(furthest).toBeLessThanOrEqual(0.3);
    expect(ended).toBe(0);
    expect(empty).toBe(0);
    // The frames whose slot on the clock belongs to a broken clip: the card covers them, but for
    // the lead with which the clip after each run of them starts.
    let slots = 0;
    for (let ms = 10_000; ms <= 120_000; ms += 16) if (broken.includes(reel.clips[positionAt(reel.clips, T0 + ms).index]!.id)) slots++;
    expect(cardFrames).toBeLessThanOrEqual(slots);
    expect(cardFrames).toBeGreaterThan(slots * 0.85);
  });
});

describe('portrait cuts', () => {
  const cut = (durationSeconds: number) => ({ portrait: { durationSeconds } });
  const mixed = [
    { key: 'default', clips: [{ id: 'a', durationSeconds: 10, ...cut(10) }, { id: 'b', durationSeconds: 10 }, { id: 'c', durationSeconds: 10, ...cut(10) }] },
  ];
  const startedOn = (portrait: boolean, ms = 0) => tick(initialKiosk(mixed, [], T0 + ms, portrait), { kind: 'start', ...at(ms) });

  test.each([
    ['a portrait screen loads the portrait cut of a clip that has one', true, 0, { kind: 'load', video: 1, clip: 'a', offsetSeconds: 0, portrait: true }],
    ['a portrait screen loads the landscape video of a clip without one', true, 12_000, { kind: 'load', video: 1, clip: 'b', offsetSeconds: 2 }],
    ['a landscape screen loads the landscape video', false, 0, { kind: 'load', video: 1, clip: 'a', offsetSeconds: 0 }],
  ])('%s', (_, portrait, ms, load) => {
    expect(startedOn(portrait, ms).commands).toEqual([load]);
  });

  test('the play note says when the portrait cut plays', () => {
    let { state } = startedOn(true);
    state = tick(state, { kind: 'frame', ...at(0), videos: [idle, idle] }).state;
    expect(notes(tick(state, { kind: 'frame', ...at(30), videos: [idle, moving(0.03)] }).commands)).toContain('play a from 0.3 s (default, portrait)');
  });

  /** Clip a on screen in video 1, clip b queued in video 0 (c queued after a turn at 10 s). */
  function onScreen(portrait: boolean, ms = 0) {
    let { state } = startedOn(portrait, ms);
    state = tick(state, { kind: 'frame', ...at(ms), videos: [idle, idle] }).state;
    state = tick(state, { kind: 'frame', ...at(ms + 30), videos: [idle, moving(0.03)] }).state;
    // The next clip is loaded once this one has settled.
    return tick(state, { kind: 'frame', ...at(ms + 30 + SETTLE_MS), videos: [idle, moving(0.03 + SETTLE_MS / 1000)] }).state;
  }

  test('turned while a clip plays: that clip plays on, and the queued one is loaded again in the new cut', () => {
    // c (with a portrait cut) queued behind b.
    const state = onScreen(false, 10_000);
    const { commands, state: after } = tick(state, { kind: 'orientation', portrait: true, ...at(12_000) });
    expect(commands).toEqual([
      { kind: 'note', event: 'turn', detail: 'taller than wide: portrait cuts' },
      { kind: 'load', video: 0, clip: 'c', offsetSeconds: 0, portrait: true },
    ]);
    // Turned back before c starts: its landscape video again.
    expect(tick(after, { kind: 'orientation', portrait: false, ...at(13_000) }).commands).toContainEqual({ kind: 'load', video: 0, clip: 'c', offsetSeconds: 0 });
  });

  test('turned when the queued clip has no portrait cut: nothing to load again', () => {
    // a on screen, b (no portrait cut) queued.
    const { commands } = tick(onScreen(false), { kind: 'orientation', portrait: true, ...at(2_000) });
    expect(kinds(commands)).toEqual(['note']);
  });

  test('turned after the queued clip was asked to play: it starts in the cut it has, the one after takes the new cut', () => {
    let state = onScreen(false, 10_000);
    state = tick(state, { kind: 'frame', ...at(20_000 - LEAD_MS), videos: [idle, moving(9.75)] }).state;
    const turned = tick(state, { kind: 'orientation', portrait: true, ...at(20_000 - LEAD_MS + 10) });
    expect(kinds(turned.commands)).toEqual(['note']);
    // c comes to the front as loaded; the clip after it (a) is queued in its portrait cut.
    const swapped = tick(turned.state, { kind: 'frame', ...at(20_000 - LEAD_MS + 40), videos: [moving(0.03), moving(9.8)] });
    expect(kinds(swapped.commands)).toContain('swap');
    const { commands } = tick(swapped.state, { kind: 'frame', ...at(20_000 - LEAD_MS + 40 + SETTLE_MS), videos: [moving(1.03), { ...moving(9.8), paused: true }] });
    expect(commands).toEqual([{ kind: 'load', video: 1, clip: 'a', offsetSeconds: 0, portrait: true }]);
  });

  test('the same orientation again changes nothing', () => {
    expect(tick(onScreen(true), { kind: 'orientation', portrait: true, ...at(2_000) }).commands).toEqual([]);
  });

  const short = (portraitSeconds: number) => ({
    key: 'default',
    clips: ['a', 'b', 'c'].map((id) => ({ id, durationSeconds: 1, ...cut(portraitSeconds) })),
  });
  test.each([
    ['as long', 1],
    ['40 ms shorter', 0.96],
    ['40 ms longer', 1.04],
  ])('1 s clips whose portrait cuts are %s, turned twice: on the clock, never cut off, and the new cut from the next clip on', (_, portraitSeconds) => {
    const turns = [
      { atMs: 0, portrait: true },
      { atMs: 40_500, portrait: false },
      { atMs: 80_700, portrait: true },
    ];
    const { furthest, ended, cutOff, stale } = simulate(short(portraitSeconds), 120, 120, new Set(), turns);
    expect(furthest).toBeLessThanOrEqual(0.3);
    expect(ended).toBe(0);
    expect(cutOff).toBe(0);
    // From the start in portrait; after each turn, the clip on screen then plays on in its cut
    // until its slot ends (1 s at most), then every clip comes in the new cut.
    expect(stale[0]!.frames).toBe(0);
    for (const [i, t] of turns.entries()) {
      if (i === 0) continue;
      expect(stale[i]!.frames).toBeGreaterThan(0);
      expect(stale[i]!.lastMs).toBeLessThan(t.atMs + 1000);
    }
  });
});
