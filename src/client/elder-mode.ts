/**
 * The 长者模式 switch in the browser: keeps the switch, the root's class, elder.css and the
 * stored choice in step (the mode itself: src/lib/elder-mode.ts).
 */
import { ELDER_CLASS, ELDER_KEY } from '../lib/elder-mode';

interface Root {
  classList: Pick<DOMTokenList, 'add' | 'toggle' | 'contains'>;
}

/**
 * Keeps the switch, the root's class, elder.css and the stored choice in step. The head script
 * has usually set the class already; the switch's own state counts too (the page's default, or
 * the state the browser restores on going back), and so does the stored choice, should the head
 * script not have run. `addSheet` links elder.css once the page is in the mode; linking it
 * twice does nothing.
 */
export function rememberElderMode(
  toggle: HTMLInputElement,
  addSheet: () => void,
  root: Root = document.documentElement,
  storage: () => Storage = () => localStorage,
): void {
  // Storage can be switched off or full; the switch still works for this page.
  const attempt = (action: (s: Storage) => void) => {
    try {
      action(storage());
    } catch {
      /* the page keeps the mode without remembering it */
    }
  };
  const show = (on: boolean) => {
    root.classList.toggle(ELDER_CLASS, on);
    if (on) addSheet();
  };
  let on = toggle.checked || root.classList.contains(ELDER_CLASS);
  attempt((s) => {
    if (s.getItem(ELDER_KEY) === 'on') on = true;
  });
  toggle.checked = on;
  show(on);
  toggle.addEventListener('change', () => {
    show(toggle.checked);
    attempt((s) => (toggle.checked ? s.setItem(ELDER_KEY, 'on') : s.removeItem(ELDER_KEY)));
  });
}

/** Links the stylesheet at `href` into the page's head, unless a link to it is there already. */
export function linkStylesheet(href: string, doc: Document = document): void {
  const present = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].some((link) => link.getAttribute('href') === href);
  if (present) return;
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  doc.head.append(link);
}
