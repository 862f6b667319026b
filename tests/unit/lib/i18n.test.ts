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

  test('the hotline strings name 110 and say what 96110 is, leaving what to do to its rule', () => {
    for (const locale of LOCALES) expect(t(locale, 'hotline.number110')).toBe('110');
    expect(t('zh-CN', 'hotline.note96110')).toMatch(/反诈预警劝阻专线/);
    expect(t('en', 'hotline.note96110')).toMatch(/anti-fraud warning line/);
    // "Answer it, transfer nothing" is the answer-96110 rule, shown beside the note.
    expect(t('zh-CN', 'hotline.note96110')).not.toMatch(/接听|转账/);
    expect(t('en', 'hotline.note96110')).not.toMatch(/answer|transfer/i);
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
