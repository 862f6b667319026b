/**
 * How the site search answers a question typed as a sentence: its topic words together first;
 * when that finds too little, or the query is a sentence, its topic words (and their synonyms from
 * content/search/) are looked up one by one in a single round and the answers merged. Scam and
 * audience articles and guides come before lessons, clips and news. No DOM here: the engine is
 * passed in, so the same code runs against Pagefind in the page and a small index in tests.
 */

/** The search words of one language, from content/search/<lang>.yaml, plus known phrases. */
export interface SearchWords {
  /** Groups of words readers use for the same thing. */
  synonyms: string[][];
  /** Words that carry no topic. */
  filler: string[];
  /** Words that mark a description of something happening to the reader. */
  situation: string[];
  /** Words that name who a question is about (爸妈, a daughter), not what happened. */
  people?: string[];
  /** Phrases kept whole when a query is split: the synonyms, the scams' aliases, the articles' `askedAs`. */
  phrases: string[];
}

/** One topic word of a query, and the other words it is also searched as. */
export interface Term {
  word: string;
  also: string[];
  /** The word names a person, not what happened: it counts less. */
  person?: boolean;
  /** A phrase an article is often asked as, met with other words in between: looked up as it is written, word for word. */
  exact?: boolean;
}

/** A hit as the engine returns it: a page id, the engine's score, and a loader for its text. */
export interface Hit<D = unknown> {
  id: string;
  score: number;
  /** Where the words were found in the page's text, counted in words, to cut its excerpt. */
  words?: number[];
  data: () => Promise<D>;
}

/** What the page needs from a search engine (Pagefind's `search`, reduced). */
export interface Engine<D = unknown> {
  search(term: string | null, filters: Record<string, unknown>): Promise<Hit<D>[]>;
}

export interface Answer<D = unknown> {
  hits: Hit<D>[];
  /** The words searched one by one, when the query was widened; null when it was searched as typed. */
  widened: Term[] | null;
  /** Why it was widened: too few pages have every word, or the query is a sentence. */
  reason: 'few' | 'sentence' | null;
}

/** Fewer pages than this with every word, and the query is widened. */
export const ENOUGH = 3;
/** A query with at least this many topic words reads as a sentence and is searched word by word. */
export const SENTENCE_TERMS = 3;
/** Limits that keep a widened search to one quick round. */
const MAX_TERMS = 6;
const MAX_VARIANTS = 4;
/** A synonym counts a little less than the word the reader typed. */
const SYNONYM_WEIGHT = 0.8;
/**
 * A word naming who the question is about counts this much of a word naming what happened: in
 * 爸妈接到冒充警察的电话 the page about the fake police call comes before the page for parents.
 */
const PERSON_WEIGHT = 0.4;
/** A primary page with at least this share of the best score comes before lessons, clips and news. */
const PRIMARY_SHARE = 0.3;
/** Widened results scoring below this share of the best are left out. */
const KEEP_SHARE = 0.2;

const isChinese = (locale: string) => locale.toLowerCase().startsWith('zh');
const HAN = /\p{Script=Han}/u;

/** Lower case, full-width forms folded, punctuation turned into spaces. */
export function normalize(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A language's search words made ready once: normalized, phrases grouped by first character
 * (longest first), each word's synonyms listed. Every query used to normalize the whole list of
 * phrases and synonyms again, which cost more than the lookups themselves.
 */
interface Prepared {
  filler: Set<string>;
  /** Phrases of at least two characters, by first character, longest first. */
  phrases: Map<string, string[]>;
  /** Every word that has synonyms, with all the words of its groups, in order. */
  groups: Map<string, string[]>;
  situation: string[];
  people: Set<string>;
  /** Chinese phrases of several words, by their topic words run together (钱转给骗子了怎么办 → 钱转给骗子). */
  bare?: Map<string, string>;
}
const prepared = new WeakMap<SearchWords, Prepared>();

function prepare(words: SearchWords): Prepared {
  let ready = prepared.get(words);
  if (ready) return ready;
  const phrases = new Map<string, string[]>();
  for (const phrase of [...new Set(words.phrases.map(normalize).filter((p) => p.length >= 2))].sort((a, b) => b.length - a.length)) {
    const list = phrases.get(phrase[0]!) ?? [];
    list.push(phrase);
    phrases.set(phrase[0]!, list);
  }
  const groups = new Map<string, string[]>();
  for (const group of words.synonyms.map((g) => g.map(normalize))) {
    for (const word of group) groups.set(word, [...new Set([...(groups.get(word) ?? []), ...group])]);
  }
  ready = {
    filler: new Set(words.filler.map(normalize)),
    phrases,
    groups,
    situation: words.situation.map(normalize),
    people: new Set((words.people ?? []).map(normalize)),
  };
  prepared.set(words, ready);
  return ready;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) segmenters.set(locale, (s = new Intl.Segmenter(locale, { granularity: 'word' })));
  return s;
}

