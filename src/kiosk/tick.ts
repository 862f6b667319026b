/**
 * Every decision the kiosk screen makes, as one pure function: the driver observes its two
 * <video> elements, passes what it saw with the time, and carries out the commands that come
 * back. No DOM and no clock here, so each boundary is a table test.
 */
import { playsPortrait } from './cut';
import { startupDecision, stallDecision, watchdogDecision } from './faults';
import { initialLoop, markBlocked, markFailed, markPlayed, planAt, type LoopState, type Plan } from './loop';
import type { LogEntry } from './play-log';
import { nextNightlyReload, reelAt } from './schedule';

/** A clip as the decisions need it. */
export interface TickClip {
  id: string;
  /** The landscape video's length: the clip's slot on the clock, whichever cut plays. */
  durationSeconds: number;
  /** Present when the clip has a portrait cut. */
  portrait?: object;
}
export interface TickReel {
  key: string;
  clips: readonly TickClip[];
}

/** The next clip starts this long before the current one ends, so a frame is always moving. */
export const LEAD_MS = 250;
/** How often the driver sends a `tick` observation (stalls, startup limit, watchdog, reload). */
export const TICK_MS = 500;
/**
 * After a swap, the next clip is loaded once the clip just shown has played this long (or half
 * the time left before the next one is due, when that is shorter). Loading decodes the next
 * file's first frames; done at the swap, on a box short of CPU, that work held up the clip that
 * had just started.
 */
export const SETTLE_MS = 1000;

/** The two <video> elements, by position in the page. */
export type VideoIndex = 0 | 1;
type PlayPlan = Plan & { kind: 'play' };

/** One clip loaded in one <video>. `clip` is null once it failed. */
export interface Slot {
  video: VideoIndex;
  clip: string | null;
  reel: string;
  /** Its portrait cut is loaded (else its landscape video). */
  portrait: boolean;
  plan: PlayPlan;
  /** When it was asked to play, and its time then: it is swapped in once its time moves on. */
  asked: { atMs: number; fromSeconds: number } | null;
  /** When to load it, while it is not loaded yet (SETTLE_MS); null once loaded. */
  loadAtMs: number | null;
}

export interface KioskState {
  reels: readonly TickReel[];
  schedule: unknown;
  loop: LoopState;
  /** The playing clip, and the one queued behind it. */
  front: Slot | null;
  back: Slot | null;
  /** The element the next clip is loaded into. */
  spare: VideoIndex;
  /** Every clip failed: the hotline card holds for HOLD_MS. */
  holding: boolean;
  /**
   * Loop time until which the hotline card fills the slots of clips that failed in this round,
   * after the front slot ends; the queued clip starts then. Null when it follows the front one.
   */
  gapUntilMs: number | null;
  /** The hotline card is on screen. */
  card: boolean;
  /** Ticks in a row in which the front clip's time stood still, and whether it was nudged. */
  stalledTicks: number;
  nudged: boolean;
  /** Ticks in a row in which nothing on screen advanced. */
  idleTicks: number;
  /** The front clip's time at the last tick. */
  lastTime: number;
  /** The planned nightly reload. */
  reloadAtMs: number;
  /** The screen is taller than wide: clips queued from now on play their portrait cut. */
  portrait: boolean;
}

/** What the driver saw of one <video>. */
export interface VideoView {
  paused: boolean;
  ended: boolean;
  readyState: number;
  currentTime: number;
  duration: number;
  playbackRate: number;
}

/** Both elements, by index. */
export type Videos = readonly [VideoView, VideoView];

export type Observation =
  /** The page started. */
  | { kind: 'start'; nowMs: number; loopMs: number }
  /** An animation frame: start the next clip on time, swap it in once it moves. */
  | { kind: 'frame'; nowMs: number; loopMs: number; videos: Videos }
  /** Every TICK_MS: startup limit, stalls, drift, watchdog, nightly reload. */
  | { kind: 'tick'; nowMs: number; loopMs: number; videos: Videos }
  /** A <video> fired `error`. */
  | { kind: 'error'; nowMs: number; loopMs: number; video: VideoIndex }
  /** One of a clip's files failed its checksum (`ok: false`), or was fetched again intact. */
  | { kind: 'integrity'; nowMs: number; loopMs: number; clip: string; ok: boolean }
  /** The screen turned: it is now taller than wide (`portrait`), or not. */
  | { kind: 'orientation'; nowMs: number; loopMs: number; portrait: boolean };

