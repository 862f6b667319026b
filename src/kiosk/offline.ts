/**
 * Offline play: registers the kiosk service worker and puts every file of the reel into the
 * media cache, so after one visit a reload with the network gone still plays the loop.
 */
export const MEDIA_CACHE = 'kiosk-media';

export interface OfflineOptions {
  /** Every file the screen needs offline, beyond what the service worker precaches. */
  media: readonly string[];
  /** Called once everything is cached. */
  onReady(count: number): void;
  /** Stops the caching early (the kiosk stopped). */
  signal: AbortSignal;
}

export async function cacheForOffline({ media, onReady, signal }: OfflineOptions): Promise<void> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  await navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk/' });
  await navigator.serviceWorker.ready;
  const cache = await caches.open(MEDIA_CACHE);
  for (const url of media) {
    if (signal.aborted) return;
    if (!(await cache.match(url))) await cache.add(url).catch(() => {});
  }
  await navigator.storage?.persist?.().catch(() => false);
  if (!signal.aborted) onReady(media.length);
}
