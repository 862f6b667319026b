import { adviceRule } from './advice';
import { articlesIn } from './content';
import { factById } from './facts';
import type { Locale } from '../lib/i18n';

/** What the home page shows: the scam categories, the audiences, the three latest news items, three key figures and the rule to ask first. */
export async function homePage(locale: Locale) {
  return {
    scams: await articlesIn('scams', locale),
    audiences: await articlesIn('audiences', locale),
    news: (await articlesIn('news', locale)).slice(0, 3),
    keyFacts: await Promise.all(['six-categories-cases', 'money-returned', 'warning-texts'].map(factById)),
    askFirst: await adviceRule('call-110-to-ask', locale, 'HomeView'),
  };
}
export type HomePage = Awaited<ReturnType<typeof homePage>>;
