/**
 * Line breaking and fitting for text drawn into SVG (posters now, phone-screen scenes later).
 * Pure: the caller passes a `Measure` built from the font the picture is drawn with.
 */

/** Width in px of `text` set at `fontSize` px in the regular (400) or bold (700) face. */
export type Measure = (text: string, fontSize: number, weight?: 400 | 700) => number;

/** Text that cannot be fitted: the message names the field, the text and what was tried. */
export class FitError extends Error {
  override name = 'FitError';
}

/** Characters that must not begin a line (closing punctuation). */
const NO_START = /^[，。、：；！？）》」』”’…,.:;!?)\]%]$/u;
/** Characters that must not end a line (opening punctuation). */
const NO_END = /^[（《「『“‘(\[]$/u;
/** Characters that join a Latin word: letters, digits and the marks inside words and numbers. */
const WORD = /^[\p{Script=Latin}\d'’\-–/@#&+*=_~]$/u;

/**
 * The pieces a line may break between: a CJK character, or a Latin word with the spaces after it.
 * Closing punctuation sticks to the piece before it and opening punctuation to the piece after,
 * so no line starts with ， or ends with “.
 */
export function breakUnits(text: string): string[] {
  const raw: string[] = [];
  let word = '';
  for (const ch of text) {
    if (WORD.test(ch)) {
      if (word && /\s$/.test(word)) {
        raw.push(word);
        word = '';
      }
      word += ch;
    } else if (/\s/.test(ch)) {
      if (word) word += ch;
      else if (raw.length) raw[raw.length - 1] += ch;
    } else {
      if (word) raw.push(word);
      word = '';
      raw.push(ch);
    }
  }
  if (word) raw.push(word);

  const units: string[] = [];
  let opening = '';
  for (const piece of raw) {
    const first = [...piece][0]!;
    if (NO_START.test(first) && units.length && !opening) units[units.length - 1] += piece;
    else if (NO_END.test(piece.trimEnd())) opening += piece;
    else {
      units.push(opening + piece);
      opening = '';
    }
  }
  if (opening) units.length ? (units[units.length - 1] += opening) : units.push(opening);
  return keepShortQuotes(units);
}

/** Quoted words up to this many characters stay on one line: “逮捕令”, not “逮 / 捕令”. */
const SHORT_QUOTE = 6;
const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '「': '」', '『': '』' };

function keepShortQuotes(units: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < units.length; i++) {
    const close = QUOTES[[...units[i]!][0]!];
    let j = i;
    if (close && !units[i]!.slice(1).includes(close)) {
      while (j + 1 < units.length && !units[j]!.includes(close)) j++;
      const joined = units.slice(i, j + 1).join('');
      if (units[j]!.includes(close) && [...joined.replace(/[\s“”‘’《》「」『』，。、：；！？,.]/g, '')].length <= SHORT_QUOTE) {
        out.push(joined);
        i = j;
        continue;
      }
    }
    out.push(units[i]!);
  }
  return out;
}

/**
 * `text` broken into lines no wider than `width`; one paragraph, no \n. A piece wider than a line
 * is cut by character. A last line of a single Chinese character (a widow such as "钱。") takes
 * the character before it along, as an editor would.
 */
export function wrapText(text: string, width: number, fontSize: number, measure: Measure, weight: 400 | 700 = 700): string[] {
  const fits = (units: readonly string[]) => measure(units.join('').trimEnd(), fontSize, weight) <= width;
  const lines: string[][] = [];
  let line: string[] = [];
  for (const unit of breakUnits(text.trim())) {
    if (fits([...line, unit])) {
      line.push(unit);
      continue;
    }
    if (line.length) lines.push(line);
    line = [];
    if (fits([unit])) {
      line = [unit];
      continue;
    }
    for (const ch of unit) {
      if (line.length && !fits([...line, ch])) {
        lines.push(line);
        line = [];
      }
      line.push(ch);
    }
  }
  if (line.join('').trim()) lines.push(line);
  const last = lines[lines.length - 1];
  const before = lines[lines.length - 2];
  if (last && before && last.length === 1 && /^\p{Script=Han}/u.test(last[0]!) && before.length >= 3 && fits([before[before.length - 1]!, ...last])) {
    last.unshift(before.pop()!);
  }
  return lines.map((l) => l.join('').trimEnd());
}

/** A text box: its width, how many lines it holds, the font sizes to try (largest first) and the weight. */
export interface TextBox {
  width: number;
  maxLines: number;
  sizes: readonly number[];
  /** 700 unless given. */
  weight?: 400 | 700;
}

/** Text set in a box: the size that fits and its lines. */
export interface FittedText {
  fontSize: number;
  lines: string[];
}

/**
 * Sets `text` (paragraphs split by \n) at the largest size of `box.sizes` at which it fits in
 * `box.maxLines` lines of `box.width`; throws a FitError naming `field` when none does.
 */
export function fitText(text: string, box: TextBox, measure: Measure, field: string): FittedText {
  if (!text.trim()) throw new FitError(`${field}: the text is empty`);
  for (const fontSize of box.sizes) {
    const weight = box.weight ?? 700;
    const lines = text.split('\n').flatMap((p) => wrapText(p, box.width, fontSize, measure, weight));
    if (lines.length <= box.maxLines && lines.every((l) => measure(l, fontSize, weight) <= box.width)) return { fontSize, lines };
  }
  const smallest = box.sizes[box.sizes.length - 1];
  throw new FitError(`${field}: "${text.replace(/\n/g, ' / ')}" does not fit in ${box.maxLines} line(s) of ${box.width} px, even at ${smallest} px`);
}

/**
 * A measure that counts widths from a table of advance widths in em: full-width for CJK and what
 * the table lacks. For tests and rough layouts; pictures use the font's own widths.
 */
export function emMeasure(advance: (ch: string) => number): Measure {
  return (text, fontSize) => {
    let em = 0;
    for (const ch of text) em += advance(ch);
    return em * fontSize;
  };
}
