import rss from '@astrojs/rss';
import { articlesIn } from './content';
import { t, type Locale } from './i18n';
import { articlePath, slugOfId } from './routes';

/** The RSS feed of alerts and news in `locale`, newest first. */
export async function newsFeed(locale: Locale, site: URL | undefined) {
  if (!site) throw new Error('astro.config.mjs: site: must be set for RSS feeds');
  const items = await articlesIn('news', locale);
  return rss({
    title: `${t(locale, 'site.name')}: ${t(locale, 'news.title')}`,
    description: t(locale, 'news.description'),
    site,
    items: items.map((n) => ({
      title: n.data.title,
      description: n.data.summary,
      pubDate: n.data.date,
      link: articlePath(locale, 'news', slugOfId(n.id)),
      categories: [t(locale, `news.kind.${n.data.kind}`)],
    })),
    customData: `<language>${locale === 'en' ? 'en' : 'zh-cn'}</language>`,
  });
}
