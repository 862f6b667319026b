/**
 * Where kiosk screens post their heartbeat, read at build time (Node only) from KIOSK_REPORT_URL.
 * Unset: screens send nothing but requests for their own files. Set to anything but an https://
 * address (or http:// on this machine, for tests), the build fails naming the variable.
 */
export function kioskReportUrl(env: Record<string, string | undefined> = process.env): string | null {
  const value = env.KIOSK_REPORT_URL?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`KIOSK_REPORT_URL: not an address: ${JSON.stringify(value)}`);
  }
  const local = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !local) throw new Error(`KIOSK_REPORT_URL: must be an https:// address, got ${JSON.stringify(value)}`);
  if (url.username || url.password) throw new Error('KIOSK_REPORT_URL: must not carry a user name or password');
  return url.href;
}
