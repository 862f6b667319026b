import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { ELDER_CLASS, ELDER_KEY, elderHeadScript } from '../../../src/lib/elder-mode';
import { rememberElderMode } from '../../../src/client/elder-mode';

const SHEET = '/_astro/elder.Ab12.css';

/** A root element's class list, and the attributes the head script reads. */
function fakeRoot(attributes: string[] = []) {
  const classes = new Set<string>();
  return {
    classes,
    hasAttribute: (name: string) => attributes.includes(name),
    classList: {
      add: (c: string) => void classes.add(c),
      toggle: (c: string, on?: boolean) => ((on ?? !classes.has(c)) ? classes.add(c) : classes.delete(c), classes.has(c)),
      contains: (c: string) => classes.has(c),
    },
  };
}
function fakeStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  } as unknown as Storage & { items: Map<string, string> };
}
function fakeToggle(checked: boolean) {
  const target = new EventTarget() as EventTarget & { checked: boolean };
  target.checked = checked;
  return target as unknown as HTMLInputElement;
}
const flip = (toggle: HTMLInputElement) => {
  toggle.checked = !toggle.checked;
  toggle.dispatchEvent(new Event('change'));
};

describe('the head script', () => {
  // A page that opens in the mode carries the rules in its first response: nothing to link.
  test.each([
    ['a page that opens in the mode', ['data-elder'], fakeStorage(), true, false],
    ['a page that opens in the mode, for a reader who turned it on before', ['data-elder'], fakeStorage({ [ELDER_KEY]: 'on' }), true, false],
    ['a reader who turned it on before', [], fakeStorage({ [ELDER_KEY]: 'on' }), true, true],
    ['a reader who never did', [], fakeStorage(), false, false],
    ['a page that opens in the mode, with storage switched off', ['data-elder'], undefined, true, false],
    ['any other page, with storage switched off', [], undefined, false, false],
  ])('%s', (_, attributes, localStorage, on, links) => {
    const root = fakeRoot(attributes);
    const written: string[] = [];
    runInNewContext(elderHeadScript(SHEET), { document: { documentElement: root, write: (html: string) => written.push(html) }, localStorage });
    expect(root.classes.has(ELDER_CLASS)).toBe(on);
    expect(written).toEqual(links ? [`<link rel="stylesheet" href="${SHEET}">`] : []);
  });

  test('takes only a site path to a stylesheet', () => {
    expect(() => elderHeadScript("/a.css')</script>")).toThrow('elder-mode: expected a site path to a .css file');
    expect(() => elderHeadScript('https://example.com/a.css')).toThrow('elder-mode: expected a site path to a .css file');
    expect(() => elderHeadScript('//example.com/a.css')).toThrow('elder-mode: expected a site path to a .css file');
  });
});

describe('rememberElderMode', () => {
  test('the switch shows the mode the head script set; turning it off removes the class and the stored choice', () => {
    const root = fakeRoot();
    root.classList.add(ELDER_CLASS);
    const storage = fakeStorage({ [ELDER_KEY]: 'on' });
    const toggle = fakeToggle(false);
    rememberElderMode(toggle, () => undefined, root, () => storage);
    expect(toggle.checked).toBe(true);
    flip(toggle);
    expect(root.classes.has(ELDER_CLASS)).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  test('turning it on sets the class, links the sheet and stores "on"; a checked switch (the page default, or restored on going back) does the same', () => {
    const root = fakeRoot();
    const storage = fakeStorage();
    const toggle = fakeToggle(false);
    let sheets = 0;
    rememberElderMode(toggle, () => sheets++, root, () => storage);
    expect([root.classes.has(ELDER_CLASS), sheets]).toEqual([false, 0]);
    flip(toggle);
    expect([root.classes.has(ELDER_CLASS), sheets]).toEqual([true, 1]);
    expect(storage.items.get(ELDER_KEY)).toBe('on');

    const restored = fakeRoot();
    let restoredSheets = 0;
    rememberElderMode(fakeToggle(true), () => restoredSheets++, restored, () => fakeStorage());
    expect([restored.classes.has(ELDER_CLASS), restoredSheets]).toEqual([true, 1]);
  });

  test('a stored "on" counts should the head script not have run', () => {
    const root = fakeRoot();
    const toggle = fakeToggle(false);
    let sheets = 0;
    rememberElderMode(toggle, () => sheets++, root, () => fakeStorage({ [ELDER_KEY]: 'on' }));
    expect([toggle.checked, root.classes.has(ELDER_CLASS), sheets]).toEqual([true, true, 1]);
  });

  test('with storage switched off the switch still works on the page', () => {
    const root = fakeRoot();
    const toggle = fakeToggle(false);
    rememberElderMode(toggle, () => undefined, root, () => {
      throw new Error('storage is off');
    });
    flip(toggle);
    expect(root.classes.has(ELDER_CLASS)).toBe(true);
  });
});
