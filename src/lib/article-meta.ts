import { t, type Locale } from './i18n';
import { localePath } from './routes';

/** The article collections, each with its page type for search and its section in the breadcrumbs. */
export type ArticleCollection = 'scams' | 'audiences' | 'guides' | 'news';

const PAGE_TYPE = { scams: 'scam', audiences: 'audience', guides: 'guide', news: 'news' } as const;
const SECTION = { scams: ['/scams/', 'nav.scams'], audiences: ['/audiences/', 'nav.audiences'], news: ['/news/', 'nav.news'] } as const;

/** The breadcrumbs above an article: its section's list page, or none for a guide. */
export function articleCrumbs(collection: ArticleCollection, locale: Locale): { href: string; label: string }[] {
  if (collection === 'guides') return [];
  const [path, label] = SECTION[collection];
  return [{ href: localePath(locale, path), label: t(locale, label) }];
}

export interface FacetInput {
  collection: ArticleCollection;
  locale: Locale;
  /** The article's own name, for a scam or audience page. */
  name?: string;
  /** Names of the scams and audiences the article is about. */
  scams: readonly string[];
  audiences: readonly string[];
}

/**
 * An article's search filters, as Pagefind reads them (`key:value`): its page type, the scam
 * categories and the audiences it is about. A scam page is its own category and an audience page
 * its own audience, whatever it links to.
 */
export function searchFacets({ collection, locale, name, scams, audiences }: FacetInput): string[] {
  const own = (of: ArticleCollection, related: readonly string[]) => {
    if (collection !== of) return related;
    if (!name) throw new Error(`searchFacets: a page of ${collection} needs its own name`);
    return [name];
  };
  return [
    `type:${t(locale, `type.${PAGE_TYPE[collection]}`)}`,
    ...own('scams', scams).map((n) => `category:${n}`),
    ...own('audiences', audiences).map((n) => `audience:${n}`),
  ];
}