/**
 * The topic words of a query, in order, each with its synonyms. Known phrases stay whole;
 * Chinese text between them is split by the browser's word segmenter, and single characters
 * next to each other are joined again (医/保/卡 → 医保卡), since alone they match almost anything.
 */
export function splitQuery(query: string, locale: string, words: SearchWords): Term[] {
  const { filler, phrases, groups, people } = prepare(words);
  const text = normalize(query);
  const found: string[] = [];
  const exact = new Set<string>();
  if (isChinese(locale)) {
    let rest = '';
    const flush = () => {
      found.push(...chineseWords(rest, locale, filler, groups));
      rest = '';
    };
    for (let i = 0; i < text.length; ) {
      const phrase = phrases.get(text[i]!)?.find((p) => text.startsWith(p, i) && (HAN.test(p) || wordBoundary(text, i, p.length)));
      if (phrase && !filler.has(phrase)) {
        flush();
        found.push(phrase);
        i += phrase.length;
      } else {
        rest += text[i];
        i += 1;
      }
    }
    flush();
    // A question put the way an article says it is often asked, with other filler words in it
    // (钱已经转给骗子了怎么办 for 钱转给骗子了怎么办), is looked up as that phrase too.
    const asked = topicWords(text, locale, filler).join('');
    for (const [bare, phrase] of barePhrases(words, locale)) {
      if (asked.includes(bare) && !found.includes(phrase)) {
        found.unshift(phrase);
        exact.add(phrase);
      }
    }
  } else {
    const tokens = text.split(' ').filter(Boolean);
    for (let i = 0; i < tokens.length; ) {
      const phrase = phrases.get(tokens[i]![0]!)?.find((p) => p.includes(' ') && tokens.slice(i, i + p.split(' ').length).join(' ') === p);
      if (phrase) {
        found.push(phrase);
        i += phrase.split(' ').length;
      } else {
        if (!filler.has(tokens[i]!)) found.push(tokens[i]!);
        i += 1;
      }
    }
  }
  const unique = [...new Set(found)].slice(0, MAX_TERMS);
  return unique.map((word) => {
    const also = (groups.get(word) ?? []).filter((w) => w !== word && !unique.includes(w)).slice(0, MAX_VARIANTS - 1);
    if (exact.has(word)) return { word, also: [], exact: true };
    return people.has(word) ? { word, also, person: true } : { word, also };
  });
}

/**
 * The work every question shares, done once before the first: the word lists made ready for
 * lookup and, for Chinese, the browser's word-break data loaded. The first Chinese split in a page
 * costs 25–50 ms, each later one well under 1 ms, and Pagefind's own splitter shares that data.
 */
export function prepareSearch(locale: string, words: SearchWords): void {
  splitQuery(words.phrases[0] ?? '', locale, words);
}

/** The topic words of Chinese text in order: filler words, spaces and punctuation left out. */
function topicWords(text: string, locale: string, filler: ReadonlySet<string>): string[] {
  return [...segmenter(locale).segment(text.replace(/\s/g, ''))].filter((s) => s.isWordLike && !filler.has(s.segment)).map((s) => s.segment);
}

