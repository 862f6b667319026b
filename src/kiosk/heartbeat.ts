/**
 * Heartbeat and proof of play, only when the build names a receiver (KIOSK_REPORT_URL): every
 * 5 minutes the screen posts what it played and skipped since the last beat. Beats wait in local
 * storage while the network is gone (at most a day's worth) and go, oldest first, when it returns.
 * No personal data: the venue, the screen's name from ?screen=, the build, clip ids and times.
 */
import type { LogEntry } from './play-log';

export const BEAT_MS = 5 * 60_000;
/** A day of beats. */
const MAX_QUEUED = (24 * 60 * 60_000) / BEAT_MS;
const QUEUE_KEY = 'fz-kiosk-beats';

export interface HeartbeatOptions {
  url: string;
  venue: string;
  screen: string;
  build: string;
  /** The reel on screen now. */
  reel(): string;
}

export function startHeartbeat({ url, venue, screen, build, reel }: HeartbeatOptions) {
  const startedAt = Date.now();
  let played: { clip: string; at: string }[] = [];
  let skipped: { clip: string; reason: string; at: string }[] = [];
  let sending = false;

  const queue = (): string[] => {
    try {
      const q = JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as unknown;
      return Array.isArray(q) ? q.filter((b): b is string => typeof b === 'string') : [];
    } catch {
      return [];
    }
  };
  const save = (q: string[]) => {
    try {
      localStorage.setItem(QUEUE_KEY, JSON.stringify(q.slice(-MAX_QUEUED)));
    } catch {
      /* Storage full or off: the beat is lost, the loop goes on. */
    }
  };

  /** Set when a flush is asked for while one runs (the network came back during a failing send). */
  let again = false;

  /** Sends queued beats oldest first; stops at the first that does not go. */
  const flush = async () => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    try {
      do {
        again = false;
        for (let q = queue(); q.length > 0; q = queue()) {
          // text/plain and no-cors: a simple request, no preflight; the receiver reads JSON text.
          const sent = await fetch(url, { method: 'POST', body: q[0], mode: 'no-cors', keepalive: true, headers: { 'Content-Type': 'text/plain' } }).then(
            () => true,
            () => false,
          );
          if (!sent) break;
          save(queue().slice(1));
        }
      } while (again);
    } finally {
      sending = false;
    }
  };

  const beat = async () => {
    const estimate = await navigator.storage?.estimate?.().catch(() => null);
    const body = {
      venue,
      screen,
      build,
      reel: reel(),
      sentAt: new Date(Date.now()).toISOString(),
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      storageBytes: estimate?.usage ?? null,
      played,
      skipped,
    };
    played = [];
    skipped = [];
    save([...queue(), JSON.stringify(body)]);
    await flush();
  };

  const timer = setInterval(() => void beat(), BEAT_MS);
  const online = () => void flush();
  addEventListener('online', online);
  void flush();

  return {
    /** Takes in each log entry: plays and skips go into the next beat. */
    record(entry: LogEntry) {
      const at = new Date(entry.atMs).toISOString();
      if (entry.event === 'play') played.push({ clip: entry.detail.split(' ')[0]!, at });
      if (entry.event === 'skip') {
        const [clip, ...reason] = entry.detail.split(': ');
        skipped.push({ clip: clip!, reason: reason.join(': '), at });
      }
      // A screen offline for hours plays thousands of clips: keep the newest.
      if (played.length > 1000) played = played.slice(-1000);
      if (skipped.length > 1000) skipped = skipped.slice(-1000);
    },
    stop() {
      clearInterval(timer);
      removeEventListener('online', online);
    },
  };
}

/** The screen's name from ?screen=: letters, digits, - and _, at most 40; else "unnamed". */
export function screenName(search: string): string {
  const name = new URLSearchParams(search).get('screen') ?? '';
  return /^[\w-]{1,40}$/.test(name) ? name : 'unnamed';
}
