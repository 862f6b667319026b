import type { CollectionEntry } from 'astro:content';
import { articlesIn } from './content';
import type { Locale } from '../lib/i18n';
import { articlePath, slugOfId } from '../lib/routes';
import { allQuizzes } from './quizzes';
import { checkedContent } from './checked';

export type Lesson = CollectionEntry<'lessons'>;

/** The lessons in `locale`, youngest age band first; their minutes are checked against their class plans once per build. */
export async function lessonsIn(locale: Locale): Promise<Lesson[]> {
  return [...(await checkedContent()).lessons[locale]];
}

/** `getStaticPaths` for lesson pages and their handouts. */
export async function lessonPaths(locale: Locale) {
  return (await lessonsIn(locale)).map((entry) => ({ params: { slug: slugOfId(entry.id) }, props: { entry } }));
}

/** Path of a lesson page. */
export const lessonPath = (locale: Locale, lesson: Lesson) => articlePath(locale, 'lessons', slugOfId(lesson.id));

/** What /lessons/ lists: the lessons, the quizzes, and the audiences' names and scam categories the lessons link. */
export async function lessonListPage(locale: Locale) {
  return {
    lessons: await lessonsIn(locale),
    quizzes: await allQuizzes(),
    audiences: new Map((await articlesIn('audiences', locale)).map((a) => [a.data.key, a.data.name])),
    scams: await articlesIn('scams', locale),
  };
}
export type LessonListPage = Awaited<ReturnType<typeof lessonListPage>>;
