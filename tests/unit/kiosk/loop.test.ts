import { describe, expect, test } from 'vitest';
import { HOLD_MS, initialLoop, markBlocked, markFailed, markPlayed, planAt, type LoopState } from '../../../src/kiosk/loop';

const reel = [
  { id: 'a', durationSeconds: 30 },
  { id: 'b', durationSeconds: 45 },
  { id: 'c', durationSeconds: 15 },
];
const ROUND = 90_000;

const play = (state: LoopState, now: number) => {
  const { plan, state: next } = planAt(reel, state, now);
  if (plan.kind !== 'play') throw new Error(`expected a clip, got ${JSON.stringify(plan)}`);
  return { ...plan, id: reel[plan.index]!.id, state: next };
};

describe('planAt', () => {
  test('follows the clock when nothing failed', () => {
    expect(play(initialLoop(), 31_000)).toMatchObject({ id: 'b', offsetSeconds: 1, endsAtMs: 75_000 });
  });

  // b's slot runs from 30 000 to 75 000 ms in round 0; c's from 75 000 to 90 000.
  test.each([
    ['at its start', 30_000],
    ['mid-slot', 50_000],
    ['in its last 50 ms', 74_950],
    ['in its last ms', 74_999],
  ])('a clip that failed leaves its slot to the hotline card, %s', (_, now) => {
    const state = markFailed(initialLoop(), 'b', 0);
    expect(planAt(reel, state, now)).toEqual({ plan: { kind: 'hold', untilMs: 75_000, skipped: 'b' }, state });
  });

  test('the clip after a failed one starts exactly at its own slot', () => {
    const state = markFailed(initialLoop(), 'b', 0);
    expect(play(state, 75_000)).toMatchObject({ id: 'c', offsetSeconds: 0, round: 0, endsAtMs: 90_000 });
    expect(play(state, 80_000)).toMatchObject({ id: 'c', offsetSeconds: 5, endsAtMs: 90_000 });
  });

  test('two failures in a row: the card fills both slots, and the reel goes on at the next', () => {
    let state = markFailed(initialLoop(), 'b', 0);
    state = markFailed(state, 'c', 0);
    expect(planAt(reel, state, 30_000).plan).toEqual({ kind: 'hold', untilMs: 75_000, skipped: 'b' });
    expect(planAt(reel, state, 75_000).plan).toEqual({ kind: 'hold', untilMs: 90_000, skipped: 'c' });
    expect(play(state, 90_000)).toMatchObject({ id: 'a', offsetSeconds: 0, round: 1, endsAtMs: 120_000 });
  });

  test('the last clip of the reel failed: the card until the round ends, then the first clip on time', () => {
    const state = markFailed(initialLoop(), 'c', 0);
    expect(planAt(reel, state, 89_950).plan).toEqual({ kind: 'hold', untilMs: 90_000, skipped: 'c' });
    expect(play(state, 90_000)).toMatchObject({ id: 'a', offsetSeconds: 0, round: 1 });
  });

  test('a blocked clip leaves its slot to the card every round', () => {
    const state = markBlocked(initialLoop(), 'a', true);
    expect(planAt(reel, state, 5 * ROUND + 1_000).plan).toEqual({ kind: 'hold', untilMs: 5 * ROUND + 30_000, skipped: 'a' });
    expect(play(markBlocked(state, 'a', false), 5 * ROUND + 1_000)).toMatchObject({ id: 'a', offsetSeconds: 1 });
  });

  test('retries a failed clip on the next round', () => {
    const state = markFailed(initialLoop(), 'b', 0);
    expect(play(state, ROUND + 30_000)).toMatchObject({ id: 'b', offsetSeconds: 0, round: 1 });
  });

  test('holds instead of spinning when every clip failed, then tries again', () => {
    let state = initialLoop();
    for (const c of reel) state = markFailed(state, c.id, 0);
    const held = planAt(reel, state, 10_000);
    expect(held.plan).toEqual({ kind: 'hold', untilMs: 10_000 + HOLD_MS });
    expect(planAt(reel, held.state, 10_000 + HOLD_MS - 1).plan.kind).toBe('hold');
    expect(play(held.state, 10_000 + HOLD_MS)).toMatchObject({ id: 'b' });
  });

  test('holds when every clip failed in a row, even when the failures run past the end of the loop', () => {
    // b and c fail late in round 0, a fails at the start of round 1: no round has all three.
    let state = markFailed(initialLoop(), 'b', 0);
    state = markFailed(state, 'c', 0);
    state = markFailed(state, 'a', 1);
    expect(planAt(reel, state, ROUND + 1_000).plan).toEqual({ kind: 'hold', untilMs: ROUND + 1_000 + HOLD_MS });
  });

  test('a clip that plays ends the run of failures', () => {
    let state = markFailed(initialLoop(), 'b', 0);
    state = markFailed(markPlayed(markFailed(state, 'c', 0)), 'a', 1);
    // Only a's own slot goes to the card, not the whole reel for HOLD_MS.
    expect(planAt(reel, state, ROUND + 1_000).plan).toEqual({ kind: 'hold', untilMs: ROUND + 30_000, skipped: 'a' });
    expect(play(state, ROUND + 30_000)).toMatchObject({ id: 'b' });
  });

  test('a failure from an earlier round does not skip the clip now', () => {
    const state = markFailed(initialLoop(), 'a', 3);
    expect(play(state, 5 * ROUND)).toMatchObject({ id: 'a', round: 5 });
  });
});

describe('the clip to queue: the plan at the end of the current slot', () => {
  test('is the clip after the current one, at its start', () => {
    const now = play(initialLoop(), 80_000);
    expect(planAt(reel, initialLoop(), now.endsAtMs).plan).toMatchObject({ kind: 'play', index: 0, offsetSeconds: 0, round: 1 });
  });

  test('after a clip that already failed to load, is the card until its slot ends', () => {
    const state = markFailed(initialLoop(), 'c', 0);
    const now = play(state, 40_000);
    expect(planAt(reel, state, now.endsAtMs).plan).toEqual({ kind: 'hold', untilMs: 90_000, skipped: 'c' });
  });
});
