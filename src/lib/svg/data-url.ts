/**
 * An SVG document as a `data:` URL, escaping only what a URL inside an HTML attribute must: a
 * page can then carry its icon itself instead of the browser asking for it before first paint.
 */
export function svgDataUrl(svg: string): string {
  if (!/^<svg[\s>]/.test(svg.trim())) throw new Error(`svgDataUrl: not an SVG document: ${JSON.stringify(svg.slice(0, 40))}`);
  return `data:image/svg+xml,${svg.trim().replace(/[\s%#"<>&]/g, (c) => encodeURIComponent(c))}`;
}
