/**
 * The kiosk's thin DOM driver. Every decision (what plays when, what to skip, when to reload,
 * which alert shows) is made by the pure functions beside it; this file turns video events into
 * their inputs and carries out what they return. It owns every timer and listener.
 */
import { activeAlert } from './alert';
import { startupDecision, stallDecision, watchdogDecision } from './faults';
import { initialLoop, markFailed, markPlayed, planAt, type LoopState, type Plan } from './loop';
import { appendLog, type LogEntry } from './play-log';
import { loopClock, reelMs } from './reel-position';
import { nextNightlyReload, reelAt } from './schedule';
import { cueAt, parseVtt, type Cue } from './vtt';

export interface KioskClip {
  id: string;
  src: string;
  captions: { zh: string; en: string };
  poster: string;
  durationSeconds: number;
}
export interface KioskData {
  venue: string;
  reels: { key: string; clips: KioskClip[] }[];
  schedule: unknown;
  /** Every file the screen needs offline, beyond what the service worker precaches. */
  media: string[];
}

/** The next clip starts this long before the current one ends, so a frame is always moving. */
const LEAD_MS = 250;
/** How often the driver checks progress, stalls, alerts and the nightly reload. */
const TICK_MS = 500;
const ALERT_POLL_MS = 30_000;
const MEDIA_CACHE = 'kiosk-media';

type Slot = { video: HTMLVideoElement; clip: KioskClip | null; plan: Plan & { kind: 'play' }; reel: string };

