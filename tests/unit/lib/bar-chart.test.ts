import { expect, test } from 'vitest';
import { CHART_WIDTH, layoutBars } from '../../../src/lib/bar-chart';

test('scales shares against a full bar of 100', () => {
  const { bars, track } = layoutBars(
    [
      { label: '网络', value: 72.4, display: '72.4%' },
      { label: '短信', value: 5.9, display: '5.9%' },
    ],
    100,
  );
  expect(bars[0]!.width).toBe(Math.round(0.724 * track));
  expect(bars[1]!.width).toBe(Math.round(0.059 * track));
  expect(track).toBeLessThan(CHART_WIDTH);
});

test('without a maximum the largest magnitude fills the track, and the sign sets the direction', () => {
  const { bars, track } = layoutBars([
    { label: '立案数', value: -34.8, display: '下降 34.8%' },
    { label: '抓获数', value: 39.2, display: '上升 39.2%' },
  ]);
  expect(bars.map((b) => b.direction)).toEqual(['down', 'up']);
  expect(bars[1]!.width).toBe(track);
  expect(bars[0]!.width).toBe(Math.round((34.8 / 39.2) * track));
});

test('rows do not overlap and the height covers them all', () => {
  const rows = [1, 2, 3].map((v) => ({ label: String(v), value: v, display: String(v) }));
  const { bars, height } = layoutBars(rows);
  expect(bars[1]!.labelY).toBeGreaterThan(bars[0]!.barY + 22);
  expect(height).toBeGreaterThan(bars[2]!.barY + 22);
});

test.each([
  [[], undefined, /at least one row/],
  [[{ label: 'x', value: Number.NaN, display: '' }], undefined, /no finite value/],
  [[{ label: 'x', value: 0, display: '0' }], undefined, /must be positive/],
])('rejects a bad chart %#', (rows, max, message) => {
  expect(() => layoutBars(rows, max)).toThrow(message);
});