/** The known Chinese phrases of two or more topic words (four characters at least), by their bare form. */
function barePhrases(words: SearchWords, locale: string): Map<string, string> {
  const ready = prepare(words);
  if (!ready.bare) {
    ready.bare = new Map();
    for (const list of ready.phrases.values()) {
      for (const phrase of list) {
        if (!HAN.test(phrase)) continue;
        const topic = topicWords(phrase, locale, ready.filler);
        const bare = topic.join('');
        if (topic.length >= 2 && [...bare].length >= 4 && bare !== phrase && !ready.bare.has(bare)) ready.bare.set(bare, phrase);
      }
    }
  }
  return ready.bare;
}

function wordBoundary(text: string, start: number, length: number): boolean {
  const before = text[start - 1];
  const after = text[start + length];
  return (before === undefined || before === ' ') && (after === undefined || after === ' ');
}

function chineseWords(text: string, locale: string, filler: Set<string>, known: ReadonlyMap<string, unknown>): string[] {
  const out: string[] = [];
  let run = '';
  const end = () => {
    // Lone characters in a row are joined (医/保/卡 → 医保卡); one left alone says too little.
    if ([...run].length > 1) out.push(run);
    run = '';
  };
  for (const chunk of text.split(' ')) {
    for (const { segment, isWordLike } of segmenter(locale).segment(chunk)) {
      if (!isWordLike || filler.has(segment)) {
        end();
      } else if ([...segment].length === 1 && HAN.test(segment) && !known.has(segment)) {
        run += segment;
      } else {
        end();
        out.push(segment);
      }
    }
    end();
  }
  return out;
}

/** Whether a query reads like a description of something happening, not a keyword. */
export function describesSituation(query: string, locale: string, words: SearchWords): boolean {
  const text = normalize(query);
  const markers = prepare(words).situation;
  if (isChinese(locale)) {
    return [...text.replace(/\s/g, '')].length >= 14 || (text.length >= 6 && markers.some((m) => text.includes(m)));
  }
  const tokens = text.split(' ');
  return tokens.length >= 10 || (tokens.length >= 4 && tokens.some((t) => markers.includes(t)));
}

/**
 * Answers a query: as typed, and widened when too few pages have every word or the query is a
 * sentence. A widened search costs one more round of lookups, all at once. `primary` holds the
 * ids of the pages a general question should find first (scam and audience articles, guides);
 * `pages` is how many pages the index has, which tells how common a word is; either may be a
 * promise still being answered.
 */
export async function answer<D>(
  engine: Engine<D>,
  query: string,
  options: {
    locale: string;
    words: SearchWords;
    filters: Record<string, unknown>;
    primary: ReadonlySet<string> | Promise<ReadonlySet<string>>;
    pages?: number | Promise<number>;
  },
): Promise<Answer<D>> {
  const { locale, words, filters } = options;
  const terms = splitQuery(query, locale, words);
  const sentence = terms.length >= SENTENCE_TERMS;
  const variants = terms.flatMap((term) => [term.word, ...term.also].map((word) => ({ term, word })));
  const wide = () => Promise.all(variants.map((v) => engine.search(v.term.exact ? `"${v.word}"` : v.word, filters)));
  // First every topic word together (filler words would only find pages that happen to use
  // them too). A sentence is always widened, so its lookups go out in the same round.
  const together = terms.length ? terms.map((t) => t.word).join(' ') : query;
  // Which pages come first and the size of the index may still be loading: they are needed
  // only to order the answers, so they are awaited with the lookups, not before them.
  const [typed, early, primary, pages = 0] = await Promise.all([sentence ? null : engine.search(together, filters), sentence ? wide() : null, options.primary, options.pages]);
  // A sentence's pages with every word are those its words' own lookups share: one lookup fewer,
  // and the one least likely to have been made before.
  const strict = typed ?? shared(terms.map((term) => early![variants.findIndex((v) => v.term === term && v.word === term.word)]!));
  const widen = terms.length > 0 && (sentence || strict.length < ENOUGH) && (terms.length > 1 || terms[0]!.also.length > 0);
  if (!widen) return { hits: ordered(strict, primary), widened: null, reason: null };
  const lists = early ?? (await wide());
  const hits = fuse(variants.map((v, i) => ({ term: v.term.word, synonym: v.word !== v.term.word, person: v.term.person, hits: lists[i]! })), pages);
  if (hits.length === 0) return { hits: ordered(strict, primary), widened: null, reason: null };
  return { hits: ordered(hits, primary), widened: terms, reason: strict.length < ENOUGH ? 'few' : 'sentence' };
}

