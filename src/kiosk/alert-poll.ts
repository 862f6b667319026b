/**
 * The operator's alert: fetches /kiosk/alert.json every 30 s and shows the alert that is active
 * for this venue on the cover, until it expires. Returns a function that stops polling.
 */
import { activeAlert } from './alert';

const ALERT_POLL_MS = 30_000;
/** How often the cover is checked against the clock, so an alert goes when it expires. */
const CHECK_MS = 1_000;

export interface AlertOptions {
  venue: string;
  /** The cover, with `[data-kiosk="alert-zh"]` and `[data-kiosk="alert-en"]` inside. */
  box: HTMLElement;
  /** Called with the Chinese text each time a new alert is shown. */
  onShow(zh: string): void;
}

export function pollAlerts({ venue, box, onShow }: AlertOptions): () => void {
  let file: unknown = null;
  const abort = new AbortController();

  const show = () => {
    const alert = activeAlert(file, venue, Date.now());
    const text = alert ? `${alert.message.zh}\n${alert.message.en}` : '';
    if (box.dataset.text === text) return;
    box.dataset.text = text;
    box.hidden = !alert;
    if (alert) {
      box.querySelector('[data-kiosk="alert-zh"]')!.textContent = alert.message.zh;
      box.querySelector('[data-kiosk="alert-en"]')!.textContent = alert.message.en;
      onShow(alert.message.zh);
    }
  };

  const poll = () => {
    fetch('/kiosk/alert.json', { cache: 'no-store', signal: abort.signal })
      .then((r) => (r.ok ? r.json() : null))
      .then((f) => (file = f))
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
