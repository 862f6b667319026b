/**
 * The picture to forward (1080×1920) and the Open Graph image (1200×630) of a scam or audience
 * page, drawn as SVG. Pure: the words, the page address and a text measure go in, SVG comes out,
 * or a FitError naming the field that does not fit its box.
 */
import { baseline, blockHeight, circle, contrastRatio, qrCode, rect, svgDocument, textLines, type PictureLang, type TextStyle, type Typesetter } from '../svg/draw';
import { FitError, fitText, type FittedText, type Measure, type TextBox } from '../svg/text-fit';

/** Everything a poster says, in one language. */
export interface PosterWords {
  /** The language, which picks the face the text is set in. */
  lang: PictureLang;
  /** The site's name, before the address. */
  kicker: string;
  /** The page's headline. */
  title: string;
  /** Heading over the red flags. */
  flagsHeading: string;
  /** The three red flags, most telling first. */
  flags: readonly string[];
  /** Heading over the rules. */
  rulesHeading: string;
  /** Rules of advice in their screen form, run in to one line each. */
  rules: readonly string[];
  /** Before the number: 被骗或拿不准？立即拨打. */
  callLead: string;
  /** After the number: 报警电话. */
  callNote: string;
  /** The line about 96110. */
  warn96110: string;
  /** Under the QR code: 扫码看完整提醒. */
  scan: string;
  /** The page's absolute address: the QR code's target, also printed under it. */
  url: string;
}

/** Colours; every text colour has at least 7:1 contrast on the ground it is drawn on (tested). */
export const COLOURS = {
  navy: '#0b3a75',
  red: '#8e1b14',
  ink: '#111827',
  paper: '#ffffff',
  tile: '#f1f3f5',
} as const;

/** The pairs of text and ground the pictures use, for the contrast test. */
export const TEXT_ON_GROUND: readonly [text: string, ground: string][] = [
  [COLOURS.paper, COLOURS.navy],
  [COLOURS.paper, COLOURS.red],
  [COLOURS.red, COLOURS.paper],
  [COLOURS.ink, COLOURS.paper],
  [COLOURS.ink, COLOURS.tile],
];

export const POSTER = { width: 1080, height: 1920 } as const;
export const OG = { width: 1200, height: 630 } as const;

const MARGIN = 64;
const lh = (fontSize: number, ratio: number) => Math.round(fontSize * ratio);
const style = (fitted: FittedText, ratio: number, weight: 400 | 700, fill: string, anchor?: TextStyle['anchor']): TextStyle => ({
  fontSize: fitted.fontSize,
  lineHeight: lh(fitted.fontSize, ratio),
  weight,
  fill,
  anchor,
});