export type Command =
  /** Load `clip` into `video`, paused, at `offsetSeconds` (0 means its start); its portrait cut with `portrait`. */
  | { kind: 'load'; video: VideoIndex; clip: string; offsetSeconds: number; portrait?: true }
  /** Empty `video`: drop its source so it stops loading. */
  | { kind: 'unload'; video: VideoIndex }
  | { kind: 'play'; video: VideoIndex }
  /** Seek a little and play again: unsticks most decoders. */
  | { kind: 'nudge'; video: VideoIndex; toSeconds: number }
  | { kind: 'seek'; video: VideoIndex; toSeconds: number }
  | { kind: 'rate'; video: VideoIndex; rate: number }
  /** Put `video` on top; `hide` goes under and pauses. */
  | { kind: 'swap'; show: VideoIndex; hide: VideoIndex | null }
  /** The clip on screen changed: its QR code and the page's data follow. */
  | { kind: 'showing'; clip: string; reel: string; offsetSeconds: number }
  | { kind: 'hold'; visible: boolean }
  | { kind: 'note'; event: LogEntry['event']; detail: string }
  | { kind: 'reload'; why: string };

export interface TickResult {
  state: KioskState;
  commands: Command[];
}

/** The state before the first observation, on a screen taller than wide (`portrait`) or not. */
export function initialKiosk(reels: readonly TickReel[], schedule: unknown, nowMs: number, portrait = false): KioskState {
  if (reels.length === 0 || reels.some((r) => r.clips.length === 0)) throw new RangeError('kiosk: every reel needs a clip');
  return {
    reels,
    schedule,
    loop: initialLoop(),
    front: null,
    back: null,
    spare: 1,
    holding: false,
    gapUntilMs: null,
    card: false,
    stalledTicks: 0,
    nudged: false,
    idleTicks: 0,
    lastTime: -1,
    reloadAtMs: nextNightlyReload(nowMs),
    portrait,
  };
}

/** Mutable scratch for one call: a copy of the state and the commands so far. */
interface Step {
  s: KioskState;
  out: Command[];
  nowMs: number;
  loopMs: number;
}

export function tick(state: KioskState, obs: Observation): TickResult {
  const step: Step = { s: { ...state }, out: [], nowMs: obs.nowMs, loopMs: obs.loopMs };
  switch (obs.kind) {
    case 'start':
      queueNext(step);
      break;
    case 'error':
      if (step.s.back?.video === obs.video) skipBack(step, 'error');
      else if (step.s.front?.video === obs.video) skipFront(step, 'error');
      break;
    case 'integrity':
      step.s.loop = markBlocked(step.s.loop, obs.clip, !obs.ok);
      if (obs.ok) break;
      if (step.s.back?.clip === obs.clip) skipBack(step, 'checksum mismatch');
      else if (step.s.front?.clip === obs.clip) skipFront(step, 'checksum mismatch');
      break;
    case 'frame':
      onFrame(step, obs.videos);
      break;
    case 'tick':
      onTick(step, obs.videos);
      break;
    case 'orientation':
      turned(step, obs.portrait);
      break;
  }
  showCard(step, obs.kind === 'frame' || obs.kind === 'tick' ? obs.videos : null);
  return { state: step.s, commands: step.out };
}

const clipsOf = (s: KioskState, reel: string) => (s.reels.find((r) => r.key === reel) ?? s.reels[0]!).clips;

/** What should come next, decided for loop time `atLoopMs`, at wall time `wallMs`. */
function decide(step: Step, atLoopMs: number, wallMs: number): { plan: Plan; reel: string } {
  const keys = step.s.reels.map((r) => r.key);
  const reel = reelAt(step.s.schedule, keys, wallMs) ?? keys[0]!;
  const result = planAt(clipsOf(step.s, reel), step.s.loop, atLoopMs);
  step.s.loop = result.state;
  return { plan: result.plan, reel };
}

/**
 * Queue the clip after the front one (or the first clip) in the spare element, at its slot on the
 * clock: the slots of failed clips before it go to the hotline card (`gapUntilMs`).
 */
