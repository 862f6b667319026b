import type { CollectionEntry } from 'astro:content';
import { checkedContent } from './checked';

export type Quiz = CollectionEntry<'quizzes'>;

/** The quizzes, in the order the site lists audiences; each file is named for its audience (checked once per build). */
export async function allQuizzes(): Promise<Quiz[]> {
  return [...(await checkedContent()).quizzes];
}

/** `getStaticPaths` for /quiz/<audience>/. */
export async function quizPaths() {
  return (await allQuizzes()).map((quiz) => ({ params: { audience: quiz.id }, props: { quiz } }));
}
