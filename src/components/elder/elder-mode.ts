/**
 * 长者模式 on this device. The mode is the class `fz-elder` on the root element, styled by
 * elder.css, which only a page in the mode loads. Only an explicit "on" is stored; turning it off
 * removes the key, so a reader who never uses the switch leaves nothing behind. Nothing is sent
 * anywhere.
 */
export const ELDER_KEY = 'fz-elder';
export const ELDER_CLASS = 'fz-elder';

/**
 * The script in each page's head, before anything is painted. A page that opens in the mode (the
 * seniors page marks its root `data-elder`) carries elder.css in its own first response: the
 * class goes on. A reader who turned the mode on before gets the class too, and elder.css is
 * written into the head, so the page waits for it as for any stylesheet there. The page's own
 * default is read first: with storage switched off, it still holds. It is inlined as written
 * here, so it stays plain ES5 that reads nothing else.
 */
export function elderHeadScript(sheet: string): string {
  if (!/^\/(?!\/)[\w./-]+\.css(\?[\w=&.-]*)?$/.test(sheet)) throw new Error(`elder-mode: expected a site path to a .css file, got ${JSON.stringify(sheet)}`);
  return (
    `try{var r=document.documentElement,d=r.hasAttribute('data-elder');if(d||localStorage.getItem('${ELDER_KEY}')=='on')` +
    `{r.classList.add('${ELDER_CLASS}');if(!d)document.write('<link rel="stylesheet" href="${sheet}">')}}catch(e){}`
  );
}

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
