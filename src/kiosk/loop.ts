import { positionAt, type Timed } from './reel-position';

/** A clip in a reel: an id to remember failures by, and its length. */
export interface LoopClip extends Timed {
  id: string;
}

/** What the loop remembers between decisions. */
export interface LoopState {
  /** How far this screen runs ahead of the shared clock, after skipping clips. */
  shiftMs: number;
  /** Clip id → the round of the loop in which it failed; it is retried in the next round. */
  failed: Readonly<Record<string, number>>;
  /** While every clip has failed, nothing is tried again before this time. */
  holdUntilMs: number;
  /** Clips that failed in a row since one last played. */
  failStreak: number;
  /** Clips skipped every round until further notice: a file failed its checksum. */
  blocked?: Readonly<Record<string, true>>;
}

export const initialLoop = (): LoopState => ({ shiftMs: 0, failed: {}, holdUntilMs: 0, failStreak: 0 });

/** How long a screen whose every clip failed waits before it tries the reel again. */
export const HOLD_MS = 30_000;

/** What the screen should show at a given time. */
export type Plan =
  | { kind: 'play'; index: number; offsetSeconds: number; round: number; /** When the clip's slot ends. */ endsAtMs: number }
  | { kind: 'hold'; untilMs: number };

/**
 * What to play at `nowMs`. A clip that failed in this round of the loop is skipped: the loop moves
 * on so the next playable clip starts now, and the failed one gets another chance next round. When
 * every clip has failed the screen holds (shows the hotline card) instead of spinning through the
 * reel, and tries again after HOLD_MS.
 */
export function planAt(clips: readonly LoopClip[], state: LoopState, nowMs: number): { plan: Plan; state: LoopState } {
  if (nowMs < state.holdUntilMs) return { plan: { kind: 'hold', untilMs: state.holdUntilMs }, state };
  // As many failures in a row as there are clips: the whole reel is failing (no network and no
  // cache, say). Skipping on would start the next round and try them all again at once.
  if (state.failStreak >= clips.length) return hold(state, nowMs);
  let shiftMs = state.shiftMs;
  for (let skipped = 0; skipped < clips.length; skipped++) {
    const pos = positionAt(clips, nowMs + shiftMs);
    const clip = clips[pos.index]!;
    const remainingMs = Math.round(clip.durationSeconds * 1000 - pos.offsetSeconds * 1000);
    if (state.failed[clip.id] !== pos.round && !state.blocked?.[clip.id]) {
      return {
        plan: { kind: 'play', index: pos.index, offsetSeconds: pos.offsetSeconds, round: pos.round, endsAtMs: nowMs + remainingMs },
        state: shiftMs === state.shiftMs ? state : { ...state, shiftMs },
      };
    }
    shiftMs += remainingMs;
  }
  return hold(state, nowMs);
}

function hold(state: LoopState, nowMs: number): { plan: Plan; state: LoopState } {
  const untilMs = nowMs + HOLD_MS;
  return { plan: { kind: 'hold', untilMs }, state: { shiftMs: state.shiftMs, failed: {}, holdUntilMs: untilMs, failStreak: 0, blocked: state.blocked } };
}

/** Remember that a clip failed in `round`: it is skipped for the rest of that round. */
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
