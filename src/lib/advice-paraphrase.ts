/**
 * Finds a rule of advice said again in other words (issue #12): a sentence that shares most of
 * its character pairs (Chinese) or meaningful words (English) with a rule. A copy word for word is the
 * extreme case; a close paraphrase ("用你原来存的号码打回去" for "打你原来存的号码") scores high
 * too, while a sentence that only mentions the same topic ("验证码") does not. Pure, so the
 * content test and its own tests share it.
 */

export type Lang = 'zh' | 'en';

/** How much of a sentence must come from one rule, and how long it must be, to count as a restatement. */
export const PARAPHRASE_LIMITS = {
  zh: { share: 0.6, min: 7 },
  en: { share: 0.75, min: 6 },
} as const;

/** Sentences of a text: split at sentence ends, colons (记住：…) and line breaks, and in Chinese at semicolons. */
export function sentences(text: string, lang: Lang): string[] {
  const ends = lang === 'zh' ? /[。！？；：\n]|\\n/ : /(?<=[.!?:])\s+|\n|\\n/;
  return text
    .split(ends)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** English words that carry no meaning of their own, left out. */
const STOP = new Set(
  'a an the and or but if to of in on at by for from with as is are be was it its this that these those you your yours they them their he she his her we our us i me my do does did not no any anyone someone who what which so than then there here will would can could should may might must has have had been into out up about just only one'.split(' '),
);

/** Character pairs of the Chinese in a text; a run of digits or Latin letters counts as one character. */
function zhUnits(text: string): string[] {
  const tokens = text.match(/[\u4e00-\u9fff]|[A-Za-z0-9]+/g) ?? [];
  return tokens.slice(1).map((t, i) => tokens[i] + t);
}

/** The meaningful English words of a text, lower case, with plural and tense endings cut, so "calling" meets "call". */
function enUnits(text: string): string[] {
  return (text.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9']+/g) ?? [])
    .map((w) => w.replace(/n't$/, '').replace(/'s$/, ''))
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => w.replace(/(?:ing|ed|es|s)$/, '') || w);
}

/**
 * What a text is compared by: its character pairs (zh), since a Chinese paraphrase keeps most
 * two-character words; its meaningful words (en), since an English one keeps the words but not
 * their order.
 */
export function units(text: string, lang: Lang): string[] {
  return lang === 'zh' ? zhUnits(text) : enUnits(text);
}

/**
 * The share of a sentence's units that also occur in the rule, from 0 to 1, or 0 when the
 * sentence is too short to say a rule on its own (a heading, "不转账").
 */
function shareOf(sentence: string, rule: ReadonlySet<string>, lang: Lang): number {
  const own = [...new Set(units(sentence, lang))];
  if (own.length < PARAPHRASE_LIMITS[lang].min) return 0;
  return own.filter((u) => rule.has(u)).length / own.length;
}

/** How much of `sentence` comes from `rule`, from 0 to 1. */
export function ruleShare(sentence: string, rule: string, lang: Lang): number {
  return shareOf(sentence, new Set(units(rule, lang)), lang);
}

/** A sentence that says a rule again, with the rule it says and how much of it it shares. */
export interface Restatement {
  sentence: string;
  rule: string;
  share: number;
}

/** The sentences of `text` that restate one of `rules` (id → rule text), the closest rule for each. */
export function restatements(text: string, rules: ReadonlyMap<string, string>, lang: Lang): Restatement[] {
  const ruleUnits = [...rules].map(([id, rule]) => [id, new Set(units(rule, lang))] as const);
  const found: Restatement[] = [];
  for (const sentence of sentences(text, lang)) {
    let best: Restatement | undefined;
    for (const [id, set] of ruleUnits) {
      const share = shareOf(sentence, set, lang);
      if (share >= PARAPHRASE_LIMITS[lang].share && (!best || share > best.share)) best = { sentence, rule: id, share };
    }
    if (best) found.push(best);
  }
  return found;
}
