/**
 * The checks that look across entries, where one file's schema cannot see: a key against its
 * file name, a reference against the collection it names, a category or audience named against
 * the articles of its language, a lesson's minutes against its class plan, a quiz's file name against the audiences, a card or signals written in the wrong
 * language, a reel's length. Pure: src/queries/checked.ts runs them once per build over
 * Astro's entries, and tests run them over entries of their own.
 *
 * Each returns its problems as `<file>: <field>: <what is wrong>`, the way the build reports them.
 */
import { planMinutes } from './lesson-plan.ts';
import { AUDIENCE_SLUGS } from './taxonomy.ts';

/** An entry as the checks read it: Astro's, or one a test makes. */
export interface Entry {
  id: string;
  filePath?: string;
  data: object;
  body?: string;
}

const fileOf = (entry: Entry, collection: string) => entry.filePath ?? `content/${collection}/${entry.id}`;

/** An article's `key` must be its file name, the URL slug both languages share. */
export function keyProblems(entry: Entry, slug: string): string[] {
  const { key } = entry.data as { key?: unknown };
  return key === undefined || key === slug ? [] : [`${fileOf(entry, 'content')}: key: "${String(key)}" must equal the file name "${slug}"`];
}

/** A field's value read by a `reference()`: `{ collection, id }`. */
function isReference(value: unknown): value is { collection: string; id: string } {
  return typeof value === 'object' && value !== null && 'collection' in value && 'id' in value && Object.keys(value).length === 2;
}

/** Every reference in `value` with the field it is at, as `source.release` or `reels.commuter.clips`; list positions are left out. */
function referencesIn(value: unknown, field: string): { field: string; ref: { collection: string; id: string } }[] {
  if (isReference(value)) return [{ field, ref: value }];
  if (Array.isArray(value)) return value.flatMap((item) => referencesIn(item, field));
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => referencesIn(item, field ? `${field}.${key}` : key));
  }
  return [];
}

/**
 * Every reference of the entry names an entry that exists. Astro logs a reference to a missing
 * entry but builds on; this makes it a problem, naming the file, the field and the id.
 */
export function referenceProblems(entry: Entry, collection: string, has: (collection: string, id: string) => boolean): string[] {
  return referencesIn(entry.data, '')
    .filter(({ ref }) => !has(ref.collection, ref.id))
    .map(({ field, ref }) => `${fileOf(entry, collection)}: ${field}: "${ref.id}" is not in the ${ref.collection} collection`);
}

/**
 * The scam categories and audiences an article names in `scams` and `audiences` are articles in
 * its own language, which its page links.
 */
export function linkedArticleProblems(entry: Entry, present: { scams: ReadonlySet<string>; audiences: ReadonlySet<string> }): string[] {
  return (['scams', 'audiences'] as const).flatMap((field) => {
    const keys = (entry.data as Record<string, unknown>)[field];
    if (!Array.isArray(keys)) return [];
    return keys
      .filter((key) => !present[field].has(String(key)))
      .map((key) => `${fileOf(entry, 'content')}: ${field}: no article for "${String(key)}" in this language`);
  });
}

/** A lesson's `durationMinutes` is what the `### step (N 分钟 | N min)` headings of its class plan add up to. */
export function lessonMinutesProblems(lesson: Entry & { data: { durationMinutes: number } }): string[] {
  const steps = planMinutes(lesson.body ?? '');
  const total = steps.reduce((sum, s) => sum + s.minutes, 0);
  if (steps.length > 0 && total === lesson.data.durationMinutes) return [];
  return [
    `${fileOf(lesson, 'lessons')}: durationMinutes: the class plan's "### step (N 分钟 | N min)" headings add up to ${total} minutes, not ${lesson.data.durationMinutes}`,
  ];
}

/** A quiz's file name is the audience it is for. */
export function quizNameProblems(quiz: Entry): string[] {
  if ((AUDIENCE_SLUGS as readonly string[]).includes(quiz.id)) return [];
  return [`${fileOf(quiz, 'quizzes')}: the file name must be an audience (${AUDIENCE_SLUGS.join(', ')}), got "${quiz.id}"`];
}

type Scam = Entry & { data: { key: string; card?: unknown; signals: readonly unknown[] } };

/**
 * A scam's print card and its /check/ signals are written once, in the zh article, for both
 * languages: a zh article without `card`, or an English one with `card` or `signals`, is a problem.
 */
export function scamOnceProblems(zh: readonly Scam[], en: readonly Scam[]): string[] {
  return [
    ...zh
      .filter((s) => !s.data.card)
      .map((s) => `${fileOf(s, 'scams')}: card: name the print card's rules, e.g. card: { advice: [when-unsure] }`),
    ...en
      .filter((s) => s.data.card)
      .map((s) => `${fileOf(s, 'scams')}: card: write the card once, in the zh article (content/scams/${s.data.key}.mdx)`),
    ...en
      .filter((s) => s.data.signals.length > 0)
      .map((s) => `${fileOf(s, 'scams')}: signals: write signals once, in the zh article (content/scams/${s.data.key}.mdx)`),
  ];
}

/** What a reel check needs: where the reel is written and how long its clips last in each cut. */
export interface ReelLength {
  /** The playlist file. */
  file: string;
  venue: string;
  /** `default`, or the key under `reels`. */
  key: string;
  /** `clips` or `reels.<key>.clips`. */
  field: string;
  seconds: number;
  portraitSeconds: number;
}

/** Landscape and portrait screens play the same reel in their own cut: both must last `target` ± `tolerance` seconds. */
export function reelProblems(reel: ReelLength, target: number, tolerance: number): string[] {
  const which = reel.key === 'default' ? `the ${reel.venue} reel` : `the ${reel.venue} "${reel.key}" reel`;
  return ([[reel.seconds, ''], [reel.portraitSeconds, ' in portrait']] as const).flatMap(([total, cut]) => {
    const off = total - target;
    if (Math.abs(off) <= tolerance) return [];
    return [`${reel.file}: ${reel.field}: ${which} totals ${total.toFixed(1)} s${cut}, ${Math.abs(off).toFixed(1)} s ${off < 0 ? 'short of' : 'over'} ${target} s`];
  });
}

/** A file the site cannot do without, in each language: the /report/ guide, the statements, the search words. */
export function missingProblems(required: readonly string[], present: ReadonlySet<string>): string[] {
  return required.filter((file) => !present.has(file)).map((file) => `${file} is missing`);
}
