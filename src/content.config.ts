import { readdirSync } from 'node:fs';
import { defineCollection, reference } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { ADVICE_DIR, adviceFileProblems } from './lib/advice-rules';
import { adviceProblems, type Rule } from './node/advice-checks';
import { contentSchemas, numberedFacts, type Reference } from './lib/content-schemas';

/**
 * Where each collection's files are and how they are read. What a file must hold is its schema,
 * in src/lib/content-schemas.ts; here a reference to another entry is Astro's, which getEntry()
 * follows. What no one file shows (a reference to a missing entry, a reel's length) is checked
 * once per build by src/queries/checked.ts.
 */
const schemas = contentSchemas(reference as Reference);

/** Articles live at content/<tree>/<slug>.mdx and content/en/<tree>/<slug>.mdx. */
const articles = (tree: string) => glob({ base: './content', pattern: `{${tree},en/${tree}}/*.mdx` });

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
      const rules = [...context.store.values()].map((e) => ({ id: e.id, file: e.filePath ?? `${ADVICE_DIR}/${e.id}.yaml`, data: e.data as unknown as Rule['data'] }));
      const { errors, unused } = adviceProblems(rules);
      fail(errors);
      for (const id of unused) context.logger.warn(`${ADVICE_DIR}/${id}.yaml: rule "${id}" is used nowhere: name it in a page, card, quiz, clip or set, or delete it`);
    },
  };
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
      parser: (text) => numberedFacts(parseYaml(text) as object[]),
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
