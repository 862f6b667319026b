import { getCollection } from 'astro:content';
import { addressed, adviceRule } from './advice';
import { beianLinks } from '../lib/beian';
import { pick, t, type Locale } from '../lib/i18n';

/**
 * What the footer of every page says beside its interface strings: 96110 and what to do when it
 * calls (addressing the reader as 您 on a polite page), the sources the site rests on, and the
 * 备案 numbers of a site served from mainland China (set at build time; see README, "Deploying").
 */
export async function siteFooter(locale: Locale, polite: boolean) {
  return {
    note96110: addressed(t(locale, 'hotline.note96110'), locale, polite),
    answer96110: await adviceRule('answer-96110', locale, 'the site footer', polite),
    sources: (await getCollection('sources')).map((s) => ({ title: pick(s.data.title, locale), publisher: pick(s.data.publisher, locale) })),
    beian: beianLinks({ SITE_ICP: process.env.SITE_ICP, SITE_PSB: process.env.SITE_PSB }),
  };
}
export type SiteFooterData = Awaited<ReturnType<typeof siteFooter>>;
