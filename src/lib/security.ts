/**
 * The Content-Security-Policy every page carries. Only the site's own origin; Pagefind needs
 * WebAssembly ('wasm-unsafe-eval') and a worker. `frame-ancestors` cannot be set from a meta
 * tag: public/_headers sends it, with the other headers, on servers that read that file.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  // video.js ships its icon font inside its stylesheet as a data: URL.
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Referrers stay on the site: no other origin is ever told which page a reader came from. */
export const REFERRER_POLICY = 'same-origin';

/**
 * The kiosk pages' policy: the site's own, plus the heartbeat receiver's origin in connect-src
 * when the build names one (KIOSK_REPORT_URL), and nothing more.
 */
export function kioskContentSecurityPolicy(reportUrl: string | null): string {
  if (!reportUrl) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${new URL(reportUrl).origin}`);
}
