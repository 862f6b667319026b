import type { CollectionEntry } from 'astro:content';
import { adviceRule, type Rule } from './advice';
import { checkedContent } from './checked';
import type { Locale } from '../lib/i18n';

export type Quiz = CollectionEntry<'quizzes'>;

/** The quizzes, in the order the site lists audiences; each file is named for its audience (checked once per build). */
export async function allQuizzes(): Promise<Quiz[]> {
  return [...(await checkedContent()).quizzes];
}

/** `getStaticPaths` for /quiz/<audience>/ in `locale`: each quiz with the rules its answers show. */
export async function quizPaths(locale: Locale) {
  return Promise.all((await allQuizzes()).map(async (quiz) => ({ params: { audience: quiz.id }, props: { quiz, rules: await quizRules(quiz, locale) } })));
}

/** The rules a quiz's answers show after their explanations, by id, in `locale`, addressing the reader as the quiz does. */
export async function quizRules(quiz: Quiz, locale: Locale): Promise<Map<string, Rule>> {
  const ids = [...new Set(quiz.data.questions.flatMap((q) => q.choices.flatMap((c) => c.advice)))];
  return new Map(await Promise.all(ids.map(async (id) => [id, await adviceRule(id, locale, `content/quizzes/${quiz.id}.yaml`, quiz.data.politeYou)] as const)));
}
