import { getEntry, type CollectionEntry } from 'astro:content';
import { checkedContent, type ArticleCollection } from './checked';
import type { Locale } from '../lib/i18n';
import { articlePath, slugOfId } from '../lib/routes';
import type { SearchWords } from '../lib/search-plan';

/** The articles of one collection in `locale`, in list order, checked across entries (src/queries/checked.ts). */
export async function articlesIn<C extends ArticleCollection>(collection: C, locale: Locale): Promise<CollectionEntry<C>[]> {
  return [...(await checkedContent()).articles[collection][locale]];
}

/** `getStaticPaths` for an article route: one page per entry, with the entry as a prop. */
export async function articlePaths<C extends ArticleCollection>(collection: C, locale: Locale) {
  const entries = await articlesIn(collection, locale);
  return entries.map((entry) => ({ params: { slug: slugOfId(entry.id) }, props: { entry } }));
}

/** Short names and paths of one collection's articles in `locale`, by key: for links between articles. */
export async function linksByKey(collection: 'scams' | 'audiences', locale: Locale) {
  const entries = await articlesIn(collection, locale);
  return new Map(entries.map((e) => [e.data.key as string, { name: e.data.name, href: articlePath(locale, collection, e.data.key) }]));
}

/**
 * What a scam's print card says of its own, from the zh article (`card`) for both languages: the
 * rule ids it highlights before its money-gone steps, and its title and steps heading where the
 * usual ones do not fit. Every zh article has one (checked once per build).
 */
export async function scamCard(key: string): Promise<ScamCard> {
  return (await articlesIn('scams', 'zh-CN')).find((e) => e.data.key === key)!.data.card!;
}
type ScamCard = NonNullable<CollectionEntry<'scams'>['data']['card']>;

/** A stand-alone guide such as /report/ in `locale`; each is there in both languages (checked once per build). */
export async function guide(key: 'report', locale: Locale): Promise<CollectionEntry<'guides'>> {
  return (await articlesIn('guides', locale)).find((e) => e.data.key === key)!;
}

/** A statement about the site (accessibility, privacy) in `locale`; each is there in both languages (checked once per build). */
export async function statement(key: 'accessibility' | 'privacy', locale: Locale): Promise<CollectionEntry<'statements'>> {
  return (await articlesIn('statements', locale)).find((e) => e.data.key === key)!;
}

/** The links for `keys`; every key an article names has an article in its language (checked once per build). */
export function linksFor(links: Map<string, { name: string; href: string }>, keys: readonly string[]): { name: string; href: string }[] {
  return keys.map((key) => links.get(key)!);
}

/**
 * What the site search knows of `locale`'s words: content/search/<zh|en>.yaml, with the scams'
 * aliases and the other articles' `askedAs` as phrases to keep whole when a question is split.
 */
export async function searchWords(locale: Locale): Promise<SearchWords> {
  const file = locale === 'en' ? 'en' : 'zh';
  const entry = await getEntry('searchWords', file);
  if (!entry) throw new Error(`content/search/${file}.yaml is missing`);
  const aliases = [
    ...(await articlesIn('scams', locale)).flatMap((s) => s.data.aliases),
    ...(await articlesIn('audiences', locale)).flatMap((a) => a.data.askedAs),
    ...(await articlesIn('guides', locale)).flatMap((g) => g.data.askedAs),
  ];
  const { synonyms, filler, situation, people } = entry.data;
  return { synonyms, filler, situation, people, phrases: [...new Set([...synonyms.flat(), ...aliases])] };
}

/** What /news/ lists: every news item and alert in `locale`, newest first. */
export async function newsListPage(locale: Locale) {
  return { items: await articlesIn('news', locale) };
}
export type NewsListPage = Awaited<ReturnType<typeof newsListPage>>;

/** What /scams/ lists: the scam categories in `locale`, in list order. */
export async function scamListPage(locale: Locale) {
  return { scams: await articlesIn('scams', locale) };
}
export type ScamListPage = Awaited<ReturnType<typeof scamListPage>>;

/** What /audiences/ shows: the audience articles and the scam categories, for the matrix. */
export async function audiencesPage(locale: Locale) {
  return { scams: await articlesIn('scams', locale), audiences: await articlesIn('audiences', locale) };
}
export type AudiencesPage = Awaited<ReturnType<typeof audiencesPage>>;

/** What /search/ needs: the scam categories' and audiences' names for its filters, and the words it knows. */
export async function searchPage(locale: Locale) {
  return {
    scamNames: (await articlesIn('scams', locale)).map((s) => s.data.name),
    audienceNames: (await articlesIn('audiences', locale)).map((a) => a.data.name),
    words: await searchWords(locale),
  };
}
export type SearchPage = Awaited<ReturnType<typeof searchPage>>;
