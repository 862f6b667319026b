import { describe, expect, test } from 'vitest';
import { articlePath, clipPath, embedPath, localeOfId, localeOfPath, localePath, pageLocale, slugOfId, twinPath } from '../../../src/lib/routes';

describe('routes', () => {
  test('a page takes its locale from Astro, and an entry of the other language on it fails', () => {
    expect(pageLocale('zh-CN')).toBe('zh-CN');
    expect(pageLocale('en', 'en/scams/online-loans')).toBe('en');
    expect(() => pageLocale(undefined)).toThrow('Astro.currentLocale is undefined');
    expect(() => pageLocale('fr')).toThrow('"fr"');
    expect(() => pageLocale('zh-CN', 'en/scams/online-loans')).toThrow('content entry "en/scams/online-loans" is en, shown on a zh-CN page');
  });

  test.each([
    ['scams/online-loans', 'zh-CN', 'online-loans'],
    ['en/scams/online-loans', 'en', 'online-loans'],
    ['news/2026-11-26-results', 'zh-CN', '2026-11-26-results'],
    ['english-lessons/x', 'zh-CN', 'x'],
  ] as const)('id %s is %s with slug %s', (id, locale, slug) => {
    expect(localeOfId(id)).toBe(locale);
    expect(slugOfId(id)).toBe(slug);
  });

  test.each([
    ['/', '/en/'],
    ['/stats/', '/en/stats/'],
    ['/scams/online-romance/', '/en/scams/online-romance/'],
    ['/en/', '/'],
    ['/en/report/', '/report/'],
  ])('the twin of %s is %s', (path, twin) => {
    expect(twinPath(path)).toBe(twin);
    expect(twinPath(twin)).toBe(path);
  });

  test.each([
    ['/', 'zh-CN'],
    ['/en', 'en'],
    ['/en/stats/', 'en'],
    ['/english/', 'zh-CN'],
  ] as const)('%s is a %s path', (path, locale) => {
    expect(localeOfPath(path)).toBe(locale);
  });

  test('builds paths in each language', () => {
    expect(localePath('zh-CN', '/report/')).toBe('/report/');
    expect(localePath('en', '/report/')).toBe('/en/report/');
    expect(articlePath('en', 'audiences', 'students')).toBe('/en/audiences/students/');
  });

  test('rejects a relative path', () => {
    expect(() => localePath('en', 'report/')).toThrow(/must start with "\/"/);
  });
});

test('a clip has its page and its embeddable player in each language', () => {
  expect(clipPath('zh-CN', 'hang-up')).toBe('/videos/hang-up/');
  expect(clipPath('en', 'hang-up')).toBe('/en/videos/hang-up/');
  expect(embedPath('zh-CN', 'hang-up')).toBe('/embed/hang-up/');
  expect(embedPath('en', 'hang-up')).toBe('/en/embed/hang-up/');
});
