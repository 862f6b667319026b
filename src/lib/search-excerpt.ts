/**
 * A result's excerpt, built from the page's words and the places the query's words were found.
 * Pagefind builds excerpts too, but it splits the page's whole text again for every result of
 * every query; the search page keeps each page's words once and cuts the excerpt here. Same
 * rule as Pagefind: the window of `length` words holding most of the matches.
 */

/** One piece of an excerpt: plain text, or a matched word to highlight. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * A page's text as Pagefind stores it, cut into the words its locations count. Pagefind ends a
 * block that has no full stop of its own (a heading, a list item) with ". ": in Chinese text that
 * word becomes "。", so an excerpt reads 常见渠道：网络。也叫… and not 网络. 也叫.
 */
export function pageWords(rawContent: string): string[] {
  const chinese = rawContent.includes('\u200B');
  const words = chinese ? rawContent.split('\u200B') : rawContent.split(/[^\S\uFEFF]+/);
  // Pagefind escapes angle brackets in the text it hands over for HTML; these parts become text nodes.
  const text = words.map((w) => w.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  if (!chinese) return text;
  return text.map((w, i) => (/^\. ?$/.test(w) && i > 0 && /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF”’》）]\s*$/u.test(text[i - 1]!) ? '。' : w));
}

/**
 * The first word of the `length`-word window with the most matches (the middle one of equals).
 * The count changes only where a match enters or leaves the window, so the windows are visited
 * in runs between those places: a result costs its matches, not the length of its page.
 */
export function excerptStart(locations: readonly number[], length: number, total: number): number {
  if (locations.length === 0 || total <= length) return 0;
  const last = total - length;
  /** Start → how the window's count changes when it starts there. */
  const changes = new Map<number, number>();
  const change = (at: number, by: number) => changes.set(at, (changes.get(at) ?? 0) + by);
  let count = 0;
  for (const at of locations) {
    if (at < 0 || at >= total) continue;
    if (at < length) count++;
    else change(at - length + 1, 1);
    if (at + 1 <= last) change(at + 1, -1);
  }
  // The first run of starts with the highest count, as [from, to].
  let best = -1;
  let from = 0;
  let to = 0;
  let inRun = false;
  const run = (value: number, a: number, b: number) => {
    if (value > best) [best, from, to, inRun] = [value, a, b, true];
    else if (value === best && inRun) to = b;
    else inRun = false;
  };
  let at = 0;
  for (const next of [...changes.keys()].sort((a, b) => a - b)) {
    run(count, at, next - 1);
    count += changes.get(next)!;
    at = next;
  }
  run(count, at, last);
  return from + Math.floor((to - from + 1) / 2);
}

/**
 * The matches worth marking in Chinese text (`joiner` ''). Pagefind also finds a word's characters
 * on their own, so 刷单 finds the 单 of 下单, and the words that begin with them, so it finds 单位.
 * A lone Chinese character, with no match beside it, is left out, and so is a longer Chinese word
 * that shares no two characters in a row with what was asked (`asked`: the question, and when it
 * was widened, each word and the others it was also searched as). A question with a character
 * standing alone (骗) keeps every match.
 */
export function markedLocations(words: readonly string[], locations: readonly number[], joiner: string, asked: string): number[] {
  if (joiner !== '' || /(?:^|[^\p{Script=Han}])\p{Script=Han}(?:$|[^\p{Script=Han}])/u.test(asked)) return [...locations];
  const found = new Set(locations);
  const lone = (i: number) => /^\p{Script=Han}$/u.test(words[i] ?? '') && !found.has(i - 1) && !found.has(i + 1);
  const askedHan = /\p{Script=Han}/u.test(asked);
  const unasked = (i: number) => {
    const han = [...(words[i] ?? '')].filter((c) => /\p{Script=Han}/u.test(c));
    if (!askedHan || han.length < 2) return false;
    return !han.slice(1).some((c, k) => asked.includes(`${han[k]}${c}`));
  };
  return locations.filter((i) => !lone(i) && !unasked(i));
}

/** The excerpt around the matches of what was `asked` (see markedLocations): about `length` words, matched words marked. */
export function excerpt(words: readonly string[], found: readonly number[], length: number, joiner: string, asked = ''): ExcerptPart[] {
  const locations = markedLocations(words, found, joiner, asked);
  const start = excerptStart(locations, length, words.length);
  const marked = new Set(locations);
  const parts: ExcerptPart[] = [];
  const add = (text: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && !last.mark && !mark) last.text += text;
    else if (text) parts.push({ text, mark });
  };
  for (let i = start; i < Math.min(words.length, start + length); i++) {
    if (i > start) add(joiner, false);
    add(words[i]!, marked.has(i));
  }
  const first = parts[0];
  if (first && !first.mark) first.text = first.text.trimStart();
  const last = parts[parts.length - 1];
  if (last && !last.mark) last.text = last.text.trimEnd();
  return parts.filter((p) => p.text !== '');
}
