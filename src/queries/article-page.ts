import { getCollection, getEntries, type CollectionEntry } from 'astro:content';
import { adviceIdsIn, adviceSetIdsIn, namedSourcesOf } from '../lib/advice-rules';
import { articleCrumbs, searchFacets } from '../lib/article-meta';
import type { Locale } from '../lib/i18n';
import { linksByKey, linksFor } from './content';
import { picturePath } from './posters';
import { allQuizzes } from './quizzes';

/** The articles ArticleLayout shows: scam categories, audiences, guides and news. */
export type ArticleEntry = CollectionEntry<'scams'> | CollectionEntry<'audiences'> | CollectionEntry<'guides'> | CollectionEntry<'news'>;

/**
 * What an article page shows around its body, gathered before it renders: its sources and
 * figures, the official texts behind the tips its body shows, the breadcrumbs, the related scams
 * and audiences, its quiz, its pictures and its search filters. A page passes it to ArticleLayout.
 */
export async function articlePage(entry: ArticleEntry, locale: Locale) {
  const data = entry.data;
  const sources = await getEntries(data.sources);
  const facts = 'facts' in data ? await getEntries(data.facts) : [];
  // The official texts behind the tips this page shows, so a reader sees them where the tips are.
  const rules = new Map((await getCollection('advice')).map((r) => [r.id, r.data.source]));
  const sets = new Map((await getCollection('adviceSets')).map((s) => [s.id, s.data.advice.map((r) => r.id)]));
  const body = entry.body ?? '';
  const usedRules = [...adviceIdsIn(entry.filePath ?? '', body), ...adviceSetIdsIn(body).flatMap((id) => sets.get(id) ?? [])];
  const adviceSources = namedSourcesOf(usedRules, (id) => rules.get(id));
  const scamLinks = await linksByKey('scams', locale);
  const audienceLinks = await linksByKey('audiences', locale);
  const quiz = entry.collection === 'audiences' ? (await allQuizzes()).find((q) => q.id === entry.data.key) : undefined;
  const relatedAudiences = linksFor(audienceLinks, 'audiences' in data ? data.audiences : []);
  const relatedScams = linksFor(scamLinks, 'scams' in data ? data.scams : []);
  return {
    sources,
    facts,
    adviceSources,
    crumbs: articleCrumbs(entry.collection, locale),
    quiz,
    relatedAudiences,
    relatedScams,
    /** Scam and audience pages have a poster to forward and their own share picture. */
    pictures:
      entry.collection === 'scams' || entry.collection === 'audiences'
        ? { poster: picturePath(locale, entry.collection, entry.data.key, 'poster'), og: picturePath(locale, entry.collection, entry.data.key, 'og') }
        : undefined,
    /** Search filters: the page type, the scam categories and the audiences the page is about. */
    searchFilters: searchFacets({
      collection: entry.collection,
      locale,
      name: entry.collection === 'scams' || entry.collection === 'audiences' ? entry.data.name : undefined,
      scams: relatedScams.map((s) => s.name),
      audiences: relatedAudiences.map((a) => a.name),
    }),
  };
}

export type ArticlePage = Awaited<ReturnType<typeof articlePage>>;
