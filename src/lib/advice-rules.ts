/**
 * Checks on the rules of advice in content/advice/, shared by the content loader and the tests.
 * Pure: callers read the files and pass their names and text in.
 */
import { parse as parseYaml } from 'yaml';

/** A rule id is its file name: kebab-case, e.g. `never-share-screen`. */
export const ADVICE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The folder the rules live in, one YAML file each. */
export const ADVICE_DIR = 'content/advice';

/** Full-width and ASCII punctuation made alike, so a quote matches however the source typed its commas. */
export function normalizePunctuation(text: string): string {
  return text
    .replace(/，/g, ',')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/\s+/g, '');
}

/** What is wrong with a quote said to come from `sourceText`, or null when it is there word for word. */
export function quoteProblem(quote: string, sourceText: string): string | null {
  return normalizePunctuation(sourceText).includes(normalizePunctuation(quote)) ? null : 'is not word for word in the source';
}

/**
 * Problems with the file names in content/advice/: a name that is not a kebab-case id, or two
 * files that give the same id (`a.yaml` and `a.yml`, or names differing only in case).
 */
export function adviceFileProblems(fileNames: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of [...fileNames].sort()) {
    const match = /^(.*)\.ya?ml$/.exec(name);
    if (!match) {
      problems.push(`${ADVICE_DIR}/${name}: not a rule: a rule is a .yaml file`);
      continue;
    }
    const id = match[1]!;
    if (!ADVICE_ID.test(id)) problems.push(`${ADVICE_DIR}/${name}: the file name is the rule id and must be kebab-case (e.g. never-share-screen)`);
    const key = id.toLowerCase();
    const first = seen.get(key);
    if (first) problems.push(`${ADVICE_DIR}/${name}: duplicate rule id "${id}": ${ADVICE_DIR}/${first} has it too`);
    else seen.set(key, name);
  }
  return problems;
}

/**
 * A rule's screen form on one line, for a checklist, an objective or a quoted reminder. On a
 * screen a line break or a space is the pause between two clauses ("先挂断 不转账"); in running
 * text that pause is a comma in Chinese ("先挂断，不转账"). In English a line that ends without
 * punctuation before one that starts with a capitalised word (not an acronym such as ID) ends a sentence ("Hang up first. It isn’t
 * rude"); other breaks only wrap a phrase and become a space. A space beside a digit or a Latin
 * word stays ("拨打 110 问一问").
 */
export function shortLine(short: string, lang: 'zh' | 'en'): string {
  const lines = short
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lang === 'zh') {
    const clauses = lines.map((line) => line.replace(/(?<=[\p{Script=Han}”])\s+(?=[\p{Script=Han}“])/gu, '，'));
    return clauses.reduce((joined, line) => (joined === '' ? line : /[，。！？：；、]$/u.test(joined) ? joined + line : `${joined}，${line}`), '');
  }
  return lines.reduce((joined, line) => {
    if (joined === '') return line;
    if (/[.!?:;,]$/.test(joined) || !/^(“|[A-Z][a-z’'])/.test(line)) return `${joined} ${line}`;
    return `${joined}. ${line}`;
  }, '');
}

/**
 * A rule's Chinese addressed to the reader as 您, for a page written that way (the seniors'
 * page and quiz): each 你 becomes 您; 你们 stays, as 您们 is not standard.
 */
export function politeZh(text: string): string {
  return text.replace(/你(?!们)/g, '您');
}

/** A rule as its file gives it, for the checks that look across rules. */
export interface RuleText {
  id: string;
  file: string;
  text: { zh: string; en: string };
}

/** Two rules that say the same words, punctuation and case aside, are one rule written twice. */
export function duplicateTextProblems(rules: readonly RuleText[]): string[] {
  const problems: string[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const seen = new Map<string, RuleText>();
    for (const rule of rules) {
      const key = rule.text[lang].replace(/[\p{P}\p{S}\s]/gu, '').toLowerCase();
      const first = seen.get(key);
      if (first) problems.push(`${rule.file}: text.${lang}: the same words as rule "${first.id}" (${first.file}): write a rule once and reuse its id`);
      else seen.set(key, rule);
    }
  }
  return problems;
}

/**
 * The rule ids a content or source file names. MDX: `<Advice id="…" />`,
 * `<AdviceList ids={["…"]} />` and `advice` fields in its frontmatter; YAML: any field called
 * `advice` (an id or a list of ids); code: `adviceRule('…')`.
 */
export function adviceIdsIn(path: string, text: string): string[] {
  if (/\.ya?ml$/.test(path)) return adviceFieldsIn(parseYaml(text));
  const ids: string[] = [];
  // An MDX file's frontmatter may name rules too (a lesson's objectives: `advice: <id>`).
  const frontmatter = path.endsWith('.mdx') ? /^---\n([\s\S]*?)\n---/.exec(text) : null;
  if (frontmatter) ids.push(...adviceFieldsIn(parseYaml(frontmatter[1]!)));
  // In code only a literal kebab-case id counts, so comments that show the syntax are not read as uses.
  for (const m of text.matchAll(/\badviceRule\(\s*["']([a-z0-9][a-z0-9-]*)["']/g)) ids.push(m[1]!);
  if (path.endsWith('.ts')) return ids;
  for (const m of text.matchAll(/<Advice\s[^>]*?\bid=["']([^"']+)["']/g)) ids.push(m[1]!);
  for (const m of text.matchAll(/<AdviceList\s[^>]*?\bids=\{\[([^\]]*)\]\}/g)) {
    for (const q of m[1]!.matchAll(/["']([^"']+)["']/g)) ids.push(q[1]!);
  }
  return ids;
}

function adviceFieldsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(adviceFieldsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    if (key === 'advice') return (Array.isArray(v) ? v : [v]).filter((id): id is string => typeof id === 'string');
    return adviceFieldsIn(v);
  });
}

/** Where rules are used, against the rules that exist: unknown ids (errors) and unused rules (warnings). */
export function adviceUsage(known: readonly string[], files: readonly { path: string; ids: readonly string[] }[]) {
  const knownSet = new Set(known);
  const used = new Set(files.flatMap((f) => f.ids));
  const unknown = files.flatMap((f) =>
    f.ids.filter((id) => !knownSet.has(id)).map((id) => `${f.path}: unknown advice id "${id}": there is no ${ADVICE_DIR}/${id}.yaml`),
  );
  const unused = known.filter((id) => !used.has(id));
  return { unknown: [...new Set(unknown)], unused };
}

/** The advice sets an MDX body shows with `<AdviceList set="…" />`, in order of use. */
export function adviceSetIdsIn(text: string): string[] {
  return [...text.matchAll(/<AdviceList\s[^>]*?\bset=["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** A named official source as a rule file gives it. */
export interface NamedSource {
  publisher: string;
  title: string;
  date: Date;
  url: string;
}

/**
 * The named official sources behind the rules `ids`, once each (by address) and in order of first
 * use, so a page can list where its tips come from. Rules quoted from a release or still `general`
 * add nothing: the release is cited already, and general rules are listed on /sources/.
 */
export function namedSourcesOf(ids: readonly string[], sourceOf: (id: string) => unknown): NamedSource[] {
  const seen = new Map<string, NamedSource>();
  for (const id of ids) {
    const source = sourceOf(id);
    if (typeof source !== 'object' || source === null || !('url' in source)) continue;
    const named = source as NamedSource;
    if (!seen.has(named.url)) seen.set(named.url, named);
  }
  return [...seen.values()];
}
