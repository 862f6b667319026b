/**
 * Offline play: registers the kiosk service worker and puts every file of the reel into the
 * media cache, both cuts of each clip (landscape and portrait), so after one visit a reload with
 * the network gone still plays the loop, whichever way the screen stands. A file enters the
 * cache only when its SHA-256 matches the reel's; a cached file that no longer matches is
 * discarded. A clip with a bad file (either cut) is skipped, and the file fetched again, until
 * it comes back intact.
 */
import type { MediaFile } from './payload';

export const MEDIA_CACHE = 'kiosk-media';
/** How long a file that failed its checksum waits before it is fetched again. */
const RETRY_MS = 60_000;

export interface OfflineOptions {
  media: readonly MediaFile[];
  /** A clip's file failed its checksum (true), or every file of it is intact again (false). */
  onBad(clip: string, bad: boolean): void;
  /** Each file discarded, refused or replaced, for the log. */
  note(detail: string): void;
  /** Called once everything is cached. */
  onReady(count: number): void;
  /** Stops the caching and its retries (the kiosk stopped). */
  signal: AbortSignal;
}

async function sha256(body: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keeps the cache intact; `check()` runs before the loop starts, `fill()` after. */
export function offlineCache({ media, onBad, note, onReady, signal }: OfflineOptions) {
  const usable = 'caches' in window && !!crypto.subtle;
  const bad = new Set<string>();
  let retry: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(retry), { once: true });

  const mark = (file: MediaFile, isBad: boolean, why: string) => {
    const clipWasBad = media.some((f) => f.clip === file.clip && bad.has(f.url));
    if (isBad) bad.add(file.url);
    else bad.delete(file.url);
    const clipIsBad = media.some((f) => f.clip === file.clip && bad.has(f.url));
    note(why);
    if (clipWasBad !== clipIsBad) onBad(file.clip, clipIsBad);
  };

  /** Discards every cached file whose checksum no longer matches. */
  const check = async () => {
    if (!usable) return;
    const cache = await caches.open(MEDIA_CACHE);
    for (const file of media) {
      const cached = await cache.match(file.url);
      if (!cached || (await sha256(await cached.arrayBuffer())) === file.sha256) continue;
      await cache.delete(file.url);
      mark(file, true, `${file.url}: cached copy failed its checksum; discarded`);
    }
  };

  /** Fetches every file not cached, and caches those that match. */
  const fill = async () => {
    if (!usable || !('serviceWorker' in navigator)) return;
    await navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk/' });
    await navigator.serviceWorker.ready;
    const cache = await caches.open(MEDIA_CACHE);
    for (const file of media) {
      if (signal.aborted) return;
      if (await cache.match(file.url)) continue;
      const response = await fetch(file.url, { cache: 'no-store', signal }).catch(() => null);
      // A response cut off mid-body rejects here: the file is simply not cached this time.
      if (!response?.ok) continue;
      const body = await response.arrayBuffer().catch(() => null);
      if (!body) continue;
      if ((await sha256(body)) !== file.sha256) {
        mark(file, true, `${file.url}: fetched copy failed its checksum; trying again in ${RETRY_MS / 1000} s`);
        continue;
      }
      await cache.put(file.url, new Response(body, { headers: { 'Content-Type': response.headers.get('Content-Type') ?? '', 'Content-Length': String(body.byteLength) } }));
      if (bad.has(file.url)) mark(file, false, `${file.url}: fetched again, intact`);
    }
    if (signal.aborted) return;
    if (bad.size > 0) {
      retry = setTimeout(() => fill().catch(() => {}), RETRY_MS);
      return;
    }
    await navigator.storage?.persist?.().catch(() => false);
    onReady(media.length);
  };

  return { check, fill };
}
