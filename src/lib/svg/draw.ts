/**
 * Small SVG drawing pieces for pictures rendered at build time (posters, Open Graph images, and
 * the phone screens of clips). Pure string building: the same input gives the same bytes.
 */
import QRCode from 'qrcode';
import type { Measure } from './text-fit';

/**
 * The font pictures are drawn in, by language (fonts-noto-cjk). The Japanese face has the same
 * Latin letters as the Chinese one, but proportional quotes and apostrophes, which English needs:
 * the Chinese face sets ’ and “ full width.
 */
export const FONT_FAMILIES = { zh: 'Noto Sans CJK SC', en: 'Noto Sans CJK JP' } as const;
export type PictureLang = keyof typeof FONT_FAMILIES;

/** Text safe inside SVG markup. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number as SVG writes it: at most two decimals, so output does not depend on float noise. */
export const n = (v: number) => String(Math.round(v * 100) / 100);

export function rect(x: number, y: number, width: number, height: number, fill: string, radius = 0): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}"${radius ? ` rx="${n(radius)}"` : ''} fill="${fill}"/>`;
}

export function circle(cx: number, cy: number, r: number, fill: string): string {
  return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${fill}"/>`;
}

export interface TextStyle {
  fontSize: number;
  /** Distance between baselines, in px. */
  lineHeight: number;
  weight: 400 | 700;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
}

/**
 * Sets lines of text: measures them for layout and draws one with its baseline at (x, y). The
 * build draws glyph outlines from the font file (src/node/picture.ts), so what was measured is
 * exactly what is drawn; `svgTextTypesetter` writes plain SVG <text> for tests and drafts.
 */
export interface Typesetter {
  measure: Measure;
  line(text: string, x: number, y: number, style: TextStyle): string;
}

/** A typesetter that writes <text> elements, leaving the font to whatever renders the SVG. */
export function svgTextTypesetter(measure: Measure): Typesetter {
  return {
    measure,
    line: (text, x, y, style) => {
      const anchor = style.anchor && style.anchor !== 'start' ? ` text-anchor="${style.anchor}"` : '';
      return `<text x="${n(x)}" y="${n(y)}" font-size="${n(style.fontSize)}" font-weight="${style.weight}" fill="${style.fill}"${anchor}>${escapeXml(text)}</text>`;
    },
  };
}

/**
 * Lines of text whose first line's box starts at `top` (not its baseline), so blocks stack by
 * their heights.
 */
export function textLines(type: Typesetter, x: number, top: number, lines: readonly string[], style: TextStyle): string {
  return lines.map((line, i) => type.line(line, x, baseline(top, style, i), style)).join('');
}

/** The baseline of line `i` of a block starting at `top`: the glyphs' em box centred in the line box. */
export function baseline(top: number, style: Pick<TextStyle, 'fontSize' | 'lineHeight'>, i = 0): number {
  // Noto Sans CJK's em box runs from 0.88 em above the baseline to 0.12 em below.
  return top + i * style.lineHeight + (style.lineHeight - style.fontSize) / 2 + 0.88 * style.fontSize;
}

/** Height of a block of `lines` lines. */
export function blockHeight(lines: number, style: Pick<TextStyle, 'lineHeight'>): number {
  return lines * style.lineHeight;
}

/** The dark modules of a QR code for `url`, with its size in modules (quiet zone not included). */
export function qrMatrix(url: string): { size: number; dark: (row: number, col: number) => boolean } {
  if (!/^https?:\/\//.test(url)) throw new Error(`qrMatrix: needs an absolute http(s) URL, got ${JSON.stringify(url)}`);
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => Boolean(modules.get(row, col)) };
}

/**
 * A QR code for `url` on a white square of `box` px at (x, y), black modules of whole pixels
 * (so the code stays sharp) centred in it, with at least the standard four-module quiet zone.
 */
export function qrCode(url: string, x: number, y: number, box: number): string {
  const matrix = qrMatrix(url);
  const px = Math.floor(box / (matrix.size + 8));
  if (px < 3) throw new Error(`qrCode: ${box} px is too small for a ${matrix.size}-module code`);
  const inset = Math.floor((box - px * matrix.size) / 2);
  const ox = Math.round(x) + inset;
  const oy = Math.round(y) + inset;
  let d = '';
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      if (matrix.dark(row, col)) d += `M${ox + col * px} ${oy + row * px}h${px}v${px}h-${px}z`;
    }
  }
  return `${rect(Math.round(x), Math.round(y), box, box, '#ffffff')}<path d="${d}" fill="#000000" shape-rendering="crispEdges"/>`;
}

/** An SVG document of `width` × `height` px holding `body`, its text set in the font for `lang`. */
export function svgDocument(width: number, height: number, lang: PictureLang, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILIES[lang]}">${body}</svg>`;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`luminance: not a #rrggbb colour: ${JSON.stringify(hex)}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
