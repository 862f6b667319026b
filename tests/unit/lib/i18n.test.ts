import { describe, expect, test } from 'vitest';
import { bracket, colon, LOCALES, pick, stringKeys, t } from '../../../src/lib/i18n';

describe('interface strings', () => {
  test('zh and en have the same keys', () => {
    expect(stringKeys('en')).toEqual(stringKeys('zh-CN'));
  });

  test.each(LOCALES)('no %s string is empty', (locale) => {
    const empty = stringKeys(locale).filter((key) => !t(locale, key as Parameters<typeof t>[1]).trim());
    expect(empty).toEqual([]);
  });

  test('the hotline strings name 110 and explain 96110 in both languages', () => {
    for (const locale of LOCALES) {
      expect(t(locale, 'hotline.number110')).toBe('110');
      expect(t(locale, 'hotline.note96110')).toMatch(/96110/);
    }
  });

  test.each([
    ['zh-CN', '：', '（说明）'],
    ['en', ': ', ' (note)'],
  ] as const)('%s punctuation', (locale, c, b) => {
    expect(colon(locale)).toBe(c);
    expect(bracket(locale === 'en' ? 'note' : '说明', locale)).toBe(b);
  });

  test('pick returns the text of the locale', () => {
    expect(pick({ zh: '网购', en: 'Shopping' }, 'zh-CN')).toBe('网购');
    expect(pick({ zh: '网购', en: 'Shopping' }, 'en')).toBe('Shopping');
  });
});
