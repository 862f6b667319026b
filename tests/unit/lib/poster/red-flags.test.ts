import { describe, expect, test } from 'vitest';
import { posterFlags, redFlagsInBody } from '../../../../src/lib/poster/red-flags';
import { readArticles } from '../../helpers';

describe('redFlagsInBody', () => {
  test('reads the items of the first <RedFlags> list', () => {
    const body = '## 现在就做\n\n- 不是这个\n\n<RedFlags title="遇到这些，要特别警惕">\n- 一\n- 二。\n  - 三\n</RedFlags>\n\n<RedFlags>\n- 四\n</RedFlags>\n';
    expect(redFlagsInBody(body, 'x.mdx')).toEqual(['一', '二。', '三']);
  });
  test('a body without a <RedFlags> list fails, naming the file', () => {
    expect(() => redFlagsInBody('- 一\n- 二\n', 'content/audiences/x.mdx')).toThrow('content/audiences/x.mdx: the body has no <RedFlags> list');
  });
  test('an item with markup fails, since the poster draws plain text', () => {
    expect(() => redFlagsInBody('<RedFlags>\n- **一**\n</RedFlags>', 'x.mdx')).toThrow('x.mdx: <RedFlags>: the poster draws plain text, but "**一**" carries markup');
  });
});

test('a poster takes the first three flags, and fewer fail', () => {
  expect(posterFlags(['a', 'b', 'c', 'd'], 'x')).toEqual(['a', 'b', 'c']);
  expect(() => posterFlags(['a', 'b'], 'content/scams/x.mdx')).toThrow('content/scams/x.mdx: a poster needs 3 red flags, found 2');
});

test.each([false, true])('every audience article (en: %s) has red flags for its poster', (en) => {
  const articles = readArticles('audiences', en);
  expect(articles.length).toBeGreaterThanOrEqual(5);
  for (const a of articles) expect(posterFlags(redFlagsInBody(a.body, a.path), a.path)).toHaveLength(3);
});
