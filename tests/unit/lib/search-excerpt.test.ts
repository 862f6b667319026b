import { describe, expect, test } from 'vitest';
import { excerpt, excerptStart, markedLocations, pageWords } from '../../../src/lib/search-excerpt';

describe('search result excerpts', () => {
  test('a page is cut into words the way Pagefind counts them', () => {
    expect(pageWords('先\u200B挂断\u200B，\u200B再\u200B打 110')).toEqual(['先', '挂断', '，', '再', '打 110']);
    expect(pageWords('Hang up,  then call &lt;110&gt;')).toEqual(['Hang', 'up,', 'then', 'call', '<110>']);
  });

  test('the ". " Pagefind puts after a Chinese block becomes 。, and stays in English', () => {
    expect(pageWords('渠道\u200B：\u200B网络\u200B. \u200B也\u200B叫')).toEqual(['渠道', '：', '网络', '。', '也', '叫']);
    expect(pageWords('“\u200B免费\u200B皮肤\u200B”\u200B. \u200B下')).toEqual(['“', '免费', '皮肤', '”', '。', '下']);
    expect(pageWords('下载\u200BApp\u200B. \u200B再')).toEqual(['下载', 'App', '. ', '再']);
    expect(pageWords('Call 110. Then the bank')).toEqual(['Call', '110.', 'Then', 'the', 'bank']);
  });

  test('a lone Chinese character found on its own is not marked, unless the question has one', () => {
    // 刷单 found as one word (1), its 单 alone in 下单 (5), and 刷 + 单 side by side (8, 9).
    const words = ['别', '刷单', '，', '要', '下', '单', '就', '在', '刷', '单'];
    expect(markedLocations(words, [1, 5, 8, 9], '', '刷单')).toEqual([1, 8, 9]);
    expect(excerpt(words, [1, 5, 8, 9], 10, '', '刷单').filter((p) => p.mark).map((p) => p.text)).toEqual(['刷单', '刷', '单']);
    // Only a lone 单 on the page: nothing is marked for 刷单.
    expect(markedLocations(words, [5], '', '刷单 返利')).toEqual([]);
    // A question with a character standing alone keeps its lone matches.
    expect(markedLocations(words, [5, 9], '', '单')).toEqual([5, 9]);
    expect(markedLocations(words, [5, 9], '', '骗 单')).toEqual([5, 9]);
    // English words are never left out.
    expect(markedLocations(['a', 'b', 'c'], [1], ' ', 'b')).toEqual([1]);
  });

  test('a Chinese word found only by its first character is not marked; one sharing two characters with what was asked is', () => {
    // 刷单 finds 单位 by its 单 (1); 刷单返利 (3) and 刷单 (5) share 刷单.
    const words = ['本', '单位', '不', '刷单返利', '，', '刷单', '要', '网络兼职'];
    expect(markedLocations(words, [1, 3, 5], '', '刷单')).toEqual([3, 5]);
    // A word searched as another (兼职 also as 网络兼职) is marked by what it was searched as.
    expect(markedLocations(words, [7], '', '刷单')).toEqual([]);
    expect(markedLocations(words, [7], '', '刷单 兼职 网络兼职')).toEqual([7]);
    // A question with a character standing alone keeps every match, as before.
    expect(markedLocations(words, [1], '', '单')).toEqual([1]);
  });

  test('the window holds the most matches', () => {
    expect(excerptStart([8, 9, 20], 5, 30)).toBe(7);
    expect(excerptStart([], 5, 30)).toBe(0);
    expect(excerptStart([3], 10, 6)).toBe(0);
  });

  test('the window found from the matches alone is the one sliding over every start finds', () => {
    // Every start counted one by one: the first run of starts with the most matches, its middle one.
    const sliding = (locations: number[], length: number, total: number) => {
      if (locations.length === 0 || total <= length) return 0;
      const inWindow = (i: number) => locations.filter((at) => at >= i && at < i + length).length;
      let best = -1;
      let run: number[] = [];
      for (let i = 0; i + length <= total; i++) {
        const n = inWindow(i);
        if (n > best) [best, run] = [n, [i]];
        else if (n === best && run[run.length - 1] === i - 1) run.push(i);
      }
      return run[Math.floor(run.length / 2)];
    };
    // Park and Miller's generator: its products stay exact in a double.
    let seed = 7;
    const random = (below: number) => ((seed = (seed * 48271) % 2147483647) % below);
    for (let round = 0; round < 500; round++) {
      const total = 1 + random(120);
      const length = 1 + random(30);
      const locations = Array.from({ length: random(12) }, () => random(total + 3) - 1);
      expect(excerptStart(locations, length, total), JSON.stringify({ locations, length, total })).toBe(sliding(locations, length, total));
    }
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
