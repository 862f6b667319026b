import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FACT_GROUPS } from '../../../src/lib/taxonomy';
import { normalizePunctuation, readArticles, readYaml, ROOT } from '../helpers';

interface Fact {
  id: string;
  group: string;
  value: number;
  display: { zh: string; en: string };
  quote: string;
  quoteEn: string;
  source: string;
}
interface Source {
  id: string;
  file: string;
}

const facts = readYaml<Fact[]>('facts.yaml');
const sources = readYaml<Source[]>('sources.yaml');
const sourceText = new Map(sources.map((s) => [s.id, normalizePunctuation(readFileSync(join(ROOT, s.file), 'utf8'))]));

/** Every figure the foundation issue lists, as the release writes it. */
const RELEASE_FIGURES = [
  '72.4%', '21.7%', '5.9%', '81.3%', '76.3%', '7.5%', '34.8%', '4.5%', '23%', '39.2%',
  '14.6%', '51.4%', '30.5%', '8300万', '263万', '1326.9万', '24.3万', '5万', '110名', '3300余万',
];

describe('content/facts.yaml', () => {
  test('ids are unique', () => {
    const ids = facts.map((f) => f.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test.each(facts.map((f) => [f.id, f] as const))('%s: the quote is word for word in its source', (_id, fact) => {
    const text = sourceText.get(fact.source);
    expect(text, `unknown source ${fact.source}`).toBeDefined();
    expect(text).toContain(normalizePunctuation(fact.quote));
  });

  test.each(facts.map((f) => [f.id, f] as const))('%s: the English translation of the quote gives the figure as the English display does', (_id, fact) => {
    // "down 7.5%" → 7.5%, "over 2.63 million yuan" → 2.63 million, "6 minutes" → 6-minute.
    const figure = /\d[\d.,]*(?:%| million)?/.exec(fact.display.en)?.[0];
    expect(figure, fact.display.en).toBeDefined();
    expect(fact.quoteEn).toMatch(new RegExp(`(?<![\\d.,])${figure!.replace(/[.]/g, '\\.')}(?![\\d])`));
  });

  test('figures that quote the same sentence give it the same translation', () => {
    const byQuote = new Map<string, Set<string>>();
    for (const f of facts) byQuote.set(f.quote, (byQuote.get(f.quote) ?? new Set()).add(f.quoteEn));
    expect([...byQuote].filter(([, ens]) => ens.size > 1).map(([quote]) => quote)).toEqual([]);
  });

  test.each(facts.map((f) => [f.id, f] as const))('%s: the value and the Chinese display appear in the quote', (_id, fact) => {
    expect(fact.quote).toContain(String(Math.abs(fact.value)));
    expect(fact.quote).toContain(fact.display.zh.replace(/^(下降|上升) /, ''));
  });

  test('every group is one that /stats/ draws', () => {
    expect(facts.map((f) => f.group).filter((g) => !(FACT_GROUPS as readonly string[]).includes(g))).toEqual([]);
  });

  test('every figure of the release is in facts.yaml', () => {
    const all = facts.map((f) => f.display.zh.replace(/^(下降|上升) /, '')).join(' ');
    expect(RELEASE_FIGURES.filter((figure) => !all.includes(figure))).toEqual([]);
  });

  test('a fall is negative and a rise positive, as the display says', () => {
    for (const f of facts) {
      if (f.display.zh.startsWith('下降')) expect(f.value, f.id).toBeLessThan(0);
      if (f.display.zh.startsWith('上升')) expect(f.value, f.id).toBeGreaterThan(0);
    }
  });
});

describe('figures used in articles', () => {
  const ids = new Set(facts.map((f) => f.id));
  const trees = ['scams', 'audiences', 'guides', 'news'];
  const files = trees.flatMap((tree) => [...readArticles(tree), ...readArticles(tree, true)]);

  test.each(files.map((f) => [f.path.slice(ROOT.length + 1), f] as const))('%s names only known figures', (_p, file) => {
    const used = [...file.body.matchAll(/<Figure\s+fact="([^"]+)"/g)].map((m) => m[1]!);
    const listed = (file.data.facts as string[] | undefined) ?? [];
    expect([...used, ...listed].filter((id) => !ids.has(id))).toEqual([]);
  });

  test.each(files.map((f) => [f.path.slice(ROOT.length + 1), f] as const))('%s writes only percentages from facts.yaml', (_p, file) => {
    const known = new Set(facts.map((f) => `${Math.abs(f.value)}%`));
    const written = [...file.body.matchAll(/(\d+(?:\.\d+)?)\s*%/g)].map((m) => `${m[1]}%`);
    expect(written.filter((p) => !known.has(p))).toEqual([]);
  });
});
