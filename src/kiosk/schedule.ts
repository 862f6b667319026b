/** Weekdays as schedules name them, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One window in which a venue plays another reel. */
export interface Window {
  /** The alternative reel's key. */
  reel: string;
  /** Days on which the window opens; a window past midnight belongs to the day it opens. */
  days: readonly string[];
  /** Opening time, "HH:MM", Shanghai time. */
  from: string;
  /** Closing time, "HH:MM"; earlier than `from` means the next day. */
  to: string;
}

/** Shanghai keeps UTC+8 all year (no daylight saving since 1991), so the offset is fixed. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The weekday and minute of the day in Shanghai at `nowMs`. */
export function shanghaiTime(nowMs: number): { day: Weekday; minute: number } {
  const local = nowMs + SHANGHAI_OFFSET_MS;
  const days = Math.floor(local / DAY_MS);
  // 1970-01-01 was a Thursday: index 3 with Monday first.
  const day = WEEKDAYS[(((days + 3) % 7) + 7) % 7]!;
  const minute = Math.floor((local - days * DAY_MS) / 60_000);
  return { day, minute };
}

/** Minutes after midnight for "HH:MM", or null when the text is not a time. */
export function minuteOf(hhmm: unknown): number | null {
  if (typeof hhmm !== 'string') return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Why a window cannot be used, or null when it is well formed and names a known reel. */
export function windowProblem(window: unknown, reels: readonly string[]): string | null {
  if (typeof window !== 'object' || window === null) return 'is not an object';
  const w = window as Partial<Window>;
  if (typeof w.reel !== 'string' || !reels.includes(w.reel)) return `reel: unknown reel ${JSON.stringify(w.reel)}`;
  if (!Array.isArray(w.days) || w.days.length === 0 || w.days.some((d) => !WEEKDAYS.includes(d as Weekday))) {
    return `days: must list weekdays (${WEEKDAYS.join(', ')}), got ${JSON.stringify(w.days)}`;
  }
  const from = minuteOf(w.from);
  const to = minuteOf(w.to);
  if (from === null) return `from: must be "HH:MM", got ${JSON.stringify(w.from)}`;
  if (to === null) return `to: must be "HH:MM", got ${JSON.stringify(w.to)}`;
  if (from === to) return 'to: must differ from from';
  return null;
}

/**
 * The reel a venue plays at `nowMs`: the first schedule window open at that moment in Shanghai,
 * or null for the venue's default reel. A malformed window is ignored, never fatal: the screen
 * keeps playing.
 */
export function reelAt(schedule: unknown, reels: readonly string[], nowMs: number): string | null {
  if (!Array.isArray(schedule)) return null;
  const { day, minute } = shanghaiTime(nowMs);
  const yesterday = WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]!;
  for (const window of schedule) {
    if (windowProblem(window, reels)) continue;
    const w = window as Window;
    const from = minuteOf(w.from)!;
    const to = minuteOf(w.to)!;
    if (from < to) {
      if (w.days.includes(day) && minute >= from && minute < to) return w.reel;
    } else {
      // Across midnight: the evening part today, or the early part of a window opened yesterday.
      if ((w.days.includes(day) && minute >= from) || (w.days.includes(yesterday) && minute < to)) return w.reel;
    }
  }
  return null;
}

/** The next 04:00 in Shanghai strictly after `nowMs`: the screen's planned nightly reload. */
export function nextNightlyReload(nowMs: number, hour = 4): number {
  const local = nowMs + SHANGHAI_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  let at = dayStart + hour * 3600_000;
  if (at <= local) at += DAY_MS;
  return at - SHANGHAI_OFFSET_MS;
}
