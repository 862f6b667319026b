/**
 * The address a clip is loaded from after it has failed `failures` times. The browser keeps
 * what it fetched of a media file in memory: a file cut short once would fail again from there
 * at every turn of the loop, long after the server sends it whole. A new query string makes it
 * fetch the file afresh; the kiosk's service worker matches its cached copy whatever the query.
 */
export function retryUrl(src: string, failures: number): string {
  if (failures <= 0) return src;
  return `${src}${src.includes('?') ? '&' : '?'}retry=${failures}`;
}
