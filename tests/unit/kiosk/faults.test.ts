import { describe, expect, test } from 'vitest';
import { startupDecision, stallDecision, watchdogDecision } from '../../../src/kiosk/faults';

describe('fault decisions', () => {
  test.each([[0, 'wait'], [1_999, 'wait'], [2_000, 'skip']])('no frame after %i ms → %s', (ms, action) => {
    expect(startupDecision(ms)).toBe(action);
  });

  test.each([
    [1_999, false, 'wait'],
    [2_000, false, 'nudge'],
    [2_000, true, 'wait'],
    [3_999, true, 'wait'],
    [4_000, true, 'skip'],
  ])('stalled %i ms, nudged %s → %s', (ms, nudged, action) => {
    expect(stallDecision(ms, nudged)).toBe(action);
  });

  test.each([[59_999, 'ok'], [60_000, 'reload']])('nothing advancing for %i ms → %s', (ms, action) => {
    expect(watchdogDecision(ms)).toBe(action);
  });
});
