/**
 * Build time only: from opencc-js, just the traditional-character knowledge the signal phrases
 * need, so the page ships a few hundred character pairs instead of a converter.
 */
import * as OpenCC from 'opencc-js';

const TO_SIMPLIFIED = (['t', 'tw', 'twp', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
const TO_TRADITIONAL = (['t', 'tw', 'twp', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
// CJK Unified Ideographs and Extension A; compatibility ideographs reach these through NFKC.
const RANGES: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

/**
 * Characters that convert to a simplified character used in `phrases`, with that character:
 * 驗→验 when some phrase has 验. Chars the phrases don't use are left out.
 */
export function foldTable(phrases: readonly string[]): Map<string, string> {
  const used = new Set(phrases.flatMap((p) => Array.from(p)));
  const all: string[] = [];
  for (const [lo, hi] of RANGES) for (let cp = lo; cp <= hi; cp++) all.push(String.fromCodePoint(cp));
  const table = new Map<string, string>();
  for (const convert of TO_SIMPLIFIED) {
    // One character a line, so no converter sees a phrase across two of them.
    const converted = convert(all.join('\n')).split('\n');
    if (converted.length !== all.length) throw new Error('opencc-js changed the number of lines; cannot pair characters');
    for (const [i, simplified] of converted.entries()) {
      const original = all[i]!;
      if (simplified !== original && Array.from(simplified).length === 1 && used.has(simplified) && !used.has(original)) {
        table.set(original, simplified);
      }
    }
  }
  return table;
}

/**
 * The ways `phrase` is written in traditional Chinese (Taiwan and Hong Kong usage included),
 * other than the ones `fold` already brings back to it: 屏幕共享 → 螢幕共享.
 */
export function traditionalForms(phrase: string, fold: (text: string) => string): string[] {
  const forms = new Set<string>();
  for (const convert of TO_TRADITIONAL) {
    const form = fold(convert(phrase));
    if (form !== fold(phrase)) forms.add(form);
  }
  return [...forms];
}
