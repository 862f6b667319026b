import rss from '@astrojs/rss';
import { articlesIn } from './content';
import { t, type Locale } from '../lib/i18n';
import { articlePath, slugOfId } from '../lib/routes';

/**
 * The RSS feed in `locale`, newest first: alerts and news by their date, and every scam and
 * audience article by the day it was last reviewed, so a new or rewritten page reaches
 * subscribers without anyone writing a news item for it. Explainers have no date of their own,
 * so they stay out: a feed item's date would present them as news of that day.
 */
export async function newsFeed(locale: Locale, site: URL | undefined) {
  if (!site) throw new Error('astro.config.mjs: site: must be set for RSS feeds');
  const dated = (await articlesIn('news', locale)).filter((n): n is typeof n & { data: { date: Date } } => n.data.date !== undefined);
  const news = dated.map((n) => ({
    title: n.data.title,
    description: n.data.summary,
    pubDate: n.data.date,
    link: articlePath(locale, 'news', slugOfId(n.id)),
    categories: [t(locale, `news.kind.${n.data.kind}`)],
  }));
  const pages = (['scams', 'audiences'] as const).map(async (tree) =>
    (await articlesIn(tree, locale)).map((a) => ({
      title: a.data.title,
      description: a.data.summary,
      pubDate: a.data.updated,
      link: articlePath(locale, tree, a.data.key),
      categories: [t(locale, tree === 'scams' ? 'type.scam' : 'type.audience')],
    })),
  );
  const items = [...news, ...(await Promise.all(pages)).flat()].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
  return rss({
    title: `${t(locale, 'site.name')}: ${t(locale, 'news.title')}`,
    description: t(locale, 'news.description'),
    site,
    items,
    customData: `<language>${locale === 'en' ? 'en' : 'zh-cn'}</language>`,
  });
}
