/**
 * The kiosk's thin DOM driver. Every decision (what plays when, what to skip, when to reload) is
 * made by `tick()`; this file observes the two <video> elements, passes what it saw, and carries
 * out the commands that come back. It owns every timer and listener, and `stop()` removes them.
 */
import { pollAlerts } from './alert-poll';
import { allPortrait, cutFile, PORTRAIT_QUERY } from './cut';
import { screenName, startHeartbeat } from './heartbeat';
import { offlineCache } from './offline';
import type { KioskClip, KioskData } from './payload';
import { appendLog, type LogEntry } from './play-log';
import { retryUrl } from './retry-url';
import { loopClock, reelMs } from './reel-position';
import { initialKiosk, tick, TICK_MS, type Command, type KioskState, type Observation, type VideoIndex, type VideoView } from './tick';
import { cueAt, parseVtt, type Cue } from './vtt';
import { keepAwake } from './wake-lock';
import { KIOSK_SITE_QR, kioskQrPath } from '../lib/routes';

const view = (v: HTMLVideoElement): VideoView => ({
  paused: v.paused,
  ended: v.ended,
  readyState: v.readyState,
  currentTime: v.currentTime,
  duration: v.duration,
  playbackRate: v.playbackRate,
});

/** Starts the loop in `root`. The returned function stops it: every timer, listener and request. */
export function startKiosk(root: HTMLElement, data: KioskData): () => void {
  const params = new URLSearchParams(location.search);
  const lang: 'zh' | 'en' = params.get('lang') === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  const debug = params.get('debug') === '1';

  const videos = [...root.querySelectorAll<HTMLVideoElement>('video')];
  if (videos.length !== 2) throw new Error(`kiosk: two <video> elements are required, found ${videos.length}`);
  // Not HTML attributes, so set here: a screen must not offer picture-in-picture or casting.
  for (const v of videos) {
    v.disablePictureInPicture = true;
    v.disableRemotePlayback = true;
  }
  const captionBox = root.querySelector<HTMLElement>('[data-kiosk="caption"]')!;
  const qr = root.querySelector<HTMLImageElement>('[data-kiosk="qr"]')!;
  const holdCard = root.querySelector<HTMLElement>('[data-kiosk="hold"]')!;
  const logBox = root.querySelector<HTMLOListElement>('[data-kiosk="log"]')!;

  const clips = new Map(data.reels.flatMap((r) => r.clips).map((c) => [c.id, c]));
  const clock = loopClock(location.search, Date.now(), reelMs(data.reels[0]!.clips));
  const abort = new AbortController();
  const cues = new Map<string, Cue[]>();
  let log: LogEntry[] = [];
  // Portrait screens play portrait cuts; a turn takes effect at the next clip (tick's `turned`).
  const portraitScreen = matchMedia(PORTRAIT_QUERY);
  // The page has it from the build; the data the loop plays decides.
  root.dataset.cuts = allPortrait(data.reels) ? 'portrait' : 'landscape';
  let state: KioskState = initialKiosk(data.reels, data.schedule, Date.now(), portraitScreen.matches);
  /** Which clip each element holds, for its captions. */
  const holds: [string | null, string | null] = [null, null];
  let frontVideo: VideoIndex | null = null;
  let lastCaption = '';

  const heartbeat = data.report
    ? startHeartbeat({ ...data.report, venue: data.venue, screen: screenName(location.search), reel: () => root.dataset.reel ?? '' })
    : null;
  const note = (event: LogEntry['event'], detail: string) => {
    const entry = { atMs: Date.now(), event, detail };
    log = appendLog(log, entry);
    heartbeat?.record(entry);
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
    fetch(clip.captions[lang], { signal: abort.signal })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((text) => cues.set(clip.id, parseVtt(text)))
      .catch(() => cues.delete(clip.id));
  };

  const apply = (c: Command) => {
    switch (c.kind) {
      case 'load': {
        const clip = clips.get(c.clip)!;
        const video = videos[c.video]!;
        holds[c.video] = clip.id;
        video.dataset.clip = clip.id;
        video.poster = clip.poster;
        video.src = retryUrl(cutFile(clip, c.portrait === true), failures.get(clip.id) ?? 0);
        video.preload = 'auto';
        // Also at 0: a position set on the element before (for a clip that then failed to load)
        // stays as the start of the next source, which would then start at its end.
        video.currentTime = c.offsetSeconds;
        loadCaptions(clip);
        return;
      }
      case 'unload':
        holds[c.video] = null;
        videos[c.video]!.removeAttribute('src');
        videos[c.video]!.load();
        return;
      case 'play':
        videos[c.video]!.play().catch(() => {
          /* A refused or aborted play() is handled by the startup limit. */
        });
        return;
      case 'nudge':
        videos[c.video]!.currentTime = c.toSeconds;
        videos[c.video]!.play().catch(() => {});
        return;
      case 'seek':
        videos[c.video]!.currentTime = c.toSeconds;
        return;
      case 'rate':
        if (videos[c.video]!.playbackRate !== c.rate) videos[c.video]!.playbackRate = c.rate;
        return;
      case 'swap':
        videos[c.show]!.classList.add('is-front');
        if (c.hide !== null) {
          videos[c.hide]!.classList.remove('is-front');
          videos[c.hide]!.pause();
        }
        frontVideo = c.show;
        return;
      case 'showing':
        qr.src = kioskQrPath(lang, c.clip);
        root.dataset.clip = c.clip;
        root.dataset.reel = c.reel;
        return;
      case 'hold':
        holdCard.hidden = !c.visible;
        // The card is no clip's: its code leads to the site, and the clip's comes back with it.
        qr.src = kioskQrPath(lang, c.visible ? KIOSK_SITE_QR : (root.dataset.clip ?? KIOSK_SITE_QR));
        // No caption of a clip that is not on screen under the card.
        if (c.visible) {
          captionBox.textContent = '';
          lastCaption = '';
        }
        return;
      case 'note':
        return note(c.event, c.detail);
      case 'reload':
        stop();
        location.reload();
        return;
    }
  };

  const observe = (obs: Observation) => {
    const result = tick(state, obs);
    state = result.state;
    for (const command of result.commands) apply(command);
  };
  const now = () => ({ nowMs: Date.now(), loopMs: clock(Date.now()) });
  const seen = () => [view(videos[0]!), view(videos[1]!)] as const;

  /** Clips whose file failed to play, and how often: their next load fetches the file afresh. */
  const failures = new Map<string, number>();
  const onError = (index: VideoIndex) => () => {
    const id = holds[index];
    if (id) failures.set(id, (failures.get(id) ?? 0) + 1);
    observe({ kind: 'error', video: index, ...now() });
  };
  const errorListeners = [onError(0), onError(1)];
  videos.forEach((video, i) => {
    video.muted = true;
    video.addEventListener('error', errorListeners[i]!);
  });
  const onTurn = () => observe({ kind: 'orientation', portrait: portraitScreen.matches, ...now() });
  portraitScreen.addEventListener('change', onTurn);

  // Every animation frame: caption text, and starting the next clip on time.
  let frameId = 0;
  const frame = () => {
    frameId = requestAnimationFrame(frame);
    const clip = frontVideo === null || !holdCard.hidden ? null : holds[frontVideo];
    if (clip) {
      const text = cueAt(cues.get(clip) ?? [], videos[frontVideo!]!.currentTime);
      if (text !== lastCaption) {
        captionBox.textContent = text;
        lastCaption = text;
      }
    }
    observe({ kind: 'frame', videos: seen(), ...now() });
  };
  const ticking = setInterval(() => observe({ kind: 'tick', videos: seen(), ...now() }), TICK_MS);

  const stopAlerts = pollAlerts({
    venue: data.venue,
    publicKey: data.alertKey,
    box: root.querySelector<HTMLElement>('[data-kiosk="alert"]')!,
    onShow: (zh) => note('alert', zh),
    onIgnore: (why) => note('alert', why),
  });
  const stopWake = keepAwake();

  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    cancelAnimationFrame(frameId);
    clearInterval(ticking);
    videos.forEach((video, i) => video.removeEventListener('error', errorListeners[i]!));
    portraitScreen.removeEventListener('change', onTurn);
    stopAlerts();
    stopWake();
    heartbeat?.stop();
    abort.abort();
  }

  note('start', `${data.venue}${params.has('at') ? ` at ${params.get('at')} s` : ''}`);
  const offline = offlineCache({
    media: data.media,
    signal: abort.signal,
    note: (detail) => note('offline', detail),
    onBad: (clip, bad) => stopped || observe({ kind: 'integrity', clip, ok: !bad, ...now() }),
    onReady: (count) => {
      root.dataset.offline = 'ready';
      note('offline', `${count} files cached`);
    },
  });
  const failedOffline = (e: unknown) => note('offline', `not cached: ${e instanceof Error ? e.message : e}`);
  // The cache is checked before the first clip loads, so a corrupted copy never plays.
  offline
    .check()
    .catch(failedOffline)
    .finally(() => {
      if (stopped) return;
      observe({ kind: 'start', ...now() });
      // Ready once the loop has decided what to play, not when the page ran its script: the
      // offline check before it can take a while.
      root.dataset.ready = 'true';
      frameId = requestAnimationFrame(frame);
      offline.fill().catch(failedOffline);
    });
  return stop;
}
