import type { CollectionEntry } from 'astro:content';
import { adviceRule, adviceSet } from './advice';
import { articlesIn, scamCard } from './content';
import { pick, t, type Locale } from '../lib/i18n';
import { slugOfId } from '../lib/routes';

/**
 * What a scam's print card (/print/<scam>/) says, every line a rule from content/advice/: the
 * scam's own highlighted lines (`card` in its zh article), the first ten minutes in the same
 * words as /report/, and 96110's screen form; its heading and steps heading; and as many signs
 * as one A4 page holds beside them.
 */
export async function printCard(entry: CollectionEntry<'scams'>, locale: Locale) {
  const from = `/print/${entry.data.key}/`;
  const card = await scamCard(entry.data.key);
  const lines = await Promise.all(card.advice.map((id) => adviceRule(id, locale, from)));
  return {
    heading: card.title ? pick(card.title, locale) : t(locale, 'card.title'),
    stepsHeading: card.steps ? pick(card.steps, locale) : t(locale, 'card.steps'),
    lines,
    steps: (await adviceSet('first-ten-minutes', locale, from)).rules,
    answer96110: await adviceRule('answer-96110', locale, from),
    // One A4 page holds four signs and one highlighted line; a card with a second line shows three.
    flags: entry.data.redFlags.slice(0, 5 - lines.length),
  };
}
export type PrintCard = Awaited<ReturnType<typeof printCard>>;

/** `getStaticPaths` for /print/<scam>/: each scam category in `locale`, with its card. */
export async function printCardPaths(locale: Locale) {
  return Promise.all((await articlesIn('scams', locale)).map(async (entry) => ({ params: { slug: slugOfId(entry.id) }, props: { entry, card: await printCard(entry, locale) } })));
}
