import { describe, expect, test } from 'vitest';
import { loopClock, positionAt } from '../../../src/kiosk/reel-position';

const reel = [{ durationSeconds: 30 }, { durationSeconds: 45 }, { durationSeconds: 15 }];
const ROUND = 90_000;

describe('positionAt', () => {
  test.each([
    [0, 0, 0, 0],
    [29_999, 0, 29.999, 0],
    [30_000, 1, 0, 0],
    [74_999, 1, 44.999, 0],
    [75_000, 2, 0, 0],
    [89_999, 2, 14.999, 0],
    [90_000, 0, 0, 1],
    [ROUND * 1000 + 31_000, 1, 1, 1000],
  ])('at %i ms plays clip %i from %f s in round %i', (ms, index, offsetSeconds, round) => {
    const pos = positionAt(reel, ms);
    expect(pos.index).toBe(index);
    expect(pos.offsetSeconds).toBeCloseTo(offsetSeconds, 6);
    expect(pos.round).toBe(round);
  });

  test('screens reading the same clock agree, whenever they loaded', () => {
    const now = Date.UTC(2026, 10, 27, 8, 0, 12);
    expect(positionAt(reel, now)).toEqual(positionAt([...reel], now));
  });

  test('refuses a reel with no playable time', () => {
    expect(() => positionAt([], 0)).toThrow(RangeError);
    expect(() => positionAt([{ durationSeconds: 0 }], 0)).toThrow(RangeError);
  });

  test('refuses a time that is not a number', () => {
    expect(() => positionAt(reel, Number.NaN)).toThrow(/finite/);
  });
});

describe('loopClock', () => {
  const loaded = 10 * ROUND + 50_000;

  test('follows the wall clock without ?at', () => {
    expect(loopClock('', loaded, ROUND)(loaded + 5)).toBe(loaded + 5);
  });

  test('?at= puts the loop at that second of the current round, then runs on', () => {
    const clock = loopClock('?at=28', loaded, ROUND);
    expect(positionAt(reel, clock(loaded))).toMatchObject({ index: 0, round: 10 });
    expect(positionAt(reel, clock(loaded)).offsetSeconds).toBeCloseTo(28, 6);
    expect(positionAt(reel, clock(loaded + 2_000))).toMatchObject({ index: 1, offsetSeconds: 0, round: 10 });
  });

  test.each(['?at=', '?at=abc', '?at=-3'])('ignores a bad override %s', (search) => {
    expect(loopClock(search, loaded, ROUND)(loaded)).toBe(loaded);
  });
});