function queueNext(step: Step, settle = false): void {
  const { s, loopMs, nowMs } = step;
  let at = Math.max(s.front ? s.front.plan.endsAtMs : loopMs, loopMs);
  s.gapUntilMs = null;
  // One pass over the longest reel: past that every slot failed, and a tick queues again later.
  const most = Math.max(...s.reels.map((r) => r.clips.length));
  for (let i = 0; i <= most; i++) {
    const { plan, reel } = decide(step, at, nowMs + (at - loopMs));
    if (plan.kind === 'hold' && plan.skipped !== undefined) {
      s.gapUntilMs = at = plan.untilMs;
      continue;
    }
    if (plan.kind === 'hold') {
      if (!s.holding) step.out.push({ kind: 'note', event: 'hold', detail: `every clip failed; trying again at ${new Date(plan.untilMs).toISOString()}` });
      s.holding = true;
      s.gapUntilMs = null;
      return;
    }
    if (s.front && reel !== s.front.reel) step.out.push({ kind: 'note', event: 'reel', detail: `switching to the ${reel} reel` });
    const clip = clipsOf(s, reel)[plan.index]!;
    // Just after a swap the load waits while the new clip settles, and is done well before the
    // queued clip is due.
    const wait = settle ? Math.min(SETTLE_MS, (at - LEAD_MS - loopMs) / 2) : 0;
    s.back = { video: s.spare, clip: clip.id, reel, portrait: playsPortrait(clip, s.portrait), plan, asked: null, loadAtMs: wait > 0 ? nowMs + wait : null };
    if (s.back.loadAtMs === null) step.out.push(load(s.back));
    return;
  }
}

/** The command that loads `slot`'s clip, in its cut, at its place in the slot. */
function load(slot: Slot): Command {
  const offsetSeconds = slot.plan.offsetSeconds > 0.5 ? slot.plan.offsetSeconds : 0;
  return { kind: 'load', video: slot.video, clip: slot.clip!, offsetSeconds, ...(slot.portrait && { portrait: true as const }) };
}

/**
 * The screen turned. The clip on screen plays on in its cut, never cut off; the queued one is
 * loaded again in the other cut unless it was already asked to play, so the change shows from
 * the next clip on (or, when that one had started, the one after).
 */
function turned(step: Step, portrait: boolean): void {
  const { s } = step;
  if (portrait === s.portrait) return;
  s.portrait = portrait;
  step.out.push({ kind: 'note', event: 'turn', detail: portrait ? 'taller than wide: portrait cuts' : 'wider than tall: landscape cuts' });
  const back = s.back;
  if (!back?.clip || back.asked) return;
  const clip = clipsOf(s, back.reel).find((c) => c.id === back.clip)!;
  const wanted = playsPortrait(clip, portrait);
  if (wanted === back.portrait) return;
  s.back = { ...back, portrait: wanted };
  // Not loaded yet: it will be, in the new cut.
  if (back.loadAtMs === null) step.out.push(load(s.back));
}

/**
 * The hotline card covers the stage while every clip failed, while the front clip's slot runs on
 * after it failed, and in the slots of failed clips before the queued one: never an empty video,
 * and the next clip still starts at its own slot.
 */
function showCard(step: Step, videos: Videos | null): void {
  const { s, loopMs } = step;
  const front = s.front;
  const frontOver = !!front && (loopMs >= front.plan.endsAtMs || (!!videos && videos[front.video].ended));
  const card = s.holding || (!!front && !front.clip) || (s.gapUntilMs !== null && (!front || frontOver));
  if (card === s.card) return;
  s.card = card;
  step.out.push({ kind: 'hold', visible: card });
}

/** Mark `slot`'s clip failed for this round and empty its element. */
function failed(step: Step, slot: Slot, why: string): Slot {
  if (!slot.clip) return slot;
  step.s.loop = markFailed(step.s.loop, slot.clip, slot.plan.round);
  step.out.push({ kind: 'note', event: 'skip', detail: `${slot.clip}: ${why}` }, { kind: 'unload', video: slot.video });
  return { ...slot, clip: null };
}

/** The queued clip failed: drop it and queue the one after. */
function skipBack(step: Step, why: string): void {
  failed(step, step.s.back!, why);
  step.s.back = null;
  queueNext(step);
}

