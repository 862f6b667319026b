import { describe, expect, test } from 'vitest';
import { pickVoice, splitSentences } from '../../../src/lib/read-aloud';

const voice = (lang: string, localService: boolean, name = lang) => ({ lang, localService, name });

describe('pickVoice', () => {
  test.each([
    ['a local zh-CN voice', [voice('zh-CN', true)], 'zh-CN', 'zh-CN'],
    ['zh_CN written with an underscore', [voice('zh_CN', true)], 'zh-CN', 'zh_CN'],
    ['only a network zh-CN voice', [voice('zh-CN', false)], 'zh-CN', undefined],
    ['a local Cantonese voice for a Mandarin page', [voice('zh-HK', true)], 'zh-CN', undefined],
    ['a local Taiwan voice for a Mandarin page', [voice('zh-TW', true)], 'zh-CN', undefined],
    ['zh-CN preferred over plain zh', [voice('zh', true), voice('zh-CN', true)], 'zh-CN', 'zh-CN'],
    ['no voice at all', [], 'zh-CN', undefined],
    ['a local en-GB voice', [voice('en-US', false), voice('en-GB', true)], 'en', 'en-GB'],
    ['a local Australian voice when no British or American one exists', [voice('en-AU', true)], 'en', 'en-AU'],
    ['a zh voice for an English page', [voice('zh-CN', true)], 'en', undefined],
  ] as const)('%s', (_, voices, locale, name) => {
    expect(pickVoice(voices, locale)?.name).toBe(name);
  });
});

describe('splitSentences', () => {
  const texts = (blocks: string[]) => splitSentences(blocks).map((s) => blocks[s.block]!.slice(s.start, s.end));

  test.each([
    ['Chinese full stops', ['先挂断。再拨打 110！不转账？'], ['先挂断。', '再拨打 110！', '不转账？']],
    ['a closing quote stays with its sentence', ['他说：“我是警察。”然后挂了。'], ['他说：“我是警察。”', '然后挂了。']],
    ['English sentences', ['Hang up. Call 110! Never pay?'], ['Hang up.', 'Call 110!', 'Never pay?']],
    ['a decimal point is not an end', ['Cases fell 7.5% this year. Good.'], ['Cases fell 7.5% this year.', 'Good.']],
    ['a block without an end mark is one sentence', ['遇到这些，就是诈骗', '不转账'], ['遇到这些，就是诈骗', '不转账']],
    ['spaces and lone punctuation are dropped', ['  先挂断。  ', ' · ', ''], ['先挂断。']],
  ])('%s', (_, blocks, expected) => {
    expect(texts(blocks)).toEqual(expected);
  });

  test('names the block each sentence comes from', () => {
    expect(splitSentences(['一。二。', '三']).map((s) => s.block)).toEqual([0, 0, 1]);
  });
});
