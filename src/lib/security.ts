/**
 * The Content-Security-Policy. Only the site's own origin; Pagefind needs WebAssembly
 * ('wasm-unsafe-eval') and a worker.
 *
 * Pages carry their CSS inline, so a page can paint from its first response (issue #19). The
 * build hashes each page's inline styles and scripts and adds those hashes to the page's own
 * `<meta>` policy (src/integrations/page-csp.ts), so no page allows 'unsafe-inline'. The server sends,
 * as a header, only the directives that are the same for every page: a header policy listing
 * the inline code of one page would refuse that of every other (a browser enforces both).
 */
const SHARED_DIRECTIVES = [
  "img-src 'self' data:",
  // video.js ships its icon font inside its stylesheet as a data: URL.
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The page's `<meta>` policy, before the build adds the hashes of the page's inline code. */
export const CONTENT_SECURITY_POLICY = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", ...SHARED_DIRECTIVES].join('; ');

/**
 * The policy every response carries as a header, with `frame-ancestors` (which a meta tag cannot
 * set) added per path in src/lib/headers.ts. Scripts and styles are left to the page's meta policy.
 */
export const HEADER_CONTENT_SECURITY_POLICY = SHARED_DIRECTIVES.join('; ');

/** Referrers stay on the site: no other origin is ever told which page a reader came from. */
export const REFERRER_POLICY = 'same-origin';

/**
 * Pages whose address carries what a reader typed (the header's search box sends /search/?q=…).
 * No referrer leaves them, not even to the site's own pages, and nginx keeps no access log of
 * them, so the words stay out of every server log.
 */
export const QUERY_PAGES = ['/search/', '/en/search/'] as const;

/** The referrer policy of the page at `path`. */
export const referrerPolicyFor = (path: string) => (QUERY_PAGES.some((p) => path === p || path === `${p}index.html`) ? 'no-referrer' : REFERRER_POLICY);

/**
 * The kiosk pages' policy (the page's, or with `policy` the header's): the site's own, plus the
 * heartbeat receiver's origin in connect-src when the build names one (KIOSK_REPORT_URL).
 */
export function kioskContentSecurityPolicy(reportUrl: string | null, policy = CONTENT_SECURITY_POLICY): string {
  if (!reportUrl) return policy;
  return policy.replace("connect-src 'self'", `connect-src 'self' ${new URL(reportUrl).origin}`);
}
