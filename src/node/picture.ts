/**
 * Turns the SVG pictures of src/lib/svg/ into PNG files at build time. Text is set in Noto Sans
 * CJK (Debian's fonts-noto-cjk) as glyph outlines read from the font file, measured with the same
 * advance widths, so a line measured to fit is exactly the line drawn; resvg then draws paths only
 * and never loads the 20 MB font files itself. Runs in Node only (native rasteriser, font files).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { create, type Font } from 'fontkitten';
import { FONT_FAMILIES, n, type PictureLang, type Typesetter } from '../lib/svg/draw.ts';
import type { Measure } from '../lib/svg/text-fit';

/** The largest picture the site ships: a family chat sends it quickly even on a weak signal. */
export const MAX_PICTURE_BYTES = 250 * 1024;

function fontFile(style: 'regular' | 'bold'): string {
  let file = '';
  try {
    file = execFileSync('fc-match', ['-f', '%{file}', `${FONT_FAMILIES.zh}:${style}`], { encoding: 'utf8' }).trim();
  } catch {
    // fc-match missing: fall through to the message below.
  }
  if (!/NotoSansCJK-\w+\.ttc$/.test(file)) throw new Error(`pictures: ${FONT_FAMILIES.zh} (${style}) is missing: apt-get install -y fonts-noto-cjk`);
  return file;
}

/** PostScript names of the faces each language is drawn in (see FONT_FAMILIES). */
const FACES = { zh: 'NotoSansCJKsc', en: 'NotoSansCJKjp' } as const;

let fonts: { faces: Record<string, Font> } | undefined;
function loadFonts() {
  if (!fonts) {
    const files = { 400: fontFile('regular'), 700: fontFile('bold') };
    const faces: Record<string, Font> = {};
    for (const [weight, file] of Object.entries(files)) {
      const collection = create(readFileSync(file));
      for (const [lang, face] of Object.entries(FACES)) {
        const name = `${face}-${weight === '400' ? 'Regular' : 'Bold'}`;
        const font = 'fonts' in collection ? collection.getFont(name) : null;
        if (!font) throw new Error(`pictures: ${file} has no ${name} face`);
        faces[`${lang}${weight}`] = font;
      }
    }
    fonts = { faces };
  }
  return fonts;
}

/**
 * Text widths in `lang`'s face from its advance widths, kerning left out: kerning only narrows,
 * so text measured to fit still fits when resvg draws it.
 */
export function measureFor(lang: PictureLang): Measure {
  return (text, fontSize, weight = 700) => {
    let units = 0;
    for (const ch of text) units += glyph(lang, weight, ch).advance;
    return units * fontSize;
  };
}

const glyphs = new Map<string, { advance: number; path: string }>();
/** A character's advance (in em) and outline (in font units, y up) in `lang`'s face. */
function glyph(lang: PictureLang, weight: 400 | 700, ch: string) {
  const key = `${lang}${weight}${ch}`;
  let found = glyphs.get(key);
  if (!found) {
    const face = loadFonts().faces[`${lang}${weight}`]!;
    const cp = ch.codePointAt(0)!;
    if (!face.hasGlyphForCodePoint(cp)) throw new Error(`pictures: ${FONT_FAMILIES[lang]} has no glyph for "${ch}" (U+${cp.toString(16).toUpperCase()})`);
    const g = face.glyphForCodePoint(cp);
    found = { advance: g.advanceWidth / face.unitsPerEm, path: /\s/.test(ch) ? '' : g.path.toSVG() };
    glyphs.set(key, found);
  }
  return found;
}

/** Sets text in `lang`'s face as glyph outlines. */
export function typesetterFor(lang: PictureLang): Typesetter {
  const measure = measureFor(lang);
  const unitsPerEm = () => loadFonts().faces[`${lang}700`]!.unitsPerEm;
  return {
    measure,
    line: (text, x, y, style) => {
      const width = measure(text, style.fontSize, style.weight);
      const left = style.anchor === 'middle' ? x - width / 2 : style.anchor === 'end' ? x - width : x;
      const scale = style.fontSize / unitsPerEm();
      let pen = 0;
      let paths = '';
      for (const ch of text) {
        const g = glyph(lang, style.weight, ch);
        if (g.path) paths += `<path transform="translate(${Math.round(pen)} 0)" d="${g.path}"/>`;
        pen += g.advance * unitsPerEm();
      }
      // Font units are y-up; the scale flips them onto the SVG's y-down baseline.
      return `<g fill="${style.fill}" transform="translate(${n(left)} ${n(y)}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})">${paths}</g>`;
    },
  };
}

/** The PNG of an SVG picture, at the SVG's own size. Fails when it is larger than MAX_PICTURE_BYTES. */
export function renderPng(svg: string, name: string): Buffer {
  // No fonts: the text is already outlines, and a stray <text> must show up as missing, not as a fallback font.
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
  const png = resvg.render().asPng();
  if (png.length > MAX_PICTURE_BYTES) throw new Error(`${name}: the picture is ${Math.round(png.length / 1024)} KB, at most ${MAX_PICTURE_BYTES / 1024} KB`);
  return png;
}