/** The playing clip failed: the hotline card fills the rest of its slot, and the next clip starts at its own. */
function skipFront(step: Step, why: string): void {
  step.s.front = failed(step, step.s.front!, why);
  if (!step.s.back) queueNext(step);
}

function onFrame(step: Step, videos: Videos): void {
  const { s } = step;
  const back = s.back;
  if (!back) return;
  if (back.loadAtMs !== null) {
    if (step.nowMs < back.loadAtMs && !due(step, videos)) return;
    s.back = { ...back, loadAtMs: null };
    step.out.push(load(s.back));
    // Asked to play from the next frame on, once the element reports the new file's time.
    return;
  }
  if (back.asked === null) {
    // Asked to play even when not ready yet: the startup limit then decides.
    if (due(step, videos)) {
      s.back = { ...back, asked: { atMs: step.nowMs, fromSeconds: videos[back.video].currentTime } };
      step.out.push({ kind: 'play', video: back.video });
    }
    return;
  }
  const b = videos[back.video];
  // Swap only once the new clip's time is moving, so the top video never stands still.
  if (!b.paused && b.readyState >= 2 && b.currentTime > back.asked.fromSeconds + 0.02) promote(step, back, b.currentTime);
}

/**
 * Whether the queued clip should start now: by the clock, or by the clip on screen when it runs
 * ahead of the clock (a short clip after a transition); either way the next one starts while this
 * one still moves. After failed slots, or the failed rest of the front one, the card shows until
 * the clock reaches the queued clip's slot.
 */
function due(step: Step, videos: Videos): boolean {
  const { s, loopMs } = step;
  const front = s.front;
  const v = front ? videos[front.video] : null;
  // In real time: a clip slowed to keep in step ends later than its media time says.
  const left = v && Number.isFinite(v.duration) ? ((v.duration - v.currentTime) / (v.playbackRate || 1)) * 1000 : Infinity;
  return s.gapUntilMs !== null
    ? loopMs >= s.gapUntilMs - LEAD_MS
    : !front || loopMs >= front.plan.endsAtMs - LEAD_MS || (!!front.clip && (v!.ended || left <= LEAD_MS));
}

/** Bring the back slot to the front once its time is moving. */
function promote(step: Step, slot: Slot, currentTime: number): void {
  const { s } = step;
  const old = s.front;
  step.out.push({ kind: 'swap', show: slot.video, hide: old ? old.video : null });
  s.spare = old ? old.video : slot.video === 0 ? 1 : 0;
  // Refresh the slot's timing from the clock: after a skip the clip started early, and its slot
  // now begins here.
  let plan = slot.plan;
  const fresh = decide(step, step.loopMs + LEAD_MS, step.nowMs);
  if (fresh.plan.kind === 'play' && clipsOf(s, fresh.reel)[fresh.plan.index]?.id === slot.clip) plan = fresh.plan;
  s.loop = markPlayed(s.loop);
  s.front = { ...slot, plan };
  s.back = null;
  s.gapUntilMs = null;
  s.holding = false;
  s.stalledTicks = 0;
  s.nudged = false;
  step.out.push(
    { kind: 'showing', clip: slot.clip!, reel: slot.reel, offsetSeconds: plan.offsetSeconds },
    { kind: 'note', event: 'play', detail: `${slot.clip} from ${plan.offsetSeconds.toFixed(1)} s (${slot.reel}${slot.portrait ? ', portrait' : ''})` },
  );
  // It started LEAD_MS early: set its pace now, not at the next tick, or a clip shorter than a
  // few ticks ends early and the one after starts earlier still.
  keepInStep(step, s.front, currentTime);
  queueNext(step, true);
}

