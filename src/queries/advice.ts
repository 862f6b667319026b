import { getEntry, type CollectionEntry } from 'astro:content';
import { politeZh, shortLine } from '../lib/advice-rules';
import { pick, type Locale } from '../lib/i18n';

export type AdviceEntry = CollectionEntry<'advice'>;

/** One rule in one language: its id, its full sentence and its screen form (lines split by \n, and on one line). */
export interface Rule {
  id: string;
  text: string;
  short: string;
  line: string;
}

/** `text` addressed to the reader as the page does: 您 on a polite Chinese page, as written elsewhere. */
export function addressed(text: string, locale: Locale, polite: boolean): string {
  return polite && locale === 'zh-CN' ? politeZh(text) : text;
}

/** A rule entry in `locale`; `polite` addresses a Chinese reader as 您. */
export function localRule(entry: AdviceEntry, locale: Locale, polite = false): Rule {
  const words = (text: string) => addressed(text, locale, polite);
  const short = words(pick(entry.data.short, locale));
  return { id: entry.id, text: words(pick(entry.data.text, locale)), short, line: shortLine(short, locale === 'en' ? 'en' : 'zh') };
}

/** One rule by id; an unknown id fails the build, naming `from` (the file or page that asked) and the id. */
export async function adviceRule(id: string, locale: Locale, from = 'a page', polite = false): Promise<Rule> {
  if (typeof id !== 'string' || !id) throw new Error(`${from}: advice id must be a rule id from content/advice/, got ${JSON.stringify(id)}`);
  const entry = await getEntry('advice', id);
  if (!entry) throw new Error(`${from}: unknown advice id "${id}": there is no content/advice/${id}.yaml`);
  return localRule(entry, locale, polite);
}

/**
 * An ordered set of rules from content/advice-sets.yaml in `locale` (`first-ten-minutes`,
 * `not-sure`, `kiosk-hold` …), so every place that shows it uses the same words.
 */
export async function adviceSet(id: string, locale: Locale, from = 'a page', polite = false): Promise<{ id: string; title: string; rules: Rule[] }> {
  const set = await getEntry('adviceSets', id);
  if (!set) throw new Error(`${from}: unknown advice set "${id}": it is not in content/advice-sets.yaml`);
  const rules = await Promise.all(set.data.advice.map((ref) => adviceRule(ref.id, locale, `content/advice-sets.yaml: ${id}`, polite)));
  return { id, title: pick(set.data.title, locale), rules };
}

/** An advice set in both languages, for views that carry zh and en in one page (the kiosk). */
export async function adviceSetBoth(id: string, from = 'a page') {
  const [zh, en] = await Promise.all([adviceSet(id, 'zh-CN', from), adviceSet(id, 'en', from)]);
  return { zh, en };
}

/**
 * Whether the page being rendered addresses its reader as 您: set by the article layout from
 * the article's `politeYou`, read by <Advice>, <AdviceList> and <Hotline> in its body.
 */
export function politeReader(locals: object): boolean {
  return (locals as { politeYou?: boolean }).politeYou === true;
}

/** Marks the page being rendered as addressing its reader as 您 (or not). */
export function setPoliteReader(locals: object, polite: boolean): void {
  (locals as { politeYou?: boolean }).politeYou = polite;
}
