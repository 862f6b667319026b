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

/** A page's text as Pagefind stores it, cut into the words its locations count. */
export function pageWords(rawContent: string): string[] {
  const words = rawContent.includes('\u200B') ? rawContent.split('\u200B') : rawContent.split(/[^\S\uFEFF]+/);
  // Pagefind escapes angle brackets in the text it hands over for HTML; these parts become text nodes.
  return words.map((w) => w.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
}

/** The first word of the `length`-word window with the most matches (the middle one of equals). */
export function excerptStart(locations: readonly number[], length: number, total: number): number {
  if (locations.length === 0 || total <= length) return 0;
  const counts = new Map<number, number>();
  for (const at of locations) counts.set(at, (counts.get(at) ?? 0) + 1);
  const count = (i: number) => counts.get(i) ?? 0;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += count(i);
  let best = sum;
  let bestAt = [0];
  for (let i = 1; i + length <= total; i++) {
    sum += count(i + length - 1) - count(i - 1);
    if (sum > best) {
      best = sum;
      bestAt = [i];
    } else if (sum === best && bestAt[bestAt.length - 1] === i - 1) {
      bestAt.push(i);
    }
  }
  return bestAt[Math.floor(bestAt.length / 2)]!;
}

/** The excerpt around the matches: about `length` words, matched words marked. */
export function excerpt(words: readonly string[], locations: readonly number[], length: number, joiner: string): ExcerptPart[] {
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