function onTick(step: Step, videos: Videos): void {
  const { s, nowMs } = step;
  if (nowMs >= s.reloadAtMs) return void step.out.push({ kind: 'note', event: 'reload', detail: 'nightly reload at 04:00' }, { kind: 'reload', why: 'nightly reload at 04:00' });
  if (s.back?.asked && startupDecision(nowMs - s.back.asked.atMs) === 'skip') skipBack(step, 'no frame within 2 s');
  if (clockWentBack(step)) replan(step);
  // Nothing queued: while every clip failed, or when the card filled every slot there was to look at.
  if (!s.back && (s.holding || (s.gapUntilMs !== null && step.loopMs >= s.gapUntilMs))) queueNext(step);
  const front = s.front;
  const v = front ? videos[front.video] : null;
  const advancing = !!v && !v.paused && v.currentTime !== s.lastTime;
  s.lastTime = v?.currentTime ?? -1;
  let time = v?.currentTime ?? 0;
  if (v && front?.clip && !v.ended && !advancing) {
    s.stalledTicks++;
    const action = stallDecision(s.stalledTicks * TICK_MS, s.nudged);
    if (action === 'nudge') {
      s.nudged = true;
      time += 0.1;
      step.out.push({ kind: 'note', event: 'nudge', detail: front.clip ?? '' }, { kind: 'nudge', video: front.video, toSeconds: time });
    } else if (action === 'skip' && front.clip) {
      skipFront(step, 'stalled');
    }
  } else {
    s.stalledTicks = 0;
  }
  const now = s.front;
  if (v && now?.clip && !v.paused && !v.ended) keepInStep(step, now, time);
  s.idleTicks = advancing ? 0 : s.idleTicks + 1;
  if (watchdogDecision(s.idleTicks * TICK_MS) === 'reload') {
    step.out.push({ kind: 'note', event: 'reload', detail: 'nothing advanced for 60 s' }, { kind: 'reload', why: 'nothing advanced for 60 s' });
  }
}

/**
 * While the card is up, the clock alone says when the next clip starts, so a clock set back (say
 * an hour) would keep the card up until the clock caught up: the card's end or the failed front
 * slot's end lies further ahead than a whole reel can.
 */
function clockWentBack(step: Step): boolean {
  const { s, loopMs } = step;
  const horizon = Math.max(...s.reels.map((r) => r.clips.reduce((sum, c) => sum + c.durationSeconds * 1000, 0))) + 1000;
  if (s.back?.asked) return false;
  return (s.gapUntilMs !== null && s.gapUntilMs - loopMs > horizon) || (!!s.front && !s.front.clip && s.front.plan.endsAtMs - loopMs > horizon);
}

/** Plan again from the clock's new time: the front slot ends now, and the queued clip is dropped. */
function replan(step: Step): void {
  const { s, loopMs } = step;
  step.out.push({ kind: 'note', event: 'hold', detail: 'the clock went back; planning from the new time' });
  if (s.back) step.out.push({ kind: 'unload', video: s.back.video });
  s.back = null;
  if (s.front) s.front = { ...s.front, plan: { ...s.front.plan, endsAtMs: loopMs } };
  queueNext(step);
}

/**
 * Keep the front clip in step with the shared clock. Each transition starts the next clip a
 * little early so a frame is always moving; playing 2 % slower or faster for a few seconds wins
 * that back, invisibly for text on screen, and screens side by side stay together.
 */
function keepInStep(step: Step, slot: Slot, currentTime: number): void {
  const duration = clipsOf(step.s, slot.reel).find((c) => c.id === slot.clip)!.durationSeconds;
  const slotStartMs = slot.plan.endsAtMs - duration * 1000;
  const expected = (step.loopMs - slotStartMs) / 1000;
  const ahead = currentTime - expected;
  if (Math.abs(ahead) > 3 && expected > 0 && expected < duration - 1) step.out.push({ kind: 'seek', video: slot.video, toSeconds: expected });
  else step.out.push({ kind: 'rate', video: slot.video, rate: catchUpRate(ahead, duration - currentTime) });
}

/**
 * The rate for a clip `ahead` seconds of the clock with `left` seconds of it still to play: 2 %
 * off when that is back in step before its slot ends, otherwise, for up to a second off, the rate
 * that ends it with its slot (within half and twice speed). A short clip that ran ahead would
 * otherwise end early, the next would start early by as much again, and the screen would drift
 * further at each transition. More than a second off is a clock jump or a seek, not drift.
 */
function catchUpRate(ahead: number, left: number): number {
  if (Math.abs(ahead) <= 0.05) return 1;
  if (Math.abs(ahead) > 1) return ahead > 0 ? 0.98 : 1.02;
  const slotLeft = left + ahead;
  const onTime = slotLeft > 0 ? Math.min(2, Math.max(0.5, left / slotLeft)) : 2;
  return ahead > 0 ? Math.min(0.98, Math.round(onTime * 100) / 100) : Math.max(1.02, Math.round(onTime * 100) / 100);
}
