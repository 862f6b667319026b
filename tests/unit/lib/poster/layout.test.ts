import { describe, expect, test } from 'vitest';
import { COLOURS, ogSvg, posterSvg, printedAddress, TEXT_ON_GROUND } from '../../../../src/lib/poster/layout';
import { contrastRatio, svgTextTypesetter } from '../../../../src/lib/svg/draw';
import { emMeasure } from '../../../../src/lib/svg/text-fit';
import { zh } from '../../poster-words';

/** Full width for CJK, 0.6 em for the rest: a little wider than Noto's Latin, so it errs on the safe side. */
const type = svgTextTypesetter(emMeasure((ch) => (/[\u0000-\u00ff’“”]/.test(ch) ? 0.6 : 1)));

const words = zh;

/** The text of every <text> element, in order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
/** The y of the first <text> whose content is `text`. */
const yOf = (svg: string, text: string) => Number(new RegExp(`<text x="[^"]+" y="([^"]+)"[^>]*>${text}</text>`).exec(svg)?.[1]);

describe('posterSvg', () => {
  const svg = posterSvg(words, type);
  test('is 1080×1920', () => {
    expect(svg).toMatch(/^<svg [^>]*width="1080" height="1920"/);
  });
  test('shows the title, the three flags, the rules, 110, the 96110 line and the address', () => {
    const all = texts(svg).join('');
    for (const text of [words.title, ...words.flags, ...words.rules, words.warn96110, words.scan, printedAddress(words.url)]) {
      expect(all.replace(/\s/g, '')).toContain(text.replace(/\s/g, ''));
    }
    expect(texts(svg)).toContain('110');
  });
  test('draws top to bottom: title, flags, rules, then the hotline band', () => {
    const titleFirstLine = texts(svg).find((t) => words.title.startsWith(t))!;
    const order = [titleFirstLine, words.flagsHeading, words.rulesHeading, '110'].map((t) => yOf(svg, t));
    expect(order.every((y) => y > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
  test('prints the address without its scheme', () => {
    expect(printedAddress('https://www.example.com/en/scams/x/')).toBe('www.example.com/en/scams/x/');
  });
  test('the same words give the same SVG', () => {
    expect(posterSvg(words, type)).toBe(svg);
  });
  test('a title too long for four lines fails, naming the field', () => {
    expect(() => posterSvg({ ...words, title: '网贷诈骗'.repeat(12) }, type)).toThrow(/^title: "网贷诈骗网贷诈骗.*" does not fit in 3 line\(s\) of 952 px, even at 60 px$/);
  });
  test('a flag too long for three lines fails, naming which', () => {
    expect(() => posterSvg({ ...words, flags: [words.flags[0]!, '放款前要你先交利息'.repeat(8), words.flags[2]!] }, type)).toThrow(/^flags\[1\]: /);
  });
  test('lists that fit one by one but not together fail, naming both', () => {
    const rules = Array.from({ length: 8 }, () => '不转账，催得越急越要停；验证码不告诉任何人，不开屏幕共享');
    expect(() => posterSvg({ ...words, rules }, type)).toThrow(
      /^flags, rules: the red flags and the rules need \d+ px, the poster has \d+ px between its header and its hotline band$/,
    );
  });
  test('crowded lists are set a step smaller rather than failing', () => {
    /** Size of the flags: the regular-weight ink text. */
    const flagSize = (s: string) => Number(/font-size="(\d+)" font-weight="400" fill="#111827"/.exec(s)?.[1]);
    const rules = Array.from({ length: 5 }, () => '不转账，催得越急越要停；验证码不告诉任何人');
    const crowded = posterSvg({ ...words, rules }, type);
    expect(flagSize(svg)).toBe(50);
    expect(flagSize(crowded)).toBeLessThan(50);
    expect(flagSize(crowded)).toBeGreaterThanOrEqual(40);
  });
  test('a poster shows exactly three flags', () => {
    expect(() => posterSvg({ ...words, flags: words.flags.slice(0, 2) }, type)).toThrow('flags: a poster shows exactly 3 red flags, got 2');
  });
});

describe('ogSvg', () => {
  const svg = ogSvg(words, type);
  test('is 1200×630 with the title, the rules, 110 and the 96110 line', () => {
    expect(svg).toMatch(/^<svg [^>]*width="1200" height="630"/);
    const all = texts(svg).join('');
    for (const text of [words.kicker, words.title, ...words.rules, words.callNote, words.warn96110, '110']) expect(all).toContain(text);
  });
  test('a title that leaves no room fails, naming the fields', () => {
    expect(() => ogSvg({ ...words, title: '网贷诈骗'.repeat(20) }, type)).toThrow(/^title: /);
  });
});

test.each(TEXT_ON_GROUND.map(([text, ground]) => [text, ground]))('text %s on %s has at least 7:1 contrast', (text, ground) => {
  expect(contrastRatio(text, ground)).toBeGreaterThanOrEqual(7);
});

test('contrast is measured as WCAG defines it', () => {
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrastRatio(COLOURS.paper, COLOURS.paper)).toBe(1);
  expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
});
