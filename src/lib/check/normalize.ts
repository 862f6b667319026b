/**
 * Text as the checker compares it: full-width forms made half-width, lower case, traditional
 * characters folded to simplified, and spaces, punctuation and symbols dropped, so 驗 證 碼,
 * ＶＥＲＩＦＩＣＡＴＩＯＮ-code and 验证码 all read alike. Runs in the browser and at build time.
 */

/** A normalized text, and where each of its characters came from in the original. */
export interface Normalized {
  /** The normalized text. */
  text: string;
  /** For each character of `text`, the index in the original where its source begins. */
  from: number[];
  /** For each character of `text`, the index in the original just after its source. */
  to: number[];
}

const KEPT = /[\p{L}\p{N}]/u;
const LATIN = /[a-z0-9]/;

/** Reads a fold table written as pairs, "體体戶户…", into a map. */
export function foldMap(pairs: string): Map<string, string> {
  const chars = Array.from(pairs);
  if (chars.length % 2) throw new Error(`fold table has an odd number of characters (${chars.length})`);
  const map = new Map<string, string>();
  for (let i = 0; i < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}

/**
 * Normalizes `input`. Letters and digits are kept; anything else is dropped, except that one
 * space stays between two Latin letters or digits, so English words keep their edges.
 */
export function normalize(input: string, fold: ReadonlyMap<string, string>): Normalized {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let gap = false;
  let index = 0;
  for (const char of input) {
    const start = index;
    index += char.length;
    // ASCII and common CJK need no Unicode normalization; skipping it halves the time on long text.
    const code = char.charCodeAt(0);
    const pieces =
      code < 0x80 ? char.toLowerCase() : code >= 0x4e00 && code <= 0x9fff ? char : char.normalize('NFKC').toLowerCase();
    for (const piece of pieces) {
      const c = fold.get(piece) ?? piece;
      const k = c.charCodeAt(0);
      const kept = k < 0x80 ? (k >= 0x61 && k <= 0x7a) || (k >= 0x30 && k <= 0x39) : (k >= 0x4e00 && k <= 0x9fff) || KEPT.test(c);
      if (!kept) {
        gap = true;
        continue;
      }
      const last = out[out.length - 1];
      if (gap && last !== undefined && LATIN.test(last) && LATIN.test(c)) {
        out.push(' ');
        from.push(start);
        to.push(start);
      }
      gap = false;
      out.push(c);
      // One entry per UTF-16 unit, so regular-expression indices into `text` line up.
      for (let unit = 0; unit < c.length; unit++) {
        from.push(start);
        to.push(index);
      }
    }
  }
  return { text: out.join(''), from, to };
}
