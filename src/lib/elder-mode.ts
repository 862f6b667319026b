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
