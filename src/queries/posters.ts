import type { CollectionEntry } from 'astro:content';
import { adviceRule, adviceSet } from './advice';
import { articlesIn } from './content';
import { callLead, t, type Locale } from '../lib/i18n';
import { OG, POSTER, type PosterWords } from '../lib/poster/layout';
import { posterFlags, redFlagsInBody } from '../lib/poster/red-flags';
import { absoluteUrl, articlePath, localePath, slugOfId } from '../lib/routes';

/** The pictures each scam and audience page has, by file name: the poster to forward and the Open Graph image. */
export const PAGE_PICTURES = { poster: POSTER, og: OG } as const;
export type PagePicture = keyof typeof PAGE_PICTURES;
type Tree = 'scams' | 'audiences';

/** Site path of one of a page's pictures: `/scams/online-loans/poster.png`. */
export function picturePath(locale: Locale, tree: Tree, slug: string, picture: PagePicture): string {
  return localePath(locale, `/${tree}/${slug}/${picture}.png`);
}

/** What the poster of a scam or audience page says, in the page's language. */
export async function posterWords(entry: CollectionEntry<'scams'> | CollectionEntry<'audiences'>, locale: Locale, site: URL | undefined): Promise<PosterWords> {
  const tree = entry.collection;
  const slug = slugOfId(entry.id);
  const from = entry.filePath ?? entry.id;
  const flags = entry.collection === 'scams' ? entry.data.redFlags : redFlagsInBody(entry.body ?? '', from);
  // The rules are the kiosk's three, in their screen form: the same words wherever the site is brief.
  const set = await adviceSet('kiosk-hold', locale, `${tree}/${slug}/poster.png`);
  const answer96110 = await adviceRule('answer-96110', locale, `${tree}/${slug}/poster.png`);
  const lang = locale === 'en' ? 'en' : 'zh';
  return {
    lang,
    kicker: t(locale, 'site.name'),
    title: entry.data.title,
    flagsHeading: t(locale, 'card.flags'),
    flags: posterFlags(flags, from),
    rulesHeading: set.title,
    rules: set.rules.map((r) => r.line),
    callLead: callLead(locale),
    callNote: t(locale, 'hotline.note110'),
    warn96110: answer96110.line,
    scan: t(locale, 'card.scan'),
    url: absoluteUrl(articlePath(locale, tree, slug), site),
  };
}

/** `getStaticPaths` for the pictures route: every scam and audience page in `locale`, each picture. */
export async function picturePaths(locale: Locale) {
  const entries = [...(await articlesIn('scams', locale)), ...(await articlesIn('audiences', locale))];
  return entries.flatMap((entry) =>
    (Object.keys(PAGE_PICTURES) as PagePicture[]).map((picture) => ({
      params: { tree: entry.collection, slug: slugOfId(entry.id), picture },
      props: { entry, picture },
    })),
  );
}
