import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { answer, describesSituation, ENOUGH, fuse, ordered, splitQuery, type Engine, type Hit, type SearchWords } from '../../../src/lib/search-plan';
import { ROOT, readArticles } from '../helpers';

/** The words the built search page gets: content/search/<lang>.yaml plus the scams' aliases and the articles' askedAs. */
function wordsOf(lang: 'zh' | 'en'): SearchWords {
  const data = parse(readFileSync(join(ROOT, 'content/search', `${lang}.yaml`), 'utf8'));
  const aliases = readArticles('scams', lang === 'en').flatMap((a) => a.data.aliases as string[]);
  const askedAs = (['audiences', 'guides'] as const).flatMap((c) => readArticles(c, lang === 'en').flatMap((a) => (a.data.askedAs ?? []) as string[]));
  return { ...data, phrases: [...data.synonyms.flat(), ...aliases, ...askedAs] };
}
const zh = wordsOf('zh');
const en = wordsOf('en');

describe('splitting a question into topic words', () => {
  test.each([
    ['老人接到公安局电话', ['老人', '公安局', '电话']],
    ['有人让我开屏幕共享怎么办', ['屏幕共享']],
    ['客服说要注销校园贷不然影响征信', ['客服', '注销校园贷', '影响征信']],
    ['网上借钱要先交钱', ['网上', '借钱', '先交钱']],
  ])('%s → %j', (query, words) => {
    expect(splitQuery(query, 'zh-CN', zh).map((t) => t.word)).toEqual(words);
  });

  test.each([
    ['caller says I must move my savings to a safe account', ['caller', 'move', 'savings', 'safe account']],
    ['What is PIG BUTCHERING?', ['pig butchering']],
  ])('%s → %j', (query, words) => {
    expect(splitQuery(query, 'en', en).map((t) => t.word)).toEqual(words);
  });

  test('each word carries its synonyms from content/search/', () => {
    const [elder, police] = splitQuery('老人接到公安局电话', 'zh-CN', zh);
    expect(elder!.also).toEqual(expect.arrayContaining(['老年人', '长辈']));
    expect(police!.also).toEqual(expect.arrayContaining(['警察', '民警']));
    expect(splitQuery('网上借钱', 'zh-CN', zh)[1]!.also).toEqual(expect.arrayContaining(['贷款', '借款']));
  });

  test('a question put the way an article says it is often asked, with filler words between, is looked up as that phrase too', () => {
    const guide = readArticles('guides', false).find((a) => a.data.key === 'report')!;
    expect(guide.data.askedAs).toContain('钱转给骗子了怎么办');
    const terms = splitQuery('钱已经转给骗子了怎么办', 'zh-CN', zh);
    expect(terms.map((t) => t.word)).toEqual(['钱转给骗子了怎么办', '钱', '转给', '骗子']);
    expect(terms[0]).toEqual({ word: '钱转给骗子了怎么办', also: [], exact: true });
    expect(terms.slice(1).some((t) => t.exact)).toBe(false);
    // Words of the phrase alone, or in another order, are not that question.
    expect(splitQuery('骗子转给我钱', 'zh-CN', zh).map((t) => t.word)).not.toContain('钱转给骗子了怎么办');
    // A phrase typed whole is an ordinary word of the query.
    expect(splitQuery('钱转给骗子了怎么办', 'zh-CN', zh)[0]!.exact).toBeUndefined();
  });

  test('such a phrase is looked up word for word, in quotation marks, beside the other words', async () => {
    const asked: string[] = [];
    const engine: Engine = { search: async (term) => (asked.push(term ?? ''), []) };
    await answer(engine, '钱已经转给骗子了怎么办', { locale: 'zh-CN', words: zh, filters: {}, primary: new Set() });
    expect(asked).toContain('"钱转给骗子了怎么办"');
    expect(asked).toEqual(expect.arrayContaining(['钱', '转给', '骗子']));
    expect(asked.filter((t) => t.includes('"'))).toEqual(['"钱转给骗子了怎么办"']);
  });

  test('a query of filler words alone has no topic words', () => {
    expect(splitQuery('我该怎么办？', 'zh-CN', zh)).toEqual([]);
    expect(splitQuery('what should I do', 'en', en)).toEqual([]);
  });
});

