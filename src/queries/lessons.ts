import type { CollectionEntry } from 'astro:content';
import { articlesIn, linksByKey, linksFor } from './content';
import { adviceRule } from './advice';
import { clipsNamed } from './clips';
import { colon, type Locale } from '../lib/i18n';
import { articlePath, slugOfId } from '../lib/routes';
import { allQuizzes } from './quizzes';
import { checkedContent } from './checked';

export type Lesson = CollectionEntry<'lessons'>;

/** The lessons in `locale`, youngest age band first; their minutes are checked against their class plans once per build. */
export async function lessonsIn(locale: Locale): Promise<Lesson[]> {
  return [...(await checkedContent()).lessons[locale]];
}

/** `getStaticPaths` for lesson pages and their handouts: each gets its entry and what its page shows beside the plan. */
export async function lessonPaths(locale: Locale) {
  return Promise.all((await lessonsIn(locale)).map(async (entry) => ({ params: { slug: slugOfId(entry.id) }, props: { entry, page: await lessonPage(entry, locale) } })));
}

/**
 * What a lesson page shows beside its plan: its path, its clips, its objectives (one that ends
 * in a rule quotes the rule's screen form, so its wording stays in content/advice/) and the
 * categories and audiences it links.
 */
export async function lessonPage(entry: Lesson, locale: Locale) {
  const { data } = entry;
  const objectives = await Promise.all(
    data.objectives.map(async (o) => {
      if (typeof o === 'string') return { text: o };
      const rule = await adviceRule(o.advice, locale, `${entry.filePath ?? entry.id}: objectives`);
      return { text: `${o.text}${colon(locale)}`, rule };
    }),
  );
  return {
    path: lessonPath(locale, entry),
    clips: await clipsNamed(data.clips),
    objectives,
    related: [...linksFor(await linksByKey('scams', locale), data.scams), ...linksFor(await linksByKey('audiences', locale), data.audiences)],
  };
}
export type LessonPage = Awaited<ReturnType<typeof lessonPage>>;

/** Path of a lesson page. */
export const lessonPath = (locale: Locale, lesson: Lesson) => articlePath(locale, 'lessons', slugOfId(lesson.id));

/** What /lessons/ lists: the lessons, the quizzes, and the audiences' names and scam categories the lessons link. */
export async function lessonListPage(locale: Locale) {
  return {
    lessons: await lessonsIn(locale),
    quizzes: await allQuizzes(),
    audiences: new Map<string, string>((await articlesIn('audiences', locale)).map((a) => [a.data.key, a.data.name])),
    scams: await articlesIn('scams', locale),
  };
}
export type LessonListPage = Awaited<ReturnType<typeof lessonListPage>>;
