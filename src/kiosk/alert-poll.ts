/**
 * The operator's alert: fetches /kiosk/alert.json every 30 s, checks its Ed25519 signature with
 * the build's public key, and shows the alert that is active for this venue on the cover until it
 * expires. An unsigned, badly signed, expired or malformed file shows nothing and is noted in the
 * log; without a public key nothing is fetched at all. Returns a function that stops polling.
 */
import { activeAlert, whyNoAlert } from './alert';
import { importAlertKey, verifyAlertFile } from './signed-alert';

const ALERT_POLL_MS = 30_000;
/** How often the cover is checked against the clock, so an alert goes when it expires. */
const CHECK_MS = 1_000;

export interface AlertOptions {
  venue: string;
  /** The build's public key (32 bytes, base64), or null: no alerts. */
  publicKey: string | null;
  /** The cover, with `[data-kiosk="alert-zh"]` and `[data-kiosk="alert-en"]` inside. */
  box: HTMLElement;
  /** Called with the Chinese text each time a new alert is shown. */
  onShow(zh: string): void;
  /** Called when the file changes to one that shows nothing, with the reason. */
  onIgnore(why: string): void;
}

export function pollAlerts({ venue, publicKey, box, onShow, onIgnore }: AlertOptions): () => void {
  if (!publicKey) {
    onIgnore('alerts are off: this build has no alert public key');
    return () => {};
  }
  let file: unknown = null;
  let lastWhy = '';
  const abort = new AbortController();
  const key = importAlertKey(publicKey);

  const ignore = (why: string) => {
    if (why !== lastWhy) onIgnore(why);
    lastWhy = why;
  };

  const show = () => {
    const alert = activeAlert(file, venue, Date.now());
    const text = alert ? `${alert.message.zh}\n${alert.message.en}` : '';
    if (!alert && file) {
      const why = whyNoAlert(file, venue, Date.now());
      if (why) ignore(`alert ignored: ${why}`);
    }
    if (box.dataset.text === text) return;
    box.dataset.text = text;
    box.hidden = !alert;
    if (alert) {
      lastWhy = '';
      box.querySelector('[data-kiosk="alert-zh"]')!.textContent = alert.message.zh;
      box.querySelector('[data-kiosk="alert-en"]')!.textContent = alert.message.en;
      onShow(alert.message.zh);
    }
  };

  const poll = () => {
    fetch('/kiosk/alert.json', { cache: 'no-store', signal: abort.signal })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(async (text) => {
        const result = await verifyAlertFile(text, await key);
        file = result.ok ? result.file : null;
        if (!result.ok) ignore(`alert ignored: ${result.reason}`);
      })
      .catch(() => (file = null))
      .finally(() => abort.signal.aborted || show());
  };

  const polling = setInterval(poll, ALERT_POLL_MS);
  const checking = setInterval(show, CHECK_MS);
  poll();
  return () => {
    clearInterval(polling);
    clearInterval(checking);
    abort.abort();
  };
}
