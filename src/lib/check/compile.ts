/**
 * Build time: turns the signals written in content into the compact data the /check/ page
 * ships, with the traditional forms of every phrase derived from opencc-js.
 */
import type { CheckData } from './match';
import { normalize } from './normalize';
import { foldTable, traditionalForms } from './traditional';

/** A signal as content declares it, with the categories it counts towards. */
export interface SignalSource {
  id: string;
  weight: number;
  phrases: readonly string[];
  /** Scam category slugs. */
  categories: readonly string[];
  /** A category's own signal rather than one of the shared list. */
  own: boolean;
  /** Where it is written, for error messages: `content/signals.yaml`. */
  file: string;
}

/** Compiles `signals` for the page; `categories` are the site's scam slugs in list order. */
export function compileSignals(signals: readonly SignalSource[], categories: readonly string[]): CheckData {
  const problems = signalProblems(signals, categories);
  if (problems.length) throw new Error(problems.join('\n'));

  const bare = (phrase: string, fold: ReadonlyMap<string, string>) =>
    phrase
      .split('*')
      .map((part) => normalize(part, fold).text)
      .join('*');
  const raw = signals.flatMap((s) => s.phrases.map((p) => bare(p, new Map())));
  const table = foldTable(raw);
  const fold = (text: string) => bare(text, table);

  return {
    fold: [...table].map(([from, to]) => from + to).join(''),
    categories: [...categories],
    signals: signals.map((s) => {
      const phrases = new Set<string>();
      for (const p of s.phrases) {
        phrases.add(fold(p));
        for (const form of traditionalForms(p, fold)) phrases.add(form);
      }
      return {
        id: s.id,
        weight: s.weight,
        categories: s.categories.map((slug) => categories.indexOf(slug)),
        own: s.own,
        phrases: [...phrases].sort((a, b) => b.length - a.length || a.localeCompare(b)),
      };
    }),
  };
}

/**
 * What is wrong with a set of signals, one line each, naming the file: a repeated id, a phrase
 * that is empty once normalized, a phrase two signals share, an unknown category.
 */
export function signalProblems(signals: readonly SignalSource[], categories: readonly string[]): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const phrases = new Map<string, string>();
  for (const s of signals) {
    const other = ids.get(s.id);
    if (other) problems.push(`${s.file}: signals: id "${s.id}" is also used in ${other}`);
    ids.set(s.id, s.file);
    for (const c of s.categories) {
      if (!categories.includes(c)) problems.push(`${s.file}: signals: ${s.id}: unknown scam category "${c}"`);
    }
    for (const p of s.phrases) {
      const key = p
        .split('*')
        .map((part) => normalize(part, new Map()).text)
        .join('*');
      if (key.replace(/\*/g, '').length < 2) {
        problems.push(`${s.file}: signals: ${s.id}: phrase "${p}" has fewer than 2 letters once spaces and punctuation go`);
        continue;
      }
      const owner = phrases.get(key);
      if (owner && owner !== s.id) problems.push(`${s.file}: signals: ${s.id}: phrase "${p}" is also in signal "${owner}"`);
      phrases.set(key, s.id);
    }
  }
  return problems;
}

/** A signal as written in content/signals.yaml or a scam article's `signals:`. */
interface WrittenSignal {
  id: string;
  weight: number;
  phrases: readonly string[];
  suggests?: readonly string[];
}

/**
 * Every signal, from the shared list and the scam articles (`scams` as `[file, key, signals]`),
 * in the form `compileSignals` takes.
 */
export function signalSources(
  shared: readonly WrittenSignal[],
  scams: readonly (readonly [file: string, key: string, signals: readonly WrittenSignal[]])[],
): SignalSource[] {
  return [
    ...shared.map((s) => ({ id: s.id, weight: s.weight, phrases: s.phrases, categories: s.suggests ?? [], own: false, file: 'content/signals.yaml' })),
    ...scams.flatMap(([file, key, signals]) => signals.map((s) => ({ id: s.id, weight: s.weight, phrases: s.phrases, categories: [key], own: true, file }))),
  ];
}
