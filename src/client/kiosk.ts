/**
 * The kiosk screen's script: starts the player (src/kiosk/driver.ts) on the data its page
 * carries. Leaving the page stops every timer and the wake lock; a kiosk restored from the
 * back-forward cache starts afresh.
 */
import { startKiosk } from '../kiosk/driver';
import type { KioskData } from '../kiosk/payload';

const root = document.querySelector<HTMLElement>('[data-kiosk="root"]');
if (root) {
  const data = JSON.parse(root.querySelector('[data-kiosk="data"]')!.textContent!) as KioskData;
  const stop = startKiosk(root, data);
  addEventListener('pagehide', stop);
  addEventListener('pageshow', (e) => e.persisted && location.reload());
}
