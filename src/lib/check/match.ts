/**
 * The message checker's decision: which signals a text shows, how strongly, and which scam
 * categories they point to. Pure; the /check/ page runs it in the browser, tests and the bench
 * run it in Node.
 */
import { foldMap, normalize } from './normalize';

/** The signals as the page ships them (built by compile.ts from content). */
export interface CheckData {
  /** Traditional and variant characters with the simplified ones they fold to, as pairs. */
  fold: string;
  /** Scam category slugs, in the order the site lists them. */
  categories: string[];
  signals: CompiledSignal[];
}

export interface CompiledSignal {
  /** The signal's id in content. */
  id: string;
  /** 1 worth a look, 2 suspicious, 3 a scam on its own. */
  weight: number;
  /** Indices into `categories` of the categories the signal counts towards. */
  categories: number[];
  /** Whether the signal is a category's own, not one of the shared list. */
  own: boolean;
  /** Normalized phrases, longest first; `*` stands for up to 8 characters. */
  phrases: string[];
}

export type Verdict = 'warning' | 'caution' | 'no-known-signs';

/** One highlighted stretch of the reader's text. */
export interface Mark {
  /** Index of the first UTF-16 unit in the checked text. */
  start: number;
  /** Index just after the last. */
  end: number;
  /** The signal it shows. */
  signal: string;
}

export interface CheckResult {
  verdict: Verdict;
  /** Sum of the weights of the signals found. */
  score: number;
  /** Likely categories, best first, at most three. */
  categories: string[];
  /** Signals found, strongest first, each with the words that showed it, as the reader wrote them. */
  found: { id: string; weight: number; quotes: string[] }[];
  /** Highlights in the checked text, in reading order, never overlapping. */
  marks: Mark[];
  /** The text that was checked: the input, cut to `MAX_CHARS`. */
  checked: string;
  /** Whether the input was longer than `MAX_CHARS`. */
  truncated: boolean;
}

/** Longest text checked; longer input is cut and the page says so. */
export const MAX_CHARS = 10_000;
/** A score from which the answer is "this looks like a scam". */
export const WARNING_AT = 3;
/** A score from which the answer is "be careful". */
export const CAUTION_AT = 1;
/** At most this many likely categories are named. */
export const MAX_CATEGORIES = 3;

/** Most characters a `*` in a phrase stands for. */
const GAP = 8;
/** Endings an English phrase may take: link → links, linked, linking. Longest first; '' last. */
const SUFFIXES = ['ing', 'es', 'ed', 's', 'd', ''];
const LATIN = /[a-z0-9]/;
// "请勿将验证码告知他人", "银行不会以任何理由要求您提供验证码", "never share your code": a phrase
// right after a negation and a few linking words is advice, not a request.
const NEGATED = new RegExp(
  '(?:勿|不要|不会|不得|不可|绝不|从不|切莫|严禁|禁止|never|not|don t|dont|won t|no one|nobody)' +
    '(?:会|要求|索要|主动|以任何理由|任何理由|以任何方式|任何人|任何|向|通过|让|叫|给|把|将|对|跟|和|您|你|他人|别人|' +
    '所谓|什么|陌生人|到|告诉|透露|泄露|提供|转发|发送|告知|出示|开启|打开|点击|下载|安装|转账|转入|转到|汇入|进行|' +
    ' |ask|asks|you|your|to|for|the|anyone|share|tell|give|send|reveal|disclose|enter|open|click|install|download|transfer|a)*$',
);

/** A phrase ready to match: its literal parts (split at `*`) and the signal it shows. */
interface Phrase {
  signal: number;
  parts: string[];
  /** Whether the phrase starts or ends with a Latin letter or digit, so must meet a word edge there. */
  latinStart: boolean;
  latinEnd: boolean;
}

interface Prepared {
  fold: Map<string, string>;
  /** Phrases by their first character, so each position of the text tries only a few. */
  byFirst: Map<string, Phrase[]>;
}
const prepared = new WeakMap<CheckData, Prepared>();

function prepare(data: CheckData): Prepared {
  let p = prepared.get(data);
  if (!p) {
    const byFirst = new Map<string, Phrase[]>();
    for (const [signal, s] of data.signals.entries()) {
      for (const phrase of s.phrases) {
        const entry = { signal, parts: phrase.split('*'), latinStart: LATIN.test(phrase[0]!), latinEnd: LATIN.test(phrase[phrase.length - 1]!) };
        const list = byFirst.get(phrase[0]!) ?? [];
        list.push(entry);
        byFirst.set(phrase[0]!, list);
      }
    }
    p = { fold: foldMap(data.fold), byFirst };
    prepared.set(data, p);
  }
  return p;
}

