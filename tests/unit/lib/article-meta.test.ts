import { describe, expect, test } from 'vitest';
import { articleCrumbs, searchFacets } from '../../../src/lib/article-meta';

describe('article breadcrumbs', () => {
  test.each([
    ['scams', 'zh-CN', [{ href: '/scams/', label: '诈骗类型' }]],
    ['audiences', 'en', [{ href: '/en/audiences/', label: 'Advice for you' }]],
    ['news', 'en', [{ href: '/en/news/', label: 'Alerts and news' }]],
    ['guides', 'zh-CN', []],
  ] as const)('%s in %s', (collection, locale, trail) => {
    expect(articleCrumbs(collection, locale)).toEqual(trail);
  });
});

describe('search facets', () => {
  test('a scam page is its own category, with the audiences it names', () => {
    expect(searchFacets({ collection: 'scams', locale: 'zh-CN', name: '刷单返利', scams: ['网络贷款'], audiences: ['学生', '老年人'] })).toEqual([
      'type:诈骗类型',
      'category:刷单返利',
      'audience:学生',
      'audience:老年人',
    ]);
  });

  test('an audience page is its own audience, with the scams it names', () => {
    expect(searchFacets({ collection: 'audiences', locale: 'en', name: 'Students', scams: ['Fake refunds'], audiences: ['Seniors'] })).toEqual([
      'type:Advice by group',
      'category:Fake refunds',
      'audience:Students',
    ]);
  });

  test('a guide or news item takes the scams and audiences it links to', () => {
    expect(searchFacets({ collection: 'news', locale: 'zh-CN', scams: ['网购退款'], audiences: [] })).toEqual(['type:预警与动态', 'category:网购退款']);
    expect(searchFacets({ collection: 'guides', locale: 'en', scams: [], audiences: [] })).toEqual(['type:Guide']);
  });

  test('a scam or audience page without its own name is refused', () => {
    expect(() => searchFacets({ collection: 'scams', locale: 'zh-CN', scams: [], audiences: [] })).toThrow(/scams needs its own name/);
  });
});
