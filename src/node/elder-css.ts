import { ELDER_CLASS } from '../lib/elder-mode';

/** The 长者模式 rules' root, as elder.css writes it: the class the page's scripts set. */
export const ELDER_ROOT = `:root.${ELDER_CLASS}`;
/** The same root without JavaScript: the header switch's checkbox is checked. */
export const ELDER_ROOT_NO_SCRIPT = ':root:has(#fz-elder:checked)';
/** Where a page without JavaScript finds 长者模式's rules. */
export const ELDER_NO_SCRIPT_PATH = '/elder-noscript.css';

/**
 * elder.css for a browser that runs no script: the same rules, on the checked switch instead of
 * the class. Only such a browser loads it (BaseLayout links it inside <noscript>), so with scripts
 * on no :has() rule is in force. Throws, naming the file, when no rule is on the mode's root, so
 * a change to elder.css cannot silently leave those readers behind.
 */
export function noScriptElderCss(css: string, file = 'src/styles/elder.css'): string {
  const rules = css.replace(/\/\*[\s\S]*?\*\//g, '');
  if (!rules.includes(ELDER_ROOT)) throw new Error(`${file}: no rule starts with ${ELDER_ROOT}, so 长者模式 would not work without JavaScript`);
  return `${rules
    .replaceAll(ELDER_ROOT, ELDER_ROOT_NO_SCRIPT)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')}\n`;
}