/** The hits of the first list whose pages are in every list. */
function shared<D>(lists: Hit<D>[][]): Hit<D>[] {
  const others = lists.slice(1).map((list) => new Set(list.map((h) => h.id)));
  return (lists[0] ?? []).filter((hit) => others.every((ids) => ids.has(hit.id)));
}

/**
 * Primary pages that answer the query well (at least 30 % of the best score) first, then the rest by
 * score, so a lesson or clip that answers well still comes before an article that barely does;
 * a stable order for equal scores.
 */
export function ordered<D>(hits: Hit<D>[], primary: ReadonlySet<string>): Hit<D>[] {
  const best = Math.max(0, ...hits.map((h) => h.score));
  const first = (hit: Hit<D>) => Number(primary.has(hit.id) && hit.score >= best * PRIMARY_SHARE);
  return hits
    .map((hit, index) => ({ hit, index }))
    .sort((a, b) => first(b.hit) - first(a.hit) || b.hit.score - a.hit.score || a.index - b.index)
    .map(({ hit }) => hit);
}

/**
 * Merges the answers of single words into one ranking, as if the engine had searched for any of
 * them. For each of the query's terms a page counts its best score for the term (the typed word,
 * or a synonym, which counts a little less) as a share of the best page's, so no single word,
 * however often a page repeats it, outweighs the others; and a term counts more the fewer pages
 * have it, since a word most pages use (钱, 电话) says little about which page is meant. A page's
 * score is the sum over terms: pages that answer more of the question come first.
 */
export function fuse<D>(lists: { term: string; synonym: boolean; person?: boolean; hits: Hit<D>[] }[], pages = 0): Hit<D>[] {
  const byTerm = new Map<string, Map<string, { value: number; hit: Hit<D> }>>();
  // How many pages have the term: those with the word as typed or, when none has it, with its
  // least common synonym (one broad synonym would make a telling word look common).
  const found = new Map<string, { typed: boolean; size: number }>();
  const persons = new Set(lists.filter((l) => l.person).map((l) => l.term));
  for (const list of lists) {
    const weight = list.synonym ? SYNONYM_WEIGHT : 1;
    const scores = byTerm.get(list.term) ?? new Map<string, { value: number; hit: Hit<D> }>();
    byTerm.set(list.term, scores);
    const known = found.get(list.term);
    if (list.hits.length > 0 && !known?.typed && (!list.synonym || !known || known.size > list.hits.length)) {
      found.set(list.term, { typed: !list.synonym, size: list.hits.length });
    }
    for (const hit of list.hits) {
      const value = weight * hit.score;
      if ((scores.get(hit.id)?.value ?? -1) < value) scores.set(hit.id, { value, hit });
    }
  }
  const seen = new Set([...byTerm.values()].flatMap((scores) => [...scores.keys()]));
  const size = Math.max(pages, seen.size, 1);
  const total = new Map<string, { value: number; hit: Hit<D>; top: number; words: number[] }>();
  for (const [term, scores] of byTerm) {
    if (scores.size === 0) continue;
    const best = Math.max(...[...scores.values()].map((s) => s.value));
    const rarity = Math.log(1 + size / (found.get(term)?.size ?? scores.size)) * (persons.has(term) ? PERSON_WEIGHT : 1);
    for (const [id, { value, hit }] of scores) {
      const share = best > 0 ? (rarity * value) / best : 0;
      const sum = total.get(id);
      const words = [...(sum?.words ?? []), ...(hit.words ?? [])];
      if (!sum) total.set(id, { value: share, hit, top: share, words });
      else total.set(id, { value: sum.value + share, hit: share > sum.top ? hit : sum.hit, top: Math.max(share, sum.top), words });
    }
  }
  // A merged page shows where any of the query's words were found.
  const merged = [...total.entries()].map(([id, t]) => ({ ...t.hit, id, score: t.value, words: [...new Set(t.words)].sort((a, b) => a - b) }));
  const best = Math.max(0, ...merged.map((h) => h.score));
  return merged.filter((h) => h.score >= best * KEEP_SHARE).sort((a, b) => b.score - a.score);
}
