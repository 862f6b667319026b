/** A clip that shows no playable frame this long after it was asked to play is skipped. */
export const STARTUP_LIMIT_MS = 2_000;
/** Playback time standing still this long counts as a stall. */
export const STALL_LIMIT_MS = 2_000;
/** Nothing on screen advancing for this long reloads the page. */
export const WATCHDOG_LIMIT_MS = 60_000;

/** What to do about a clip that was asked to play `waitedMs` ago and has shown no frame yet. */
export function startupDecision(waitedMs: number): 'wait' | 'skip' {
  return waitedMs >= STARTUP_LIMIT_MS ? 'skip' : 'wait';
}

/**
 * What to do about a clip whose time has stood still for `stalledMs`: first a nudge (seek a little
 * and play again, which unsticks most decoders), then, if it stays stuck as long again, a skip.
 */
export function stallDecision(stalledMs: number, nudged: boolean): 'wait' | 'nudge' | 'skip' {
  if (stalledMs < STALL_LIMIT_MS) return 'wait';
  if (!nudged) return 'nudge';
  return stalledMs >= 2 * STALL_LIMIT_MS ? 'skip' : 'wait';
}

/** Whether the page must reload: nothing advanced on screen for `idleMs`. */
export function watchdogDecision(idleMs: number): 'ok' | 'reload' {
  return idleMs >= WATCHDOG_LIMIT_MS ? 'reload' : 'ok';
}

