/**
 * Build time: what the /check/ page needs from content, in one language. Signals are written
 * once, bilingual, in the zh scam articles and content/signals.yaml.
 */
import { getCollection } from 'astro:content';
import { adviceRule, adviceSet } from './advice';
import { articlesIn, linksByKey } from './content';
import { pick, stringKeys, t, wordSpace, type Locale } from '../lib/i18n';
import { SCAM_SLUGS } from '../lib/taxonomy';
import { compileSignals, signalSources } from '../lib/check/compile';
import type { CheckData } from '../lib/check/match';
import type { CheckPayload } from '../client/check';

/** A signal as the page shows it. */
export interface ShownSignal {
  id: string;
  label: string;
  meaning: string;
}

export interface CheckPageData {
  /** What the browser matches against. */
  data: CheckData;
  /** Name and page of every scam category, by slug. */
  categories: Record<string, { name: string; href: string }>;
  /** Every signal's label and meaning, as a checklist: the shared signals, then each category's own. */
  checklist: { general: ShownSignal[]; scams: { slug: string; name: string; href: string; signals: ShownSignal[] }[] };
}

let compiled: Promise<CheckData> | undefined;

async function zhSignals() {
  const shared = await getCollection('signals');
  if (shared.length === 0) {
    // Astro's file loader logs a YAML error and carries on with nothing; stop here instead.
    throw new Error('content/signals.yaml: no signals loaded; the file does not parse (see the error above)');
  }
  // The signals are written once, in the zh articles (checked once per build).
  return { shared: shared.map((e) => e.data), scams: await articlesIn('scams', 'zh-CN') };
}

/** The /check/ page's data in `locale`. */
export async function checkPageData(locale: Locale): Promise<CheckPageData> {
  const { shared, scams } = await zhSignals();
  compiled ??= Promise.resolve().then(() =>
    compileSignals(
      signalSources(
        shared,
        scams.map((e) => [e.filePath ?? `content/scams/${e.data.key}.mdx`, e.data.key, e.data.signals] as const),
      ),
      SCAM_SLUGS,
    ),
  );
  type Written = { id: string; label: { zh: string; en: string }; meaning?: { zh: string; en: string }; advice?: string };
  const show = async (s: Written, file: string): Promise<ShownSignal> => ({
    id: s.id,
    label: pick(s.label, locale),
    meaning: s.meaning ? pick(s.meaning, locale) : (await adviceRule(s.advice!, locale, `${file}: signals: ${s.id}: advice`)).text,
  });
  // Every category has an article in each language (checked once per build).
  const links = await linksByKey('scams', locale);
  const category = (slug: string) => links.get(slug)!;
  const general = await Promise.all(shared.map((s) => show(s, 'content/signals.yaml')));
  const own = await Promise.all(
    scams.map(async (e) => ({
      slug: e.data.key,
      ...category(e.data.key),
      signals: await Promise.all(e.data.signals.map((s) => show(s, e.filePath ?? `content/scams/${e.data.key}.mdx`))),
    })),
  );
  return {
    data: await compiled,
    categories: Object.fromEntries(SCAM_SLUGS.map((slug) => [slug, category(slug)])),
    checklist: { general, scams: own.filter((c) => c.signals.length > 0) },
  };
}

/** The words the page's script shows, by key under `check.` in the UI strings. */
const CLIENT_KEYS = ['empty', 'truncated', 'warning.title', 'warning.text', 'caution.title', 'caution.text', 'none.title', 'found', 'quoted', 'sep', 'inText', 'likely'];

/**
 * Everything /check/ shows in `locale`: the checklist, the rules for a reader not sure and for
 * the first ten minutes, and the payload its script reads (the compiled signals, the category
 * links and the words it shows).
 */
export async function checkPage(locale: Locale) {
  const page = await checkPageData(locale);
  const [notSure, firstTen] = await Promise.all([adviceSet('not-sure', locale, 'the /check/ page'), adviceSet('first-ten-minutes', locale, 'the /check/ page')]);
  const missing = CLIENT_KEYS.filter((key) => !stringKeys(locale).includes(`check.${key}`));
  if (missing.length) throw new Error(`content/ui/${locale === 'en' ? 'en' : 'zh'}.json: missing ${missing.map((k) => `check.${k}`).join(', ')}`);
  const strings = Object.fromEntries(CLIENT_KEYS.map((key) => [key, t(locale, `check.${key}` as Parameters<typeof t>[1])]));
  // With nothing found the answer goes on to say who to treat as a scammer: the home page's rule, reused.
  strings['none.text'] = `${t(locale, 'check.none.text')}${wordSpace(locale)}${t(locale, 'home.heroText')}`;
  const payload: CheckPayload = { data: page.data, categories: page.categories, t: strings };
  return { checklist: page.checklist, notSure, firstTen, payload };
}
export type CheckPage = Awaited<ReturnType<typeof checkPage>>;
