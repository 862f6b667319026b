/**
 * Screens stay awake: ask for a screen wake lock, and again whenever it is released or the page
 * becomes visible again. Returns a function that stops asking and releases the lock.
 */
type Lock = EventTarget & { release?: () => Promise<void> };

export function keepAwake(): () => void {
  const nav = navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<Lock> } };
  let stopped = false;
  let lock: Lock | null = null;
  const request = () => {
    if (stopped || document.visibilityState !== 'visible' || !nav.wakeLock) return;
    nav.wakeLock
      .request('screen')
      .then((l) => {
        lock = l;
        if (stopped) return void l.release?.().catch(() => {});
        l.addEventListener('release', request, { once: true });
      })
      .catch(() => {});
  };
  document.addEventListener('visibilitychange', request);
  request();
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', request);
    lock?.removeEventListener('release', request);
    lock?.release?.().catch(() => {});
    lock = null;
  };
}
