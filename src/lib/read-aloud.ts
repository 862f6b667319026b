/**
 * Pure pieces of read-aloud: which voice to use and where sentences start and end. The browser
 * side is src/client/read-aloud.ts.
 */

/** The fields of a SpeechSynthesisVoice that decide whether it can read a page. */
export interface VoiceInfo {
  lang: string;
  localService: boolean;
  default?: boolean;
}

/**
 * A voice on this device for the page's language, or undefined. Only local voices qualify: a
 * network voice would send the page's text to a speech service.
 */
export function pickVoice<V extends VoiceInfo>(voices: readonly V[], locale: 'zh-CN' | 'en'): V | undefined {
  const norm = (lang: string) => lang.replace('_', '-').toLowerCase();
  const local = voices.filter((v) => v.localService);
  const exact = locale === 'en' ? ['en-gb', 'en-us'] : ['zh-cn', 'cmn-cn', 'zh-hans-cn', 'cmn-hans-cn'];
  const family = locale === 'en' ? /^en\b/ : /^(zh|cmn)\b(?!-(hk|tw|mo)\b|-hant\b)/;
  const score = (v: V) => {
    const lang = norm(v.lang);
    const rank = exact.indexOf(lang);
    if (rank >= 0) return 10 - rank + (v.default ? 1 : 0);
    return family.test(lang) ? 1 : 0;
  };
  let best: V | undefined;
  for (const v of local) if (score(v) > 0 && (!best || score(v) > score(best))) best = v;
  return best;
}

/** A stretch of text to read: one block (paragraph, list item, heading) of the page. */
export type Block = string;

/** One sentence: its block, and where it starts and ends in that block's text. */
export interface Sentence {
  block: number;
  start: number;
  end: number;
}

/** Sentence ends: Chinese 。！？；… and English . ! ? followed by a space or the end of the block. */
const END = /[。！？；…]+[”」』）)]*|[.!?]+["”’)]*(?=\s|$)/g;

/**
 * The sentences of each block, without surrounding spaces; a block with no end mark is one
 * sentence. Blocks are never joined, so a heading is read on its own.
 */
export function splitSentences(blocks: readonly Block[]): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((text, block) => {
    let from = 0;
    const push = (to: number) => {
      let start = from;
      let end = to;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (/[\p{L}\p{N}]/u.test(text.slice(start, end))) out.push({ block, start, end });
      from = to;
    };
    for (const m of text.matchAll(END)) push(m.index + m[0].length);
    push(text.length);
  });
  return out;
}