describe('search words in content/search/', () => {
  test.each([['zh', zh], ['en', en]] as const)('%s: no filler word is also a synonym', (_, words) => {
    const filler = new Set(words.filler.map((w) => String(w).toLowerCase()));
    expect(words.synonyms.flat().filter((w) => filler.has(String(w).toLowerCase()))).toEqual([]);
  });
});

describe('a query that describes something happening', () => {
  test.each([
    ['zh-CN', '有人让我开屏幕共享怎么办', true],
    ['zh-CN', '对方说我的快递丢了要给我理赔', true],
    ['zh-CN', '屏幕共享', false],
    ['zh-CN', '杀猪盘是什么意思', false],
    ['en', 'someone called me and said my parcel was lost', true],
    ['en', 'screen sharing', false],
    ['en', 'what is pig butchering', false],
  ])('%s %s → %s', (locale, query, expected) => {
    expect(describesSituation(query, locale, locale === 'en' ? en : zh)).toBe(expected);
  });
});

/** A small index: a page matches a lookup when it has every word of it; score = times used. */
function engine(pages: Record<string, string>): Engine<string> & { calls: { term: string | null; filters: unknown; round: number }[] } {
  let round = 0;
  let pending = 0;
  const calls: { term: string | null; filters: unknown; round: number }[] = [];
  return {
    calls,
    async search(term, filters) {
      if (pending === 0) round += 1;
      pending += 1;
      calls.push({ term, filters, round });
      await Promise.resolve();
      pending -= 1;
      const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      return Object.entries(pages)
        .filter(([, text]) => words.every((w) => text.includes(w)))
        .map(([id, text]) => ({ id, score: words.reduce((n, w) => n + text.split(w).length - 1, 0), data: async () => id }));
    },
  };
}

const SITE = {
  authorities: '假冒公检法 公安局 公安局 电话 安全账户 警察 民警',
  seniors: '老年人 挂断 电话 老年人 长辈',
  lesson: '课堂 老人 公安局 电话 电话 电话',
  loans: '网贷 贷款 先交钱 解冻费',
};
const PRIMARY = new Set(['authorities', 'seniors', 'loans']);
const options = { locale: 'zh-CN', words: zh, filters: {}, primary: PRIMARY };

describe('answering a query', () => {
  test('a query whose words are found together is answered as typed', async () => {
    const site = engine({ ...SITE, a: '屏幕共享', b: '屏幕共享', c: '屏幕共享 屏幕共享' });
    const result = await answer(site, '屏幕共享', options);
    expect(result.widened).toBeNull();
    expect(result.hits.map((h) => h.id)).toEqual(['c', 'a', 'b']);
    expect(site.calls).toHaveLength(1);
  });

  test('a question no page answers word for word is widened, says how, and costs one more round', async () => {
    const site = engine(SITE);
    const result = await answer(site, '老人接到公安局电话', options);
    expect(result.reason).toBe('few');
    expect(result.widened!.map((t) => t.word)).toEqual(['老人', '公安局', '电话']);
    expect(result.hits.map((h) => h.id).slice(0, 2)).toEqual(['authorities', 'seniors']);
    expect(new Set(site.calls.map((c) => c.round))).toEqual(new Set([1]));
  });

  test('a sentence is looked up word by word only: the pages with every word are those all its words find', async () => {
    const site = engine({ ...SITE, both: '老人 公安局 电话', again: '老人 公安局 电话 电话', third: '电话 老人 公安局' });
    const result = await answer(site, '老人接到公安局电话', options);
    expect(site.calls.map((c) => c.term)).not.toContain('老人 公安局 电话');
    expect(result.reason).toBe('sentence');
    const few = await answer(engine(SITE), '老人接到公安局电话', options);
    expect(few.reason).toBe('few');
  });

  test('a short query with too few pages is widened to its synonyms in one more round', async () => {
    const site = engine(SITE);
    const result = await answer(site, '借钱', options);
    expect(result.reason).toBe('few');
    expect(result.hits.map((h) => h.id)).toEqual(['loans']);
    expect(Math.max(...site.calls.map((c) => c.round))).toBe(2);
    expect(site.calls[0]!.term).toBe('借钱');
  });

  test('articles and guides that answer the query come before lessons, which still come', async () => {
    const result = await answer(engine(SITE), '电话', options);
    expect(result.hits.map((h) => h.id)).toEqual(['authorities', 'seniors', 'lesson']);
    // A lesson that answers far better than an article that barely does comes before it.
    const widened = await answer(engine(SITE), '公安局 电话', options);
    expect(widened.hits.map((h) => h.id)).toEqual(['authorities', 'lesson', 'seniors']);
  });

  test('every lookup carries the chosen filters', async () => {
    const site = engine(SITE);
    const filters = { type: { any: ['课堂教案'] } };
    await answer(site, '老人接到公安局电话', { ...options, filters });
    expect(site.calls.every((c) => c.filters === filters)).toBe(true);
  });

  test(`${ENOUGH} pages with every word are enough`, async () => {
    const site = engine({ a: '刷单 返利', b: '刷单 返利', c: '刷单 返利' });
    expect((await answer(site, '刷单 返利', options)).widened).toBeNull();
  });
});

