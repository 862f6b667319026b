/**
 * The public address drawn in the corner of every rendered clip: the host of SITE_URL, or null
 * while the site has no public address yet (SITE_URL unset or local), when the corner shows
 * "反诈提醒 · 上海" instead. Never an address the site is not served from.
 */
export function clipSiteAddress(siteUrl: string | undefined): string | null {
  if (!siteUrl) return null;
  let host: string;
  try {
    host = new URL(siteUrl).host;
  } catch {
    throw new Error(`SITE_URL: not a URL: ${JSON.stringify(siteUrl)}`);
  }
  return /^(localhost|127\.|\[::1\])/.test(host) ? null : host;
}
