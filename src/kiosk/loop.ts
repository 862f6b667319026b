import { positionAt, type Timed } from './reel-position';

/** A clip in a reel: an id to remember failures by, and its length. */
export interface LoopClip extends Timed {
  id: string;
}

/** What the loop remembers between decisions. */
export interface LoopState {
  /** Clip id → the round of the loop in which it failed; it is retried in the next round. */
  failed: Readonly<Record<string, number>>;
  /** While every clip has failed, nothing is tried again before this time. */
  holdUntilMs: number;
  /** Clips that failed in a row since one last played. */
  failStreak: number;
  /** Clips skipped every round until further notice: a file failed its checksum. */
  blocked?: Readonly<Record<string, true>>;
}

export const initialLoop = (): LoopState => ({ failed: {}, holdUntilMs: 0, failStreak: 0 });

/** How long a screen whose every clip failed waits before it tries the reel again. */
export const HOLD_MS = 30_000;

/** What the screen should show at a given time. */
export type Plan =
  | { kind: 'play'; index: number; offsetSeconds: number; round: number; /** When the clip's slot ends. */ endsAtMs: number }
  /**
   * The hotline card until `untilMs`: for the rest of the slot of `skipped`, a clip that failed in
   * this round, or, without `skipped`, for HOLD_MS because every clip failed.
   */
  | { kind: 'hold'; untilMs: number; skipped?: string };

/**
 * What to play at `nowMs`. Every clip keeps its slot on the shared clock, so screens side by side
 * show the same clip whatever failed on one of them. A clip that failed in this round of the loop
 * leaves its slot to the hotline card, and gets another chance next round. When every clip has
 * failed the screen holds on the card instead of trying them all again at once, and tries again
 * after HOLD_MS.
 */
export function planAt(clips: readonly LoopClip[], state: LoopState, nowMs: number): { plan: Plan; state: LoopState } {
  if (nowMs < state.holdUntilMs) return { plan: { kind: 'hold', untilMs: state.holdUntilMs }, state };
  // As many failures in a row as there are clips: the whole reel is failing (no network and no
  // cache, say).
  if (state.failStreak >= clips.length) return hold(state, nowMs);
  const pos = positionAt(clips, nowMs);
  const clip = clips[pos.index]!;
  const endsAtMs = nowMs + Math.round(clip.durationSeconds * 1000 - pos.offsetSeconds * 1000);
  if (state.failed[clip.id] === pos.round || state.blocked?.[clip.id]) return { plan: { kind: 'hold', untilMs: endsAtMs, skipped: clip.id }, state };
  return { plan: { kind: 'play', index: pos.index, offsetSeconds: pos.offsetSeconds, round: pos.round, endsAtMs }, state };
}

function hold(state: LoopState, nowMs: number): { plan: Plan; state: LoopState } {
  const untilMs = nowMs + HOLD_MS;
  return { plan: { kind: 'hold', untilMs }, state: { failed: {}, holdUntilMs: untilMs, failStreak: 0, blocked: state.blocked } };
}

/** Remember that a clip failed in `round`: its slot is left to the hotline card for that round. */
export function markFailed(state: LoopState, clipId: string, round: number): LoopState {
  return { ...state, failed: { ...state.failed, [clipId]: round }, failStreak: state.failStreak + 1 };
}

/** A clip showed its first frame: the run of failures is over. */
export function markPlayed(state: LoopState): LoopState {
  return state.failStreak === 0 ? state : { ...state, failStreak: 0 };
}

/** Skip `clipId` every round while `blocked`, or play it again. */
export function markBlocked(state: LoopState, clipId: string, blocked: boolean): LoopState {
  const next = { ...state.blocked };
  if (blocked) next[clipId] = true;
  else delete next[clipId];
  return { ...state, blocked: next };
}
