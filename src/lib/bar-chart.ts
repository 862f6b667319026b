/** Geometry of a horizontal bar chart drawn at build time as SVG: labels above bars, values after them. */

export interface BarInput {
  label: string;
  /** Drawn as |value|; the sign picks the colour (a fall or a rise). */
  value: number;
  /** The figure as written next to the bar. */
  display: string;
}
export interface Bar extends BarInput {
  labelY: number;
  barY: number;
  width: number;
  valueX: number;
  direction: 'up' | 'down';
}

export const CHART_WIDTH = 400;
const VALUE_ROOM = 110;
const ROW = 58;
const LABEL_BASELINE = 18;
const BAR_TOP = 26;
export const BAR_HEIGHT = 22;

/**
 * Lays out one bar per row. `max` is the value of a full-width bar (100 for shares);
 * without it the largest |value| fills the width.
 */
export function layoutBars(rows: readonly BarInput[], max?: number): { bars: Bar[]; height: number; track: number } {
  if (rows.length === 0) throw new RangeError('a bar chart needs at least one row');
  for (const r of rows) {
    if (!Number.isFinite(r.value)) throw new RangeError(`bar "${r.label}" has no finite value: ${r.value}`);
  }
  const scaleMax = max ?? Math.max(...rows.map((r) => Math.abs(r.value)));
  if (!(scaleMax > 0)) throw new RangeError(`bar chart scale must be positive, got ${scaleMax}`);
  const track = CHART_WIDTH - VALUE_ROOM;
  const bars = rows.map((r, i) => {
    const width = Math.max(2, Math.round((Math.min(Math.abs(r.value), scaleMax) / scaleMax) * track));
    return {
      ...r,
      labelY: i * ROW + LABEL_BASELINE,
      barY: i * ROW + BAR_TOP,
      width,
      valueX: width + 8,
      direction: r.value < 0 ? ('down' as const) : ('up' as const),
    };
  });
  return { bars, height: rows.length * ROW, track };
}
