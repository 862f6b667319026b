import type { Locale } from './i18n';

/**
 * Formatters are made once: building one costs far more than formatting a date with it, and a
 * build formats several dates on each of thousands of pages.
 */
const LONG = new Map<Locale, Intl.DateTimeFormat>();
const ISO = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Shanghai' });

/** A calendar date as readers expect it: 2026年11月26日 / 26 November 2026 (Shanghai time). */
export function formatDate(date: Date, locale: Locale): string {
  let format = LONG.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Shanghai' });
    LONG.set(locale, format);
  }
  return format.format(date);
}

/** The machine-readable form for `<time datetime>`: YYYY-MM-DD, the same Shanghai day formatDate shows. */
export function isoDate(date: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return ISO.format(date);
}
