import { describe, expect, test } from 'vitest';
import { excerpt, excerptStart, pageWords } from '../../../src/lib/search-excerpt';

describe('search result excerpts', () => {
  test('a page is cut into words the way Pagefind counts them', () => {
    expect(pageWords('先\u200B挂断\u200B，\u200B再\u200B打 110')).toEqual(['先', '挂断', '，', '再', '打 110']);
    expect(pageWords('Hang up,  then call &lt;110&gt;')).toEqual(['Hang', 'up,', 'then', 'call', '<110>']);
  });

  test('the window holds the most matches', () => {
    expect(excerptStart([8, 9, 20], 5, 30)).toBe(7);
    expect(excerptStart([], 5, 30)).toBe(0);
    expect(excerptStart([3], 10, 6)).toBe(0);
  });

  test('matched words are marked, the rest is joined text', () => {
    const words = ['Hang', 'up', 'and', 'call', '110', 'now'];
    expect(excerpt(words, [1, 4], 6, ' ')).toEqual([
      { text: 'Hang ', mark: false },
      { text: 'up', mark: true },
      { text: ' and call ', mark: false },
      { text: '110', mark: true },
      { text: ' now', mark: false },
    ]);
    expect(excerpt(['先', '挂断', '电话'], [1], 3, '')).toEqual([
      { text: '先', mark: false },
      { text: '挂断', mark: true },
      { text: '电话', mark: false },
    ]);
  });
});
