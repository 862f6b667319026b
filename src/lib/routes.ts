import type { Locale } from './i18n';

/** The locale of a content entry, from its id: `en/scams/x` is English, `scams/x` Chinese. */
export function localeOfId(id: string): Locale {
  return id.startsWith('en/') ? 'en' : 'zh-CN';
}

/** The file-name slug of a content entry id: `en/scams/online-loans` → `online-loans`. */
export function slugOfId(id: string): string {
  const slug = id.split('/').pop();
  if (!slug) throw new Error(`content id "${id}" has no slug`);
  return slug;
}

/** A site path in `locale`: `localePath('en', '/stats/')` → `/en/stats/`. */
export function localePath(locale: Locale, path: string): string {
  if (!path.startsWith('/')) throw new Error(`path must start with "/", got "${path}"`);
  return locale === 'en' ? `/en${path}` : path;
}

/**
 * The locale of the page being rendered: `Astro.currentLocale`, which Astro's i18n routing
 * (astro.config.mjs) takes from the page's address. Layouts and components use this; a page
 * passes it to its view. An entry shown on a page of the other language fails the build.
 */
export function pageLocale(current: string | undefined, entryId?: string): Locale {
  if (current !== 'zh-CN' && current !== 'en') throw new Error(`no locale for this page: Astro.currentLocale is ${JSON.stringify(current)}`);
  if (entryId !== undefined && localeOfId(entryId) !== current) throw new Error(`content entry "${entryId}" is ${localeOfId(entryId)}, shown on a ${current} page`);
  return current;
}

/** The locale a site path belongs to. */
export function localeOfPath(path: string): Locale {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'zh-CN';
}

/** The same page in the other language: `/stats/` ↔ `/en/stats/`. */
export function twinPath(path: string): string {
  if (localeOfPath(path) === 'en') return path.slice(3) || '/';
  return `/en${path}`;
}

/**
 * The absolute address of a site path. astro.config.mjs always sets `site` (from SITE_URL or
 * the local default), so a missing one is a configuration error.
 */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) throw new Error('astro.config.mjs: site: must be set for absolute links');
  return new URL(path, site).href;
}

/** Path of one article: `articlePath('en', 'scams', 'online-loans')` → `/en/scams/online-loans/`. */
export function articlePath(locale: Locale, tree: string, slug: string): string {
  return localePath(locale, `/${tree}/${slug}/`);
}

/** A clip's page, with its player and transcript: `clipPath('en', 'hang-up')` → `/en/videos/hang-up/`. */
export const clipPath = (locale: Locale, id: string) => localePath(locale, `/videos/${id}/`);

/** The QR code the kiosk's hold card shows: it leads to the site, under no clip. */
export const KIOSK_SITE_QR = 'site';

/** A kiosk QR code, in caption language `lang`: clip `id`'s page, or the site for KIOSK_SITE_QR. */
export const kioskQrPath = (lang: 'zh' | 'en', id: string) => `/kiosk/qr/${lang}/${id}.svg`;

/** A clip's player alone, for schools to frame in their own pages. */
export const embedPath = (locale: Locale, id: string) => localePath(locale, `/embed/${id}/`);