/** Where `phrase` found at `start` of `text` ends, or -1 if it does not match there. */
function matchAt(text: string, start: number, phrase: Phrase): number {
  if (phrase.latinStart && LATIN.test(text[start - 1] ?? '')) return -1;
  const [first, ...rest] = phrase.parts;
  if (!text.startsWith(first!, start)) return -1;
  let end = start + first!.length;
  for (const part of rest) {
    // The nearest next part within GAP characters, as a lazy `.{0,8}?` would take it.
    const at = text.slice(end, end + GAP + part.length).indexOf(part);
    if (at < 0) return -1;
    end += at + part.length;
  }
  if (!phrase.latinEnd) return end;
  for (const suffix of SUFFIXES) {
    if (text.startsWith(suffix, end) && !LATIN.test(text[end + suffix.length] ?? '')) return end + suffix.length;
  }
  return -1;
}

/** Checks `input` against the signals in `data`. */
export function check(input: string, data: CheckData): CheckResult {
  const truncated = input.length > MAX_CHARS;
  // Cut before a lone high surrogate, so an emoji at the edge is dropped whole.
  const checked = truncated ? input.slice(0, MAX_CHARS).replace(/[\uD800-\uDBFF]$/, '') : input;
  const { fold, byFirst } = prepare(data);
  const norm = normalize(checked, fold);
  const text = norm.text;

  const candidates: { signal: number; start: number; end: number }[] = [];
  for (let start = 0; start < text.length; start++) {
    for (const phrase of byFirst.get(text[start]!) ?? []) {
      const end = matchAt(text, start, phrase);
      if (end > 0 && !NEGATED.test(text.slice(Math.max(0, start - 24), start))) candidates.push({ signal: phrase.signal, start, end });
    }
  }

  // Where phrases overlap, the stronger signal, then the longer phrase, keeps the words.
  const taken = new Uint8Array(text.length);
  const accepted: typeof candidates = [];
  candidates.sort(
    (a, b) => data.signals[b.signal]!.weight - data.signals[a.signal]!.weight || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  for (const c of candidates) {
    if (taken.subarray(c.start, c.end).some(Boolean)) continue;
    taken.fill(1, c.start, c.end);
    accepted.push(c);
  }
  accepted.sort((a, b) => a.start - b.start);

  const marks: Mark[] = accepted.map((c) => ({ start: norm.from[c.start]!, end: norm.to[c.end - 1]!, signal: data.signals[c.signal]!.id }));
  const bySignal = new Map<number, string[]>();
  for (const [i, c] of accepted.entries()) {
    const quote = checked.slice(marks[i]!.start, marks[i]!.end);
    const quotes = bySignal.get(c.signal) ?? [];
    if (!quotes.includes(quote)) quotes.push(quote);
    bySignal.set(c.signal, quotes);
  }

  const scores = data.categories.map(() => ({ total: 0, own: 0, quotes: 0 }));
  let score = 0;
  for (const index of bySignal.keys()) {
    const s = data.signals[index]!;
    score += s.weight;
    for (const c of s.categories) {
      scores[c]!.total += s.weight;
      scores[c]!.quotes += bySignal.get(index)!.length;
      if (s.own) scores[c]!.own += s.weight;
    }
  }
  const categories = data.categories
    .map((slug, order) => ({ slug, order, ...scores[order]! }))
    .filter((c) => c.total > 0)
    // Ties go to the category with more of its own weight, then to the one more of the text speaks of.
    .sort((a, b) => b.total - a.total || b.own - a.own || b.quotes - a.quotes || a.order - b.order)
    .slice(0, MAX_CATEGORIES)
    .map((c) => c.slug);

  const found = [...bySignal.entries()]
    .map(([index, quotes]) => ({ id: data.signals[index]!.id, weight: data.signals[index]!.weight, quotes }))
    .sort((a, b) => b.weight - a.weight);

  const verdict: Verdict = score >= WARNING_AT ? 'warning' : score >= CAUTION_AT ? 'caution' : 'no-known-signs';
  return { verdict, score, categories, found, marks, checked, truncated };
}
