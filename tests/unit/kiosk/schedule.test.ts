import { describe, expect, test } from 'vitest';
import { nextNightlyReload, reelAt, shanghaiTime, windowProblem } from '../../../src/kiosk/schedule';

/** A Shanghai wall-clock time as milliseconds since 1970 (Shanghai is UTC+8). */
const sh = (iso: string) => Date.parse(`${iso}+08:00`);
const reels = ['commuter', 'night'];
const schedule = [
  { reel: 'commuter', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '09:30' },
  { reel: 'night', days: ['fri', 'sat'], from: '22:00', to: '02:00' },
];

describe('shanghaiTime', () => {
  test.each([
    ['2026-11-27T00:00:00', 'fri', 0],
    ['2026-11-27T23:59:59', 'fri', 1439],
    ['2026-11-30T07:30:00', 'mon', 450],
    ['1970-01-01T08:00:00', 'thu', 480],
  ])('%s is %s, minute %i', (iso, day, minute) => {
    expect(shanghaiTime(sh(iso))).toEqual({ day, minute });
  });

  test('UTC midnight is 08:00 in Shanghai', () => {
    expect(shanghaiTime(Date.UTC(2026, 10, 27))).toEqual({ day: 'fri', minute: 480 });
  });
});

describe('reelAt', () => {
  test.each<[string, string | null, string]>([
    ['2026-11-30T06:59:59', null, 'Monday, a second before the window'],
    ['2026-11-30T07:00:00', 'commuter', 'Monday, the window opens'],
    ['2026-11-30T09:29:59', 'commuter', 'Monday, last second of the window'],
    ['2026-11-30T09:30:00', null, 'Monday, the window has closed'],
    ['2026-11-28T08:00:00', null, 'Saturday morning: weekdays only'],
    ['2026-11-27T22:00:00', 'night', 'Friday 22:00: the night window opens'],
    ['2026-11-27T23:59:59', 'night', 'Friday, just before midnight'],
    ['2026-11-28T00:00:00', 'night', 'midnight: Friday’s window goes on into Saturday'],
    ['2026-11-28T01:59:59', 'night', 'Saturday 01:59'],
    ['2026-11-28T02:00:00', null, 'Saturday 02:00: closed'],
    ['2026-11-29T01:00:00', 'night', 'Sunday 01:00: Saturday’s window'],
    ['2026-11-30T01:00:00', null, 'Monday 01:00: no window opened on Sunday'],
    ['2026-11-27T21:59:59', null, 'Friday, a second before the night window'],
  ])('%s → %s (%s)', (iso, expected) => {
    expect(reelAt(schedule, reels, sh(iso))).toBe(expected);
  });

  test('no schedule means the default reel', () => {
    expect(reelAt(undefined, reels, sh('2026-11-30T08:00:00'))).toBeNull();
    expect(reelAt([], reels, sh('2026-11-30T08:00:00'))).toBeNull();
  });

  test('a malformed window is skipped and the next one still applies', () => {
    const broken = [
      { reel: 'commuter', days: ['monday'], from: '07:00', to: '09:30' },
      { reel: 'missing', days: ['mon'], from: '07:00', to: '09:30' },
      { reel: 'commuter', days: ['mon'], from: '7am', to: '09:30' },
      null,
      'commuter',
      { reel: 'night', days: ['mon'], from: '07:00', to: '08:00' },
    ];
    expect(reelAt(broken, reels, sh('2026-11-30T07:30:00'))).toBe('night');
    expect(reelAt({ reel: 'commuter' }, reels, sh('2026-11-30T07:30:00'))).toBeNull();
  });
});

describe('windowProblem', () => {
  test.each([
    [{ reel: 'commuter', days: ['mon'], from: '07:00', to: '09:30' }, null],
    [{ reel: 'x', days: ['mon'], from: '07:00', to: '09:30' }, /reel: unknown reel "x"/],
    [{ reel: 'commuter', days: [], from: '07:00', to: '09:30' }, /days/],
    [{ reel: 'commuter', days: ['mon'], from: '24:00', to: '09:30' }, /from: must be "HH:MM", got "24:00"/],
    [{ reel: 'commuter', days: ['mon'], from: '07:00', to: '7:30' }, /to: must be "HH:MM"/],
    [{ reel: 'commuter', days: ['mon'], from: '07:00', to: '07:00' }, /must differ/],
  ])('%j → %s', (window, problem) => {
    const got = windowProblem(window, reels);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toMatch(problem);
  });
});

describe('nextNightlyReload', () => {
  test.each([
    ['2026-11-27T03:59:59', '2026-11-27T04:00:00'],
    ['2026-11-27T04:00:00', '2026-11-28T04:00:00'],
    ['2026-11-27T12:00:00', '2026-11-28T04:00:00'],
    ['2026-11-27T23:59:59', '2026-11-28T04:00:00'],
    ['2026-11-28T00:00:00', '2026-11-28T04:00:00'],
  ])('after %s the screen reloads at %s', (now, at) => {
    expect(nextNightlyReload(sh(now))).toBe(sh(at));
  });
});
