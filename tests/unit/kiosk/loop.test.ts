import { describe, expect, test } from 'vitest';
import { HOLD_MS, initialLoop, markFailed, markPlayed, planAt, type LoopState } from '../../../src/kiosk/loop';

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

  test('skips a clip that failed and starts the next one now', () => {
    const state = markFailed(initialLoop(), 'b', 0);
    const p = play(state, 31_000);
    expect(p).toMatchObject({ id: 'c', offsetSeconds: 0, endsAtMs: 46_000 });
    expect(p.state.shiftMs).toBe(44_000);
  });

  test('once skipped, the screen runs on ahead of the clock without re-skipping', () => {
    const { state } = planAt(reel, markFailed(initialLoop(), 'b', 0), 31_000);
    expect(play(state, 40_000)).toMatchObject({ id: 'c', offsetSeconds: 9 });
    expect(play(state, 46_000)).toMatchObject({ id: 'a', offsetSeconds: 0, round: 1 });
  });

  test('retries a failed clip on the next round', () => {
    const state = markFailed(initialLoop(), 'b', 0);
    expect(play(state, ROUND + 30_000)).toMatchObject({ id: 'b', offsetSeconds: 0, round: 1 });
  });

  test('skips several failed clips in a row, past the end of the loop', () => {
    let state = markFailed(initialLoop(), 'b', 0);
    state = markFailed(state, 'c', 0);
    expect(play(state, 30_000)).toMatchObject({ id: 'a', offsetSeconds: 0, round: 1 });
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
    expect(planAt(reel, state, ROUND + 1_000).plan.kind).toBe('play');
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

  test('passes over a clip that already failed to load', () => {
    const state = markFailed(initialLoop(), 'c', 0);
    const now = play(state, 40_000);
    expect(planAt(reel, state, now.endsAtMs).plan).toMatchObject({ kind: 'play', index: 0, offsetSeconds: 0, round: 1 });
  });
});
