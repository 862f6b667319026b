import zh from '../../content/ui/zh.json' with { type: 'json' };
import enStrings from '../../content/ui/en.json' with { type: 'json' };

/** The site's two languages. zh-CN is served at /, English under /en/. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Interface strings, by dotted key, in content/ui/zh.json and content/ui/en.json: words only, so
 * an editor changes them without touching code. A key missing from en.json fails the type check;
 * a test keeps the two files' keys the same. Copy that belongs to one page lives in its page's
 * content file, not here.
 */
export type StringKey = keyof typeof zh;
const en: Record<StringKey, string> = enStrings;

const STRINGS: Record<Locale, Record<StringKey, string>> = { 'zh-CN': zh, en };

/** "被骗或拿不准？立即拨打" / "Scammed, or not sure? Call": the words before 110 wherever it is printed. */
export function callLead(locale: Locale): string {
  return `${t(locale, 'hotline.lead')}${wordSpace(locale)}${t(locale, 'hotline.call')}`;
}

/** The interface string `key` in `locale`. */
export function t(locale: Locale, key: StringKey): string {
  return STRINGS[locale][key];
}

/** Every key of one locale, for the test that keeps zh and en in step. */
export function stringKeys(locale: Locale): string[] {
  return Object.keys(STRINGS[locale]).sort();
}

/** The value of a bilingual data field ({zh, en}) in `locale`. */
export function pick(text: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** The `lang` attribute for a locale. */
export function htmlLang(locale: Locale): string {
  return locale;
}

/** The colon after a label: full-width in Chinese, “: ” in English. */
export function colon(locale: Locale): string {
  return locale === 'en' ? ': ' : '：';
}

/** The space between two sentences or phrases set side by side: none in Chinese, one in English. */
export function wordSpace(locale: Locale): string {
  return locale === 'en' ? ' ' : '';
}

/** The separator between items of an inline list: 、 in Chinese, “, ” in English. */
export function listSep(locale: Locale): string {
  return locale === 'en' ? ', ' : '、';
}

/** A note in brackets after a label: （…） in Chinese, “ (…)” in English. */
export function bracket(text: string, locale: Locale): string {
  return locale === 'en' ? ` (${text})` : `（${text}）`;
}
