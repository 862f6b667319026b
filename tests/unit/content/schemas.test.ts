import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { collections } from '../../../src/content.config';
import { ROOT } from '../helpers';

/**
 * A wrong frontmatter field fails its collection's schema, at that field. The schemas are
 * src/content.config.ts's own, called directly; frontmatter-errors.test.ts shows once, through
 * Astro, that such a failure stops the build naming the file and the field.
 */
type Schema = { safeParse(data: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } };
const schemaOf = (collection: keyof typeof collections) => (collections[collection] as unknown as { schema: Schema }).schema;

/** The data a file gives its collection: an MDX file's frontmatter, or a YAML file's entries. */
function entriesOf(file: string, text: string): unknown[] {
  if (file.endsWith('.mdx')) {
    const match = /^---\n([\s\S]*?)\n---/.exec(text);
    if (!match) throw new Error(`${file}: no frontmatter`);
    return [parse(match[1]!)];
  }
  const data = parse(text) as unknown;
  // The facts loader numbers the figures in file order (src/content.config.ts).
  return Array.isArray(data) ? data.map((entry: object, position) => ({ ...entry, position })) : [data];
}

/** The paths of the schema's complaints about the file, as `field.sub`, over all its entries. */
function problems(collection: keyof typeof collections, file: string, text: string): string[] {
  return entriesOf(file, text).flatMap((entry) => {
    const result = schemaOf(collection).safeParse(entry);
    return result.success ? [] : result.error!.issues.map((i) => i.path.map(String).join('.'));
  });
}

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
