/** A clip as the loop needs it: how long it lasts. */
export interface Timed {
  durationSeconds: number;
}

/** Where a loop stands: which clip, how far into it, and which round of the loop since the epoch. */
export interface Position {
  index: number;
  offsetSeconds: number;
  /** Whole loops completed since 1970, so a failure can be tied to one pass of the reel. */
  round: number;
}

/** Total length of a reel in milliseconds. */
export function reelMs(clips: readonly Timed[]): number {
  return Math.round(clips.reduce((sum, c) => sum + c.durationSeconds, 0) * 1000);
}

/**
 * Where the loop stands at `nowMs` (milliseconds since 1970). Every screen of a venue computes the
 * same answer from its clock, so screens side by side show the same clip and a reload resumes
 * where the loop is.
 */
export function positionAt(clips: readonly Timed[], nowMs: number): Position {
  const total = reelMs(clips);
  if (!(total > 0)) throw new RangeError('reel has no playable time');
  if (!Number.isFinite(nowMs)) throw new RangeError(`time must be a finite number, got ${nowMs}`);
  const round = Math.floor(nowMs / total);
  let t = nowMs - round * total;
  for (const [index, clip] of clips.entries()) {
    const length = Math.round(clip.durationSeconds * 1000);
    if (t < length) return { index, offsetSeconds: t / 1000, round };
    t -= length;
  }
  return { index: 0, offsetSeconds: 0, round: round + 1 };
}

/**
 * The clock time the loop uses, given the page's URL. `?at=<seconds>` pins the loop position at
 * page load (for installers and tests); otherwise the wall clock rules.
 */
export function loopClock(search: string, loadedAtMs: number, reelLengthMs: number): (nowMs: number) => number {
  const at = new URLSearchParams(search).get('at');
  if (at === null || at.trim() === '' || !Number.isFinite(Number(at)) || Number(at) < 0) return (now) => now;
  // Same round as the wall clock, so schedules and retries still see real time.
  const base = loadedAtMs - (loadedAtMs % reelLengthMs) + Number(at) * 1000;
  return (now) => base + (now - loadedAtMs);
}
