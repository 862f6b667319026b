import type { CollectionEntry } from 'astro:content';
import { articlesIn } from './content';
import type { Locale } from '../lib/i18n';
import { articlePath, slugOfId } from '../lib/routes';
import { planMinutes } from '../lib/lesson-plan';
import { AGE_BANDS } from '../lib/taxonomy';
import { allQuizzes } from './quizzes';

export type Lesson = CollectionEntry<'lessons'>;

/** The lessons in `locale`, youngest age band first. */
export async function lessonsIn(locale: Locale): Promise<Lesson[]> {
  const lessons = await articlesIn('lessons', locale);
  for (const lesson of lessons) {
    const steps = planMinutes(lesson.body ?? '');
    const total = steps.reduce((sum, s) => sum + s.minutes, 0);
    if (steps.length === 0 || total !== lesson.data.durationMinutes) {
      throw new Error(
        `${lesson.filePath}: durationMinutes: the class plan's "### step (N 分钟 | N min)" headings add up to ${total} minutes, not ${lesson.data.durationMinutes}`,
      );
    }
  }
  return lessons.sort((a, b) => AGE_BANDS.indexOf(a.data.ageBand) - AGE_BANDS.indexOf(b.data.ageBand) || a.id.localeCompare(b.id));
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
