/**
 * Remembers 长者模式 on this device. Only an explicit "on" is stored; turning it off removes
 * the key, so a reader who never uses the switch leaves nothing behind. Nothing is sent anywhere.
 */
export const ELDER_KEY = 'fz-elder';

export function rememberElderMode(toggle: HTMLInputElement, storage: () => Storage = () => localStorage): void {
  // Storage can be switched off or full; the switch still works for this page.
  const attempt = (action: (s: Storage) => void) => {
    try {
      action(storage());
    } catch {
      /* the page keeps the mode without remembering it */
    }
  };
  attempt((s) => {
    if (s.getItem(ELDER_KEY) === 'on') toggle.checked = true;
  });
  toggle.addEventListener('change', () => {
    attempt((s) => (toggle.checked ? s.setItem(ELDER_KEY, 'on') : s.removeItem(ELDER_KEY)));
  });
}
