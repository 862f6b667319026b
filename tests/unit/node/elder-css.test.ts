import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ELDER_ROOT, ELDER_ROOT_NO_SCRIPT, noScriptElderCss } from '../../../src/node/elder-css';

describe('noScriptElderCss', () => {
  test('the same rules, on the checked switch instead of the class, without comments', () => {
    const css = '/* large text */\n:root.fz-elder { font-size: 125%; }\n\n@media (max-width: 40rem) {\n  :root.fz-elder .nav { display: none; }\n}\n:where(:root.fz-elder) main p { margin: 0; }\n';
    expect(noScriptElderCss(css)).toBe(
      ':root:has(#fz-elder:checked) { font-size: 125%; }\n@media (max-width: 40rem) {\n:root:has(#fz-elder:checked) .nav { display: none; }\n}\n:where(:root:has(#fz-elder:checked)) main p { margin: 0; }\n',
    );
  });

  test('elder.css uses no :has(), so with scripts on a change to the page does not restyle all of it; in its copy every rule is on the switch', () => {
    const css = readFileSync('src/styles/elder.css', 'utf8');
    expect(css.replace(/\/\*[\s\S]*?\*\//g, '')).not.toContain(':has(');
    const copy = noScriptElderCss(css);
    expect(copy).not.toContain(ELDER_ROOT);
    // Each selector of the copy starts on the switch, or is inside a media block that does.
    const selectors = copy.replace(/@media[^{]*\{/g, '').split('}').map((rule) => rule.split('{')[0]!.trim()).filter(Boolean);
    expect(selectors.length).toBeGreaterThan(30);
    expect(selectors.flatMap((s) => s.split(/,\s*(?![^(]*\))/)).filter((s) => !s.replace(/^:where\(/, '').startsWith(ELDER_ROOT_NO_SCRIPT))).toEqual([]);
  });

  test('fails, naming the file, when no rule is on the mode\'s root', () => {
    expect(() => noScriptElderCss('/* :root.fz-elder */ main p { font-size: 20px; }')).toThrow(
      'src/styles/elder.css: no rule starts with :root.fz-elder, so 长者模式 would not work without JavaScript',
    );
  });
});