export function startKiosk(root: HTMLElement, data: KioskData): void {
  const params = new URLSearchParams(location.search);
  const lang: 'zh' | 'en' = params.get('lang') === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  const debug = params.get('debug') === '1';

  const [first, second] = [...root.querySelectorAll<HTMLVideoElement>('video')];
  if (!first || !second) throw new Error('kiosk: two <video> elements are required');
  const captionBox = root.querySelector<HTMLElement>('[data-kiosk="caption"]')!;
  const qr = root.querySelector<HTMLImageElement>('[data-kiosk="qr"]')!;
  const alertBox = root.querySelector<HTMLElement>('[data-kiosk="alert"]')!;
  const holdCard = root.querySelector<HTMLElement>('[data-kiosk="hold"]')!;
  const logBox = root.querySelector<HTMLOListElement>('[data-kiosk="log"]')!;

  const keys = data.reels.map((r) => r.key);
  const reelOf = (key: string) => (data.reels.find((r) => r.key === key) ?? data.reels[0]!).clips;
  const clock = loopClock(location.search, Date.now(), reelMs(data.reels[0]!.clips));
  const scheduledReel = (wallMs: number) => reelAt(data.schedule, keys, wallMs) ?? keys[0]!;

  let state: LoopState = initialLoop();
  let log: LogEntry[] = [];
  let front: Slot | null = null;
  let back: Slot | null = null;
  let spare = second;
  let alertFile: unknown = null;
  const cues = new Map<string, Cue[]>();
  const reloadAt = nextNightlyReload(Date.now());

  const note = (event: LogEntry['event'], detail: string) => {
    log = appendLog(log, { atMs: Date.now(), event, detail });
    root.dataset.lastEvent = `${event} ${detail}`;
    if (!debug) return;
    const li = document.createElement('li');
    li.textContent = `${new Date().toISOString().slice(11, 19)} ${event} ${detail}`;
    logBox.append(li);
    while (logBox.children.length > log.length) logBox.firstElementChild?.remove();
  };

  const loadCaptions = (clip: KioskClip) => {
    if (cues.has(clip.id)) return;
    cues.set(clip.id, []);
    fetch(clip.captions[lang])
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((text) => cues.set(clip.id, parseVtt(text)))
      .catch(() => cues.delete(clip.id));
  };

  /** Put `plan`'s clip into the spare element, paused at its start, ready to run. */
  const prepare = (plan: Plan & { kind: 'play' }, reel: string): Slot => {
    const clip = reelOf(reel)[plan.index]!;
    const video = spare;
    const slot: Slot = { video, clip, plan, reel };
    video.dataset.clip = clip.id;
    video.poster = clip.poster;
    video.src = clip.src;
    video.preload = 'auto';
    if (plan.offsetSeconds > 0.5) video.currentTime = plan.offsetSeconds;
    loadCaptions(clip);
    return slot;
  };

  const failed = (slot: Slot, why: string) => {
    if (!slot.clip) return;
    state = markFailed(state, slot.clip.id, slot.plan.round);
    note('skip', `${slot.clip.id}: ${why}`);
    slot.clip = null;
    slot.video.removeAttribute('src');
    slot.video.load();
  };

  /** The queued clip failed: drop it and queue the one after. */
  const skipBack = (why: string) => {
    failed(back!, why);
    back = null;
    queueNext(clock(Date.now()));
  };

  /** The playing clip failed: its slot ends now, and the queued clip (or the next) takes over. */
  const skipFront = (why: string) => {
    failed(front!, why);
    front!.plan = { ...front!.plan, endsAtMs: clock(Date.now()) };
    if (!back) queueNext(clock(Date.now()));
  };

  /** What should come next, decided for the moment the current slot ends (or now). */
  const decide = (atLoopMs: number, wallMs: number): { plan: Plan; reel: string } => {
    const reel = scheduledReel(wallMs);
    const result = planAt(reelOf(reel), state, atLoopMs);
    state = result.state;
    return { plan: result.plan, reel };
  };

  const hold = (untilMs: number) => {
    if (holdCard.hidden) note('hold', `every clip failed; trying again at ${new Date(untilMs).toISOString()}`);
    holdCard.hidden = false;
  };

  /** Queue the clip after the front one (or the first clip) in the spare element. */
  const queueNext = (nowLoopMs: number) => {
    const at = front ? front.plan.endsAtMs : nowLoopMs;
    const { plan, reel } = decide(Math.max(at, nowLoopMs), Date.now() + Math.max(0, at - nowLoopMs));
    if (plan.kind === 'hold') return hold(plan.untilMs);
    if (front && reel !== front.reel) note('reel', `switching to the ${reel} reel`);
    back = prepare(plan, reel);
    backAskedAt = null;
  };

  let backAskedAt: number | null = null;

  /** Bring the back slot to the front once its time is moving. */
  const promote = (slot: Slot) => {
    if (back !== slot) return;
    const old = front;
    slot.video.classList.add('is-front');
    if (old) {
      old.video.classList.remove('is-front');
      old.video.pause();
      spare = old.video;
    } else {
      spare = slot.video === first ? second : first;
    }
    // Refresh the slot's timing from the clock: after a skip the clip started early, and its
    // slot now begins here.
    const fresh = decide(clock(Date.now()) + LEAD_MS, Date.now());
    if (fresh.plan.kind === 'play' && reelOf(fresh.reel)[fresh.plan.index]?.id === slot.clip!.id) slot.plan = fresh.plan;
    state = markPlayed(state);
    front = slot;
    back = null;
    backAskedAt = null;
    holdCard.hidden = true;
    stalledTicks = 0;
    nudged = false;
    qr.src = `/kiosk/qr/${lang}/${slot.clip!.id}.svg`;
    root.dataset.clip = slot.clip!.id;
    root.dataset.reel = slot.reel;
    note('play', `${slot.clip!.id} from ${slot.plan.offsetSeconds.toFixed(1)} s (${slot.reel})`);
    queueNext(clock(Date.now()));
  };

  /** Where the back clip stood when it was asked to play: it is swapped in once it moves on. */
  let backStartTime = 0;
  const start = (slot: Slot) => {
    backAskedAt = Date.now();
    backStartTime = slot.video.currentTime;
    slot.video.play().catch(() => {
      /* A refused or aborted play() is handled by the startup limit. */
    });
  };

  for (const video of [first, second]) {
    video.muted = true;
    video.addEventListener('error', () => {
      if (back?.video === video) skipBack('error');
      else if (front?.video === video) skipFront('error');
    });
  }

  // Every animation frame: caption text, and starting the next clip on time.
  let lastCaption = '';
  const frame = () => {
    requestAnimationFrame(frame);
    const nowLoop = clock(Date.now());
    if (front?.clip) {
      const text = cueAt(cues.get(front.clip.id) ?? [], front.video.currentTime);
      if (text !== lastCaption) {
        captionBox.textContent = text;
        lastCaption = text;
      }
    }
    if (back && backAskedAt === null) {
      const v = front?.video;
      // By the clock, or by the clip itself when it runs ahead of the clock (a short clip after a
      // transition): either way the next one starts while this one still moves.
      const left = v && Number.isFinite(v.duration) ? (v.duration - v.currentTime) * 1000 : Infinity;
      const due = !front?.clip || v!.ended || nowLoop >= front.plan.endsAtMs - LEAD_MS || left <= LEAD_MS;
      // Asked to play even when not ready yet: the startup limit then decides.
      if (due) start(back);
    } else if (back && !back.video.paused && back.video.readyState >= 2 && back.video.currentTime > backStartTime + 0.02) {
      // Swap only once the new clip's time is moving, so the top video never stands still.
      promote(back);
    }
  };

  // Every tick: stalls, startup limit, watchdog, alerts, nightly reload.
  let stalledTicks = 0;
  let idleTicks = 0;
  let nudged = false;
  let lastTime = -1;
  const tick = () => {
    const now = Date.now();
    if (now >= reloadAt) return reload('nightly reload at 04:00');
    if (back && backAskedAt !== null && startupDecision(now - backAskedAt) === 'skip') skipBack('no frame within 2 s');
    if (!holdCard.hidden && !back) queueNext(clock(now));
    const v = front?.video;
    const advancing = !!v && !v.paused && v.currentTime !== lastTime;
    lastTime = v?.currentTime ?? -1;
    if (v && front && !v.ended && !advancing) {
      stalledTicks++;
      const action = stallDecision(stalledTicks * TICK_MS, nudged);
      if (action === 'nudge') {
        nudged = true;
        note('nudge', front.clip?.id ?? '');
        v.currentTime = v.currentTime + 0.1;
        v.play().catch(() => {});
      } else if (action === 'skip' && front.clip) {
        skipFront('stalled');
      }
    } else {
      stalledTicks = 0;
    }
    if (v && front?.clip && !v.paused && !v.ended) keepInStep(v, front, now);
    idleTicks = advancing ? 0 : idleTicks + 1;
    if (watchdogDecision(idleTicks * TICK_MS) === 'reload') return reload('nothing advanced for 60 s');
    showAlert();
  };

  /**
   * Keep the front clip in step with the shared clock. Each transition starts the next clip a
   * little early so a frame is always moving; playing 2 % slower or faster for a few seconds wins
   * that back, invisibly for text on screen, and screens side by side stay together.
   */
  const keepInStep = (v: HTMLVideoElement, slot: Slot, now: number) => {
    const slotStartMs = slot.plan.endsAtMs - slot.clip!.durationSeconds * 1000;
    const expected = (clock(now) - slotStartMs) / 1000;
    const ahead = v.currentTime - expected;
    if (Math.abs(ahead) > 3 && expected > 0 && expected < slot.clip!.durationSeconds - 1) v.currentTime = expected;
    else v.playbackRate = ahead > 0.05 ? 0.98 : ahead < -0.05 ? 1.02 : 1;
  };

  const reload = (why: string) => {
    note('reload', why);
    location.reload();
  };

  const showAlert = () => {
    const alert = activeAlert(alertFile, data.venue, Date.now());
    const text = alert ? `${alert.message.zh}\n${alert.message.en}` : '';
    if (alertBox.dataset.text === text) return;
    alertBox.dataset.text = text;
    alertBox.hidden = !alert;
    if (alert) {
      alertBox.querySelector('[data-kiosk="alert-zh"]')!.textContent = alert.message.zh;
      alertBox.querySelector('[data-kiosk="alert-en"]')!.textContent = alert.message.en;
      note('alert', alert.message.zh);
    }
  };

  const pollAlert = () => {
    fetch('/kiosk/alert.json', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((file) => (alertFile = file))
      .catch(() => (alertFile = null))
      .finally(showAlert);
  };

  // Screens stay awake: ask for a wake lock, and again whenever it is released or the page returns.
  const wake = () => {
    const nav = navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<EventTarget> } };
    if (document.visibilityState !== 'visible' || !nav.wakeLock) return;
    nav.wakeLock
      .request('screen')
      .then((lock) => lock.addEventListener('release', wake, { once: true }))
      .catch(() => {});
  };
  document.addEventListener('visibilitychange', wake);

  // After the first visit the whole reel is in the cache, so a reload with no network still plays.
  const cacheForOffline = async () => {
    if (!('serviceWorker' in navigator) || !('caches' in window)) return;
    await navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk/' });
    await navigator.serviceWorker.ready;
    const cache = await caches.open(MEDIA_CACHE);
    for (const url of data.media) {
      if (!(await cache.match(url))) await cache.add(url).catch(() => {});
    }
    await navigator.storage?.persist?.().catch(() => false);
    root.dataset.offline = 'ready';
    note('offline', `${data.media.length} files cached`);
  };

  note('start', `${data.venue}${params.has('at') ? ` at ${params.get('at')} s` : ''}`);
  root.dataset.ready = 'true';
  queueNext(clock(Date.now()));
  requestAnimationFrame(frame);
  setInterval(tick, TICK_MS);
  setInterval(pollAlert, ALERT_POLL_MS);
  pollAlert();
  wake();
  cacheForOffline().catch((e) => note('offline', `not cached: ${e instanceof Error ? e.message : e}`));
}
