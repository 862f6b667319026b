import { describe, expect, test } from 'vitest';
import { pagefindFilters, readQuery, toggleFilter, writeQuery } from '../../../src/lib/search-query';

const empty = { type: [], category: [], audience: [] };

describe('search query in the URL', () => {
  test.each([
    ['', { q: '', filters: empty }],
    ['?q=%E5%88%B7%E5%8D%95', { q: '刷单', filters: empty }],
    ['?q=++refund++&type=Scam+type', { q: 'refund', filters: { ...empty, type: ['Scam type'] } }],
    ['?category=a&category=b&category=a&audience=', { q: '', filters: { ...empty, category: ['a', 'b'] } }],
    ['?utm_source=x&q=110', { q: '110', filters: empty }],
  ])('reads %s', (search, expected) => {
    expect(readQuery(search)).toEqual(expected);
  });

  test('writes what it reads', () => {
    const search = '?q=%E5%AE%89%E5%85%A8%E8%B4%A6%E6%88%B7&type=%E8%AF%88%E9%AA%97%E7%B1%BB%E5%9E%8B&audience=%E8%80%81%E5%B9%B4%E4%BA%BA';
    expect(writeQuery(readQuery(search))).toBe(search);
    expect(writeQuery(readQuery(''))).toBe('');
  });

  test('cuts a query that is too long', () => {
    expect(readQuery(`?q=${'a'.repeat(500)}`).q).toHaveLength(200);
  });

  test('toggles a filter value on and off', () => {
    const on = toggleFilter(readQuery('?q=x'), 'category', '网贷诈骗');
    expect(on.filters.category).toEqual(['网贷诈骗']);
    expect(toggleFilter(on, 'category', '网贷诈骗').filters.category).toEqual([]);
  });

  test('passes only chosen filters to Pagefind, each as any-of', () => {
    expect(pagefindFilters(readQuery('?type=a&category=b&category=c'))).toEqual({ type: { any: ['a'] }, category: { any: ['b', 'c'] } });
    expect(pagefindFilters(readQuery('?q=x'))).toEqual({});
  });
});
