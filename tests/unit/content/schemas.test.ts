import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { schemaProblems } from '../../../src/node/content-files';
import { ROOT } from '../helpers';

/**
 * A wrong frontmatter field fails its collection's schema, at that field. The schemas are the
 * build's own (src/lib/content-schemas.ts), read as scripts read them; frontmatter-errors.test.ts
 * shows once, through Astro, that such a failure stops the build naming the file and the field.
 */
/** The fields the schema complains of in the file, as `field.sub`. */
const problems = (collection: Parameters<typeof schemaProblems>[0], file: string, text: string) =>
  schemaProblems(collection, file, text).map((p) => p.slice(file.length + 2).split(': ')[0]);

describe('a wrong field fails its schema, at that field', () => {
  test.each([
    ['a missing title', 'scams', 'content/scams/online-loans.mdx', (t: string) => t.replace(/^title: .*\n/m, ''), 'title'],
    ['an unknown audience', 'scams', 'content/en/scams/online-romance.mdx', (t: string) => t.replace(/^audiences: \[/m, 'audiences: [pensioners, '), 'audiences.0'],
    ['a wrong type', 'audiences', 'content/en/audiences/seniors.mdx', (t: string) => t.replace(/^largeText: true$/m, 'largeText: maybe'), 'largeText'],
    ['a date that is not a date', 'news', 'content/news/2026-11-26-shanghai-police-results.mdx', (t: string) => t.replace(/^kind: explainer$/m, 'kind: news\ndate: soon'), 'date'],
    ['a news item without its date', 'news', 'content/en/news/2026-11-26-three-groups-tips.mdx', (t: string) => t.replace(/^kind: explainer$/m, 'kind: news'), 'date'],
    ['a figure without a number', 'facts', 'content/facts.yaml', (t: string) => t.replace('value: 72.4', 'value: lots'), 'value'],
    ['a figure without its translation', 'facts', 'content/facts.yaml', (t: string) => t.replace(/^  quoteEn: \*channels\n/m, ''), 'quoteEn'],
    ['a rule without a source', 'advice', 'content/advice/hang-up.yaml', (t: string) => t.replace(/^source: general\n/m, ''), 'source'],
    ['a short form over the screen limit', 'advice', 'content/advice/hang-up.yaml', (t: string) => t.replace('先挂断\\n别怕失礼', '先挂断电话或者退出聊天不用怕失礼'), 'short.zh'],
  ] as const)('%s (%s, %s)', (_what, collection, file, change, field) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const edited = change(text);
    expect(edited, 'the edit changed nothing').not.toBe(text);
    expect(problems(collection, file, text)).toEqual([]);
    expect(problems(collection, file, edited)).toContain(field);
  });
});
