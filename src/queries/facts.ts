import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Locale } from '../lib/i18n';
import { FACT_GROUPS } from '../lib/taxonomy';

export type Fact = CollectionEntry<'facts'>;
export type Source = CollectionEntry<'sources'>;

/** One figure by id; an unknown id fails the build, naming it. */
export async function factById(id: string): Promise<Fact> {
  const fact = await getEntry('facts', id);
  if (!fact) throw new Error(`unknown figure id "${id}": it is not in content/facts.yaml`);
  return fact;
}

/** The source a figure comes from. */
export async function sourceOf(fact: Fact): Promise<Source> {
  const source = await getEntry(fact.data.source);
  if (!source) throw new Error(`content/facts.yaml: ${fact.id}: source: unknown source "${fact.data.source.id}"`);
  return source;
}

/** Every figure, grouped in /stats/ page order, each group in file order. */
export async function factsByGroup(): Promise<{ group: (typeof FACT_GROUPS)[number]; facts: Fact[] }[]> {
  const all = (await getCollection('facts')).sort((a, b) => a.data.position - b.data.position);
  return FACT_GROUPS.map((group) => ({ group, facts: all.filter((f) => f.data.group === group) }));
}

/** The anchor of a figure on /stats/. */
export function factAnchor(id: string): string {
  return `fact-${id}`;
}

/** A source as cited under an article: publisher, title and period. */
export function citation(source: Source, locale: Locale): string {
  const { publisher, title, period } = source.data;
  return locale === 'en'
    ? `${publisher.en}: “${title.en}” (${period.en})`
    : `${publisher.zh}：“${title.zh}”（${period.zh}）`;
}

/** What /stats/ shows: the figures by group, and the sources they come from, each once. */
export async function statsPage() {
  const groups = await factsByGroup();
  const sources = [...new Map((await Promise.all(groups.flatMap((g) => g.facts).map(sourceOf))).map((s) => [s.id, s])).values()];
  return { groups, sources };
}
export type StatsPage = Awaited<ReturnType<typeof statsPage>>;

/**
 * What /sources/ lists: the releases, and every rule of advice with its source: a release's
 * sentence, a named official text, or `general` (not yet matched to one).
 */
export async function sourcesPage() {
  const releases = await getCollection('sources');
  const rules = (await getCollection('advice')).sort((a, b) => a.id.localeCompare(b.id));
  const rows = await Promise.all(
    rules.map(async (rule) => {
      const source = rule.data.source;
      if (source === 'general') return { rule, kind: 'general' as const };
      if ('quote' in source) {
        // The advice loader has checked that the release exists.
        const release = (await getEntry(source.release))!;
        return { rule, kind: 'quote' as const, quote: source.quote, release };
      }
      return { rule, kind: 'official' as const, official: source };
    }),
  );
  return { releases, rows };
}
export type SourcesPage = Awaited<ReturnType<typeof sourcesPage>>;