/** The address as printed: without the scheme, so it reads like what people type. */
export function printedAddress(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/** The site's name and the page's address on one line, or on two when one does not hold them. */
function footLines(words: PosterWords, measure: Measure, width: number): FittedText {
  const address = printedAddress(words.url);
  try {
    return fitText(`${words.kicker} · ${address}`, { width, maxLines: 1, sizes: [32, 28], weight: 400 }, measure, 'url');
  } catch (error) {
    if (!(error instanceof FitError)) throw error;
    return fitText(`${words.kicker}\n${address}`, { width, maxLines: 2, sizes: [32, 28, 26], weight: 400 }, measure, 'url');
  }
}

/**
 * Font sizes for the blocks of the middle of the poster, largest first. When the flags and the
 * rules do not fit between the header and the hotline band, every block drops one step.
 */
const FLAG_SIZES = [50, 46, 42, 40] as const;
const RULE_SIZES = [50, 46, 42, 40] as const;
const HEADING_SIZES = [48, 46, 42, 40] as const;
/** The smallest gap around and between the two lists. */
const MIN_GAP = 28;

/** The 1080×1920 picture to forward. */
export function posterSvg(words: PosterWords, type: Typesetter): string {
  const { measure } = type;
  if (words.flags.length !== 3) throw new FitError(`flags: a poster shows exactly 3 red flags, got ${words.flags.length}`);
  if (words.rules.length < 1) throw new FitError('rules: a poster needs at least one rule');
  const { width: W, height: H } = POSTER;
  const CW = W - 2 * MARGIN;
  const parts: string[] = [rect(0, 0, W, H, COLOURS.paper)];

  // Header: the page's headline, white on navy.
  const title = fitText(words.title, { width: CW, maxLines: 3, sizes: [84, 78, 72, 66, 60] }, measure, 'title');
  const titleStyle = style(title, 1.24, 700, COLOURS.paper);
  const headerBottom = 48 + blockHeight(title.lines.length, titleStyle) + 44;
  parts.push(rect(0, 0, W, headerBottom, COLOURS.navy));
  parts.push(textLines(type, MARGIN, 48, title.lines, titleStyle));

  // Hotline band at the foot: 110 large, the 96110 line, the QR code on a white tile, and
  // the site's name with the page's address.
  const tile = 300;
  const tilePad = 12;
  const qrBox = tile - 2 * tilePad;
  const leftWidth = CW - tile - 36;
  const bigStyle: TextStyle = { fontSize: 180, lineHeight: 184, weight: 700, fill: COLOURS.paper };
  const noteX = MARGIN - 6 + measure('110', bigStyle.fontSize) + 22;
  const lead = fitText(words.callLead, { width: leftWidth, maxLines: 2, sizes: [40, 36] }, measure, 'callLead');
  const note = fitText(words.callNote, { width: MARGIN + leftWidth - noteX, maxLines: 2, sizes: [40, 36, 32] }, measure, 'callNote');
  const warn = fitText(words.warn96110, { width: leftWidth, maxLines: 2, sizes: [40, 36] }, measure, 'warn96110');
  const scan = fitText(words.scan, { width: qrBox, maxLines: 2, sizes: [30, 28, 26] }, measure, 'scan');
  const foot = footLines(words, measure, CW);
  const leadStyle = style(lead, 1.3, 700, COLOURS.paper);
  const noteStyle = style(note, 1.2, 700, COLOURS.paper);
  const warnStyle = style(warn, 1.3, 700, COLOURS.paper);
  const scanStyle = style(scan, 1.25, 700, COLOURS.ink, 'middle');
  const footStyle = style(foot, 1.3, 400, COLOURS.paper);
  const leftHeight = blockHeight(lead.lines.length, leadStyle) + bigStyle.lineHeight + blockHeight(warn.lines.length, warnStyle);
  const tileHeight = tilePad + qrBox + blockHeight(scan.lines.length, scanStyle) + tilePad;
  const rowHeight = Math.max(leftHeight, tileHeight);
  const bandHeight = 40 + rowHeight + 20 + blockHeight(foot.lines.length, footStyle) + 32;
  const bandTop = H - bandHeight;
  parts.push(rect(0, bandTop, W, bandHeight, COLOURS.red));
  let ly = bandTop + 40 + (rowHeight - leftHeight) / 2;
  parts.push(textLines(type, MARGIN, ly, lead.lines, leadStyle));
  ly += blockHeight(lead.lines.length, leadStyle);
  parts.push(textLines(type, MARGIN - 6, ly, ['110'], bigStyle));
  // The note's last line sits on the number's baseline.
  const noteTop = baseline(ly, bigStyle) - (baseline(0, noteStyle, note.lines.length - 1));
  parts.push(textLines(type, noteX, noteTop, note.lines, noteStyle));
  ly += bigStyle.lineHeight;
  parts.push(textLines(type, MARGIN, ly, warn.lines, warnStyle));
  const tileX = W - MARGIN - tile;
  const tileY = bandTop + 40;
  parts.push(rect(tileX, tileY, tile, tileHeight, COLOURS.paper, 14));
  parts.push(qrCode(words.url, tileX + tilePad, tileY + tilePad, qrBox));
  parts.push(textLines(type, tileX + tile / 2, tileY + tilePad + qrBox, scan.lines, scanStyle));
  parts.push(textLines(type, MARGIN, bandTop + 40 + rowHeight + 20, foot.lines, footStyle));

  // Middle: the red flags and the rules, a step smaller each time they do not fit the space.
  const space = bandTop - headerBottom;
  const gaps = 3;
  for (let step = 0; step < FLAG_SIZES.length; step++) {
    const middle = middleBlocks(words, type, CW, step);
    const free = space - middle.height;
    if (free < gaps * MIN_GAP) {
      if (step < FLAG_SIZES.length - 1) continue;
      throw new FitError(`flags, rules: the red flags and the rules need ${middle.height + gaps * MIN_GAP} px, the poster has ${space} px between its header and its hotline band`);
    }
    // Spare height goes to the gaps around and between the two lists, so no poster ends in a hole.
    const gap = Math.min(88, Math.floor(free / gaps));
    const slack = free - gap * gaps;
    parts.push(middle.draw(headerBottom + gap + Math.floor(slack / 2), gap));
    break;
  }
  return svgDocument(W, H, words.lang, parts.join(''));
}

/** The two lists of the poster's middle at size step `step`, and how to draw them from `top`. */
function middleBlocks(words: PosterWords, type: Typesetter, width: number, step: number) {
  const { measure } = type;
  const sizes = (all: readonly number[]) => all.slice(step);
  const box = (w: number, maxLines: number, all: readonly number[]): TextBox => ({ width: w, maxLines, sizes: sizes(all) });
  const disc = 60;
  const indent = disc + 28;
  const flagsHeading = fitText(words.flagsHeading, box(width, 1, HEADING_SIZES), measure, 'flagsHeading');
  const rulesHeading = fitText(words.rulesHeading, box(width, 1, HEADING_SIZES), measure, 'rulesHeading');
  const flags = words.flags.map((f, i) => fitText(f, { ...box(width - indent, 3, FLAG_SIZES), weight: 400 }, measure, `flags[${i}]`));
  const rules = words.rules.map((r, i) => fitText(r, box(width - indent, 2, RULE_SIZES), measure, `rules[${i}]`));
  const headingStyle = (f: FittedText) => style(f, 1.3, 700, COLOURS.red);
  const flagStyle = (f: FittedText) => style(f, 1.36, 400, COLOURS.ink);
  const ruleStyle = (f: FittedText) => style(f, 1.35, 700, COLOURS.ink);
  const itemGap = 24;
  const listHeight = (items: FittedText[], st: (f: FittedText) => TextStyle) =>
    items.reduce((sum, f) => sum + Math.max(disc, blockHeight(f.lines.length, st(f))), 0) + itemGap * (items.length - 1);
  const headingGap = 16;
  const flagsHeight = blockHeight(1, headingStyle(flagsHeading)) + headingGap + listHeight(flags, flagStyle);
  const rulesHeight = blockHeight(1, headingStyle(rulesHeading)) + headingGap + listHeight(rules, ruleStyle);

  const drawList = (top: number, heading: FittedText, items: FittedText[], st: (f: FittedText) => TextStyle, mark: (i: number, cx: number, cy: number) => string) => {
    const out = [textLines(type, MARGIN, top, heading.lines, headingStyle(heading))];
    let y = top + blockHeight(1, headingStyle(heading)) + headingGap;
    items.forEach((item, i) => {
      const s = st(item);
      const h = Math.max(disc, blockHeight(item.lines.length, s));
      // The mark sits on the first line's centre, so it lines up with the text however many lines follow.
      out.push(mark(i, MARGIN + disc / 2, y + Math.min(s.lineHeight, h) / 2));
      out.push(textLines(type, MARGIN + indent, y + Math.max(0, (disc - s.lineHeight) / 2) * (item.lines.length === 1 ? 1 : 0), item.lines, s));
      y += h + itemGap;
    });
    return out.join('');
  };
  const numberMark = (i: number, cx: number, cy: number) =>
    circle(cx, cy, disc / 2, COLOURS.red) +
    textLines(type, cx, cy - 21, [String(i + 1)], { fontSize: 36, lineHeight: 42, weight: 700, fill: COLOURS.paper, anchor: 'middle' });
  const tickMark = (_i: number, cx: number, cy: number) =>
    rect(cx - disc / 2, cy - disc / 2, disc, disc, COLOURS.navy, 12) +
    `<path d="M${cx - 15} ${cy + 1}l10 10l20 -22" fill="none" stroke="${COLOURS.paper}" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>`;

  return {
    height: flagsHeight + rulesHeight,
    draw: (top: number, gap: number) =>
      drawList(top, flagsHeading, flags, flagStyle, numberMark) + drawList(top + flagsHeight + gap, rulesHeading, rules, ruleStyle, tickMark),
  };
}

/** The 1200×630 Open Graph image: the site's name, the headline, the rules, and 110 with the 96110 line. */
export function ogSvg(words: PosterWords, type: Typesetter): string {
  const { measure } = type;
  const { width: W, height: H } = OG;
  const CW = W - 2 * MARGIN;
  const parts: string[] = [rect(0, 0, W, H, COLOURS.navy)];

  // The band: "110" large on the left, what it is and the 96110 line beside it.
  const bandHeight = 150;
  const bandTop = H - bandHeight;
  parts.push(rect(0, bandTop, W, bandHeight, COLOURS.red));
  const big: TextStyle = { fontSize: 104, lineHeight: 112, weight: 700, fill: COLOURS.paper };
  parts.push(textLines(type, MARGIN - 4, bandTop + (bandHeight - big.lineHeight) / 2, ['110'], big));
  const textX = MARGIN + measure('110', big.fontSize) + 36;
  const textWidth = W - MARGIN - textX;
  const note = fitText(words.callNote, { width: textWidth, maxLines: 1, sizes: [34, 30] }, measure, 'callNote');
  const warn = fitText(words.warn96110, { width: textWidth, maxLines: 2, sizes: [34, 30, 28], weight: 400 }, measure, 'warn96110');
  const noteStyle = style(note, 1.3, 700, COLOURS.paper);
  const warnStyle = style(warn, 1.3, 400, COLOURS.paper);
  const textHeight = blockHeight(1, noteStyle) + blockHeight(warn.lines.length, warnStyle);
  const textTop = bandTop + (bandHeight - textHeight) / 2;
  parts.push(textLines(type, textX, textTop, note.lines, noteStyle));
  parts.push(textLines(type, textX, textTop + blockHeight(1, noteStyle), warn.lines, warnStyle));

  // Above it: the site's name, the headline and the rules, a step smaller until they fit.
  const kicker = fitText(words.kicker, { width: CW, maxLines: 1, sizes: [34] }, measure, 'kicker');
  const kickerStyle = style(kicker, 1.3, 700, COLOURS.paper);
  const space = bandTop - 40 - 32;
  const steps = [
    { title: [68, 64], rule: 36 },
    { title: [60, 56], rule: 32 },
    { title: [52, 48], rule: 30 },
  ];
  for (const [i, step] of steps.entries()) {
    const last = i === steps.length - 1;
    const title = fitText(words.title, { width: CW, maxLines: 3, sizes: step.title }, measure, 'title');
    const indent = Math.round(step.rule * 1.2);
    const rules = words.rules.map((r, j) => fitText(r, { width: CW - indent, maxLines: 2, sizes: [step.rule] }, measure, `rules[${j}]`));
    const titleStyle = style(title, 1.2, 700, COLOURS.paper);
    const ruleStyles = rules.map((r) => style(r, 1.3, 700, COLOURS.paper));
    const rulesHeight = rules.reduce((sum, r, j) => sum + blockHeight(r.lines.length, ruleStyles[j]!), 0);
    const height = blockHeight(1, kickerStyle) + 10 + blockHeight(title.lines.length, titleStyle) + 24 + rulesHeight;
    if (height > space) {
      if (!last) continue;
      throw new FitError(`title, rules: the headline and the rules need ${height} px, the Open Graph image has ${space} px above its hotline band`);
    }
    let y = 40;
    parts.push(textLines(type, MARGIN, y, kicker.lines, kickerStyle));
    y += blockHeight(1, kickerStyle) + 10;
    parts.push(textLines(type, MARGIN, y, title.lines, titleStyle));
    y += blockHeight(title.lines.length, titleStyle) + 24;
    rules.forEach((r, j) => {
      const st = ruleStyles[j]!;
      const cy = y + st.lineHeight / 2;
      const k = step.rule / 36;
      parts.push(`<path d="M${MARGIN + 2} ${cy}l${8 * k} ${8 * k}l${16 * k} ${-18 * k}" fill="none" stroke="${COLOURS.paper}" stroke-width="${5 * k}" stroke-linecap="round" stroke-linejoin="round"/>`);
      parts.push(textLines(type, MARGIN + indent, y, r.lines, st));
      y += blockHeight(r.lines.length, st);
    });
    break;
  }
  return svgDocument(W, H, words.lang, parts.join(''));
}

/** Contrast of every text colour on its ground, for tests and the build. */
export function weakestContrast(): number {
  return Math.min(...TEXT_ON_GROUND.map(([text, ground]) => contrastRatio(text, ground)));
}
