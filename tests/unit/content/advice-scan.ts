import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers';

/**
 * The site's words outside the rules, for the tests that look for a rule of advice said again by
 * hand: every file under content/ but the rules, the sources and the search words, and the UI
 * strings. Left out: a scammer's lines in a <Script> (narrative, not advice) and the answers a
 * quiz offers (the reader's choices).
 */

/** A rule of advice as its file gives it. */
export interface RuleFile {
  id: string;
  text: { zh: string; en: string };
  short: { zh: string; en: string };
}

const ADVICE = join(ROOT, 'content/advice');
export const rules: RuleFile[] = readdirSync(ADVICE)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ id: f.replace(/\.yaml$/, ''), ...(parse(readFileSync(join(ADVICE, f), 'utf8')) as Omit<RuleFile, 'id'>) }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(mdx|yaml)$/.test(name) ? [path] : [];
  });
}
const SKIP = ['content/advice/', 'content/sources/', 'content/sources.yaml', 'content/facts.yaml', 'content/search/'];

/** The scanned files, each with the words in it that could state a rule. */
export const scanned: { path: string; text: string }[] = [...files(join(ROOT, 'content')), join(ROOT, 'src/lib/i18n.ts')]
  .map((path) => relative(ROOT, path))
  .filter((path) => !SKIP.some((skip) => path.startsWith(skip)))
  .map((path) => ({ path, text: readable(path, readFileSync(join(ROOT, path), 'utf8')) }));

/** The words of a file that could state a rule: a quiz's scenarios and explanations, anything else whole. */
function readable(path: string, text: string): string {
  if (!path.startsWith('content/quizzes/')) return withoutScripts(text);
  const quiz = parse(text) as { questions: { scenario: object; choices: { explain?: object }[] }[] };
  return JSON.stringify(quiz.questions.map((q) => [q.scenario, q.choices.map((c) => c.explain ?? '')]));
}

/** The text without <Script …/> blocks: what a scammer says is not advice. */
function withoutScripts(text: string): string {
  return text.replace(/<Script[\s\S]*?\/>/g, ' ');
}

/** The text of the police releases in content/sources/, which pages may quote. */
export const release = readdirSync(join(ROOT, 'content/sources'))
  .map((f) => readFileSync(join(ROOT, 'content/sources', f), 'utf8'))
  .join('\n');
