import { getCollection, type CollectionEntry } from 'astro:content';
import { AUDIENCE_SLUGS } from '../lib/taxonomy';

export type Quiz = CollectionEntry<'quizzes'>;

/** The quizzes, in the order the site lists audiences. A quiz for an unknown audience fails the build. */
export async function allQuizzes(): Promise<Quiz[]> {
  const quizzes = await getCollection('quizzes');
  for (const q of quizzes) {
    if (!(AUDIENCE_SLUGS as readonly string[]).includes(q.id)) {
      throw new Error(`${q.filePath}: the file name must be an audience (${AUDIENCE_SLUGS.join(', ')}), got "${q.id}"`);
    }
  }
  return quizzes.sort((a, b) => AUDIENCE_SLUGS.indexOf(a.id as never) - AUDIENCE_SLUGS.indexOf(b.id as never));
}

/** `getStaticPaths` for /quiz/<audience>/. */
export async function quizPaths() {
  return (await allQuizzes()).map((quiz) => ({ params: { audience: quiz.id }, props: { quiz } }));
}