describe('merging single-word answers', () => {
  const hit = (id: string, score: number): Hit<string> => ({ id, score, data: async () => id });
  test('a page found by more words, or by the typed word rather than a synonym, ranks higher', () => {
    const merged = fuse([
      { term: '老人', synonym: false, hits: [hit('a', 2), hit('b', 2)] },
      { term: '老人', synonym: true, hits: [hit('c', 2)] },
      { term: '电话', synonym: false, hits: [hit('a', 1)] },
    ]);
    expect(merged.map((h) => h.id)).toEqual(['a', 'b', 'c']);
    const score = Object.fromEntries(merged.map((h) => [h.id, h.score]));
    expect(score.b).toBeCloseTo(Math.log(1 + 3 / 2));
    expect(score.c).toBeCloseTo(0.8 * Math.log(1 + 3 / 2));
    expect(score.a).toBeCloseTo(Math.log(1 + 3 / 2) + Math.log(1 + 3 / 1));
  });

  test('a merged page keeps where each of the words was found, for its excerpt', () => {
    const at = (id: string, words: number[]): Hit<string> => ({ id, score: 1, words, data: async () => id });
    const merged = fuse([
      { term: '老人', synonym: false, hits: [at('a', [9, 2])] },
      { term: '电话', synonym: true, hits: [at('a', [2, 5])] },
    ]);
    expect(merged[0]!.words).toEqual([2, 5, 9]);
  });

  test('a word one page repeats many times does not outweigh the other words of the question', () => {
    const merged = fuse([
      { term: '爸妈', synonym: false, hits: [hit('lesson', 30), hit('police', 1)] },
      { term: '警察', synonym: false, hits: [hit('police', 4), hit('parents', 1)] },
      { term: '冒充', synonym: false, hits: [hit('police', 5), hit('lesson', 1)] },
    ], 10);
    expect(merged[0]!.id).toBe('police');
  });

  test('a word found on few pages counts more than one found on most', () => {
    const merged = fuse([
      { term: '钱', synonym: false, hits: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => hit(id, id === 'a' ? 3 : 2)) },
      { term: '止付', synonym: false, hits: [hit('h', 1)] },
    ], 10);
    expect(merged[0]!.id).toBe('h');
  });

  test('a word naming who it happened to counts less than what happened', () => {
    const lists = [
      { term: '爸妈', synonym: false, person: true, hits: [hit('parents', 5)] },
      { term: '警察', synonym: false, hits: [hit('police', 5)] },
    ];
    expect(fuse(lists, 10)[0]!.id).toBe('police');
    const even = fuse(lists.map((l) => ({ ...l, person: false })), 10);
    expect(even[0]!.score).toBeCloseTo(even[1]!.score);
    expect(splitQuery('爸妈接到冒充警察的电话', 'zh-CN', zh).find((t) => t.word === '爸妈')!.person).toBe(true);
    expect(splitQuery('爸妈接到冒充警察的电话', 'zh-CN', zh).find((t) => t.word === '警察')!.person).toBeUndefined();
  });

  test('primary pages that answer well first, then the rest by score, ties in engine order', () => {
    const hits = [hit('lesson', 9), hit('x', 6), hit('y', 6), hit('z', 5), hit('weak', 1)];
    expect(ordered(hits, new Set(['x', 'y', 'z', 'weak'])).map((h) => h.id)).toEqual(['x', 'y', 'z', 'lesson', 'weak']);
  });
});
