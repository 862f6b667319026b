import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ADVICE_DIR, adviceIdsIn, adviceUsage, duplicateTextProblems, quoteProblem } from '../lib/advice-rules.ts';

/** A rule as its schema leaves it: its id, its file, its words and its source. */
export interface Rule {
  id: string;
  file: string;
  data: {
    text: { zh: string; en: string };
    source: 'general' | { release: { id: string }; quote: string } | { publisher: string; title: string; date: Date; url: string };
  };
}

/** Every file under `dir` whose name matches `pattern`, as paths relative to the project. */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => pattern.test(f)).map((f) => `${dir}/${f}`);
}

/**
 * What the rules' schema cannot see, across files: two rules with the same words, a quote that
 * is not word for word in its release, and a rule id named anywhere in content/ or src/ with no
 * file (errors, each naming the file); and the rules used nowhere (warnings). `read` gives a
 * file's text, from disk unless a test gives it otherwise.
 */
export function adviceProblems(rules: readonly Rule[], read: (path: string) => string = (path) => readFileSync(path, 'utf8')): { errors: string[]; unused: string[] } {
  const errors = duplicateTextProblems(rules.map((r) => ({ id: r.id, file: r.file, text: r.data.text })));
  const sourceFiles = new Map((parseYaml(read('content/sources.yaml')) as { id: string; file: string }[]).map((s) => [s.id, s.file]));
  for (const r of rules) {
    const source = r.data.source;
    if (typeof source !== 'object' || !('release' in source)) continue;
    const file = sourceFiles.get(source.release.id);
    if (!file) {
      errors.push(`${r.file}: source.release: "${source.release.id}" is not in content/sources.yaml`);
      continue;
    }
    const problem = quoteProblem(source.quote, read(file));
    if (problem) errors.push(`${r.file}: source.quote: ${problem} (${file})`);
  }
  const users = [...filesUnder('content', /\.(mdx|ya?ml)$/), ...filesUnder('src', /\.(astro|ts)$/)]
    .filter((path) => !path.startsWith(`${ADVICE_DIR}/`))
    .map((path) => ({ path, ids: adviceIdsIn(path, read(path)) }));
  const { unknown, unused } = adviceUsage(rules.map((r) => r.id), users);
  return { errors: [...errors, ...unknown], unused };
}
