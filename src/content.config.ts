import { readdirSync, readFileSync } from 'node:fs';
import { defineCollection, reference } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { ADVICE_DIR, adviceFileProblems, adviceIdsIn, adviceUsage, duplicateTextProblems, quoteProblem } from './lib/advice-rules';
import { contentSchemas, type Reference } from './lib/content-schemas';

/**
 * Where each collection's files are and how they are read. What a file must hold is its schema,
 * in src/lib/content-schemas.ts; here a reference to another entry is Astro's, which checks that
 * the entry exists.
 */
const schemas = contentSchemas(reference as Reference);

/** Articles live at content/<tree>/<slug>.mdx and content/en/<tree>/<slug>.mdx. */
const articles = (tree: string) => glob({ base: './content', pattern: `{${tree},en/${tree}}/*.mdx` });

/** Every file under `dir` whose name matches `pattern`, as paths relative to the project. */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => pattern.test(f)).map((f) => `${dir}/${f}`);
}

/**
 * Loads content/advice/*.yaml like `glob`, then fails the build on what a schema cannot see
 * across files: two files with one id, two rules with the same words, a quote that is not in
 * its release, and a rule id used anywhere in content/ or src/ that has no file. A rule used
 * nowhere is a warning.
 */
function adviceLoader(): Loader {
  const inner = glob({ base: `./${ADVICE_DIR}`, pattern: '*.{yaml,yml}' });
  return {
    name: 'advice',
    load: async (context) => {
      const fail = (problems: string[]) => {
        if (problems.length) throw new Error(problems.join('\n'));
      };
      fail(adviceFileProblems(readdirSync(ADVICE_DIR)));
      await inner.load(context);
      const rules = [...context.store.values()].map((e) => ({ id: e.id, file: e.filePath ?? `${ADVICE_DIR}/${e.id}.yaml`, data: e.data as unknown as AdviceData }));
      fail(duplicateTextProblems(rules.map((r) => ({ id: r.id, file: r.file, text: r.data.text }))));
      const sourceFiles = new Map((parseYaml(readFileSync('content/sources.yaml', 'utf8')) as { id: string; file: string }[]).map((s) => [s.id, s.file]));
      fail(
        rules.flatMap((r) => {
          const source = r.data.source;
          if (typeof source !== 'object' || !('release' in source)) return [];
          const file = sourceFiles.get(source.release.id);
          if (!file) return [`${r.file}: source.release: "${source.release.id}" is not in content/sources.yaml`];
          const problem = quoteProblem(source.quote, readFileSync(file, 'utf8'));
          return problem ? [`${r.file}: source.quote: ${problem} (${file})`] : [];
        }),
      );
      const users = [...filesUnder('content', /\.(mdx|ya?ml)$/), ...filesUnder('src', /\.(astro|ts)$/)]
        .filter((path) => !path.startsWith(`${ADVICE_DIR}/`))
        .map((path) => ({ path, ids: adviceIdsIn(path, readFileSync(path, 'utf8')) }));
      const { unknown, unused } = adviceUsage(rules.map((r) => r.id), users);
      fail(unknown);
      for (const id of unused) context.logger.warn(`${ADVICE_DIR}/${id}.yaml: rule "${id}" is used nowhere: name it in a page, card, quiz, clip or set, or delete it`);
    },
  };
}

/** A rule's data as its schema leaves it. */
interface AdviceData {
  text: { zh: string; en: string };
  source: 'general' | { release: { id: string }; quote: string } | { publisher: string; title: string; date: Date; url: string };
}

export const collections = {
  scams: defineCollection({ loader: articles('scams'), schema: schemas.scams }),
  audiences: defineCollection({ loader: articles('audiences'), schema: schemas.audiences }),
  guides: defineCollection({ loader: articles('guides'), schema: schemas.guides }),
  news: defineCollection({ loader: articles('news'), schema: schemas.news }),
  lessons: defineCollection({ loader: articles('lessons'), schema: schemas.lessons }),
  sources: defineCollection({ loader: file('content/sources.yaml'), schema: schemas.sources }),
  facts: defineCollection({
    // Entries keep their place in the file, so charts and lists follow the order the file gives.
    loader: file('content/facts.yaml', {
      parser: (text) => (parseYaml(text) as Record<string, unknown>[]).map((fact, position) => ({ ...fact, position })),
    }),
    schema: schemas.facts,
  }),
  clips: defineCollection({ loader: glob({ base: './content/clips', pattern: '*.yaml' }), schema: schemas.clips }),
  playlists: defineCollection({ loader: glob({ base: './content/playlists', pattern: '*.yaml' }), schema: schemas.playlists }),
  quizzes: defineCollection({ loader: glob({ base: './content/quizzes', pattern: '*.yaml' }), schema: schemas.quizzes }),
  signals: defineCollection({ loader: file('content/signals.yaml'), schema: schemas.signals }),
  advice: defineCollection({ loader: adviceLoader(), schema: schemas.advice }),
  adviceSets: defineCollection({ loader: file('content/advice-sets.yaml'), schema: schemas.adviceSets }),
  searchWords: defineCollection({ loader: glob({ base: './content/search', pattern: '*.yaml' }), schema: schemas.searchWords }),
  statements: defineCollection({ loader: articles('statements'), schema: schemas.statements }),
};
