import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { storyboardSource, type AdviceWords } from '../node/clip-hash';
import { externalMedia, storyboardMedia } from '../node/clip-media';
import { readEntry } from '../node/content-files';
import { COLLECTIONS } from '../lib/content-schemas';
import {
  keyProblems,
  linkedArticleProblems,
  lessonMinutesProblems,
  missingProblems,
  quizNameProblems,
  reelProblems,
  referenceProblems,
  scamOnceProblems,
} from '../lib/content-checks';
import { LOCALES, type Locale } from '../lib/i18n';
import { localeOfId, slugOfId } from '../lib/routes';
import { AGE_BANDS, AUDIENCE_SLUGS, REEL_SECONDS, REEL_TOLERANCE_SECONDS, SCAM_SLUGS, VENUES, type Venue } from '../lib/taxonomy';

/**
 * The content as the pages use it, checked across entries once per build: every check a
 * file's schema cannot make (src/lib/content-checks.ts). A problem fails the build, naming the
 * file and the field; all of them are reported at once, with the media's (below).
 */
export interface CheckedContent {
  /** Each article collection's entries by locale, in list order. */
  articles: { [C in ArticleCollection]: Record<Locale, CollectionEntry<C>[]> };
  /** The lessons by locale, youngest age band first. */
  lessons: Record<Locale, CollectionEntry<'lessons'>[]>;
  /** The quizzes, in the order the site lists audiences. */
  quizzes: CollectionEntry<'quizzes'>[];
}

/** The clips with their media files read and checked, and the venues' reels measured from them. */
export interface CheckedMedia {
  /** Every clip with its media, by id, in id order. */
  clips: Map<string, Clip>;
  /** Each venue's reels, the default first, and its schedule. */
  venues: Map<Venue, VenueReels>;
}

export const ARTICLE_COLLECTIONS = ['scams', 'audiences', 'guides', 'news', 'lessons', 'statements'] as const;
export type ArticleCollection = (typeof ARTICLE_COLLECTIONS)[number];

/** A clip as pages and the kiosk use it: the storyboard (or external video) plus its checked media. */
export interface Clip {
  id: string;
  title: { zh: string; en: string };
  /** Site paths of the media files. */
  src: string;
  captions: { zh: string; en: string };
  poster: string;
  /** Measured from the MP4 file. */
  durationSeconds: number;
  /** The portrait cut (1080×1920) for screens taller than wide; the same captions and timings. */
  portrait: { src: string; durationSeconds: number };
  /** The zh page the clip points to. */
  page: string;
  /** What is said, line by line with start times, from the caption files. */
  transcript: { zh: { start: number; text: string }[]; en: { start: number; text: string }[] };
  /** What the clip serves, for filters. */
  scam?: string;
  audience?: string;
}

/** One six-minute reel of a venue. */
export interface Reel {
  /** `default`, or the key under `reels` in the playlist file. */
  key: string;
  name: { zh: string; en: string };
  totalSeconds: number;
  clips: Clip[];
}

/** A venue's reels, the default first, and the schedule that picks between them. */
export interface VenueReels {
  venue: Venue;
  name: { zh: string; en: string };
  reels: Reel[];
  schedule: CollectionEntry<'playlists'>['data']['schedule'];
}

/** The files the site cannot do without, in each language: /report/, the statements, an article for every scam category and audience (the matrix and /check/ link them all). */
const REQUIRED = [
  ...['', 'en/'].flatMap((en) => [
    `content/${en}guides/report.mdx`,
    `content/${en}statements/accessibility.mdx`,
    `content/${en}statements/privacy.mdx`,
    ...SCAM_SLUGS.map((slug) => `content/${en}scams/${slug}.mdx`),
    ...AUDIENCE_SLUGS.map((slug) => `content/${en}audiences/${slug}.mdx`),
  ]),
  'content/search/zh.yaml',
  'content/search/en.yaml',
  ...VENUES.map((venue) => `content/playlists/${venue}.yaml`),
];

/** What a check found: its result, and the problems that fail the build. */
interface Checked<T> {
  value: T;
  problems: string[];
}

let inBuild: Promise<{ content: CheckedContent; media: CheckedMedia }> | undefined;

/**
 * A build checks the content and the media once, together, however many pages ask, and reports
 * every problem of both at once. `astro dev` checks on every call, so an edit shows (or fails) at
 * once, and checks only what the page asks for: a page without clips reads no media file.
 */
function checkedInBuild() {
  inBuild ??= (async () => {
    const [content, media] = await Promise.all([checkContent(), checkMedia()]);
    // A reel's unknown clip is found by both.
    const problems = [...new Set([...content.problems, ...media.problems])];
    if (problems.length) throw new Error(problems.join('\n'));
    return { content: content.value, media: media.value };
  })();
  return inBuild;
}

/** The checked content; see checkedInBuild(). */
export async function checkedContent(): Promise<CheckedContent> {
  if (import.meta.env.PROD) return (await checkedInBuild()).content;
  return valueOf(await checkContent());
}

/** The checked clips and reels; see checkedInBuild(). */
export async function checkedMedia(): Promise<CheckedMedia> {
  if (import.meta.env.PROD) return (await checkedInBuild()).media;
  return valueOf(await checkMedia());
}

function valueOf<T>({ value, problems }: Checked<T>): T {
  if (problems.length) throw new Error(problems.join('\n'));
  return value;
}

/** Every collection, as Astro loaded it. */
async function collections() {
  return Object.fromEntries(await Promise.all(COLLECTIONS.map(async (c) => [c, await getCollection(c)] as const))) as {
    [C in (typeof COLLECTIONS)[number]]: CollectionEntry<C>[];
  };
}

async function checkContent(): Promise<Checked<CheckedContent>> {
  const all = await collections();
  const ids = new Map(COLLECTIONS.map((c) => [c as string, new Set(all[c].map((e) => e.id))]));
  const has = (collection: string, id: string) => ids.get(collection)?.has(id) ?? false;
  const problems: string[] = missingProblems(REQUIRED, new Set(COLLECTIONS.flatMap((c) => all[c].map((e) => e.filePath ?? ''))));

  for (const c of COLLECTIONS) for (const entry of all[c]) problems.push(...referenceProblems(entry, c, has));
  for (const c of ARTICLE_COLLECTIONS) for (const entry of all[c]) problems.push(...keyProblems(entry, slugOfId(entry.id)));
  for (const lesson of all.lessons) problems.push(...lessonMinutesProblems(lesson));
  for (const quiz of all.quizzes) problems.push(...quizNameProblems(quiz));
  const byLocale = <C extends ArticleCollection>(c: C) =>
    Object.fromEntries(LOCALES.map((l) => [l, all[c].filter((e) => localeOfId(e.id) === l).sort(byListOrder)])) as Record<Locale, CollectionEntry<C>[]>;
  const articles = {
    scams: byLocale('scams'),
    audiences: byLocale('audiences'),
    guides: byLocale('guides'),
    news: byLocale('news'),
    lessons: byLocale('lessons'),
    statements: byLocale('statements'),
  };
  problems.push(...scamOnceProblems(articles.scams['zh-CN'], articles.scams.en));
  for (const locale of LOCALES) {
    const present = { scams: new Set(articles.scams[locale].map((e) => e.data.key)), audiences: new Set(articles.audiences[locale].map((e) => e.data.key)) };
    for (const c of ARTICLE_COLLECTIONS) for (const entry of articles[c][locale]) problems.push(...linkedArticleProblems(entry, present));
  }
  const lessons = Object.fromEntries(
    LOCALES.map((l) => [l, [...articles.lessons[l]].sort((a, b) => AGE_BANDS.indexOf(a.data.ageBand) - AGE_BANDS.indexOf(b.data.ageBand) || a.id.localeCompare(b.id))]),
  ) as Record<Locale, CollectionEntry<'lessons'>[]>;
  const quizzes = [...all.quizzes].sort((a, b) => AUDIENCE_SLUGS.indexOf(a.id as never) - AUDIENCE_SLUGS.indexOf(b.id as never));
  return { value: { articles, lessons, quizzes }, problems };
}

/** Every clip's media files read and checked, and each venue's reels measured from them. */
async function checkMedia(): Promise<Checked<CheckedMedia>> {
  const [clipEntries, playlists] = await Promise.all([getCollection('clips'), getCollection('playlists')]);
  const problems: string[] = [];
  const clips = new Map<string, Clip>();
  for (const entry of [...clipEntries].sort((a, b) => a.id.localeCompare(b.id))) {
    try {
      clips.set(entry.id, checkedClip(entry));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const venues = new Map<Venue, VenueReels>();
  for (const entry of playlists) {
    const venue = entry.id as Venue;
    const file = entry.filePath ?? `content/playlists/${venue}.yaml`;
    // As checkContent() reports them, for a page that asks only for the media (the kiosk in astro dev).
    problems.push(...referenceProblems(entry, 'playlists', (_collection, id) => clipEntries.some((e) => e.id === id)));
    const lists = [
      { key: 'default', name: entry.data.name, refs: entry.data.clips, field: 'clips' },
      ...Object.entries(entry.data.reels).map(([key, alt]) => ({ key, name: alt.name, refs: alt.clips, field: `reels.${key}.clips` })),
    ];
    const reels: Reel[] = [];
    for (const { key, name, refs, field } of lists) {
      const reelClips = refs.map((ref) => clips.get(ref.id));
      // A reel with a missing or broken clip is reported as that clip; it cannot be measured.
      if (!reelClips.every((c) => c !== undefined)) continue;
      const totalSeconds = reelClips.reduce((sum, c) => sum + c.durationSeconds, 0);
      const portraitSeconds = reelClips.reduce((sum, c) => sum + c.portrait.durationSeconds, 0);
      problems.push(...reelProblems({ file, venue, key, field, seconds: totalSeconds, portraitSeconds }, REEL_SECONDS, REEL_TOLERANCE_SECONDS));
      reels.push({ key, name, totalSeconds, clips: reelClips });
    }
    if ((VENUES as readonly string[]).includes(venue)) venues.set(venue, { venue, name: entry.data.name, reels, schedule: entry.data.schedule });
  }
  return { value: { clips, venues }, problems };
}

function byListOrder(a: { id: string; data: object }, b: { id: string; data: object }): number {
  const order = (e: { data: object }) => ('order' in e.data ? Number(e.data.order) : 0);
  const date = (e: { data: object }) => ('date' in e.data && e.data.date instanceof Date ? e.data.date.getTime() : 0);
  return order(a) - order(b) || date(b) - date(a) || a.id.localeCompare(b.id);
}

/** A rule's words, for the render hash of the clips that show the rule: read as npm run clips reads them. */
const readRule = (id: string): AdviceWords => readEntry('advice', `content/advice/${id}.yaml`);

/**
 * A clip with its media read and checked: a missing file, a render older than its storyboard,
 * or a video whose length differs from the storyboard throws, naming the file and the field.
 */
function checkedClip(entry: CollectionEntry<'clips'>): Clip {
  const file = entry.filePath ?? `content/clips/${entry.id}.yaml`;
  const { data } = entry;
  const media = data.video ? externalMedia(file, data.video) : storyboardMedia(file, entry.id, storyboardSource(readFileSync(file, 'utf8'), (data.scenes ?? []).flatMap((s) => s.advice ?? []), readRule));
  if (data.scenes) {
    const planned = data.scenes.reduce((sum, s) => sum + s.seconds, 0);
    if (Math.abs(media.durationSeconds - planned) > 0.1) {
      throw new Error(`${file}: scenes: add up to ${planned} s but public${media.src} lasts ${media.durationSeconds.toFixed(2)} s`);
    }
  }
  const lines = (lang: 'zh' | 'en') => media.cues[lang].map((c) => ({ start: c.start, text: c.text.replace(/\n/g, ' ') }));
  return {
    id: entry.id,
    title: data.title,
    src: media.src,
    captions: media.captions,
    poster: media.poster,
    durationSeconds: media.durationSeconds,
    portrait: media.portrait,
    page: data.page,
    transcript: { zh: lines('zh'), en: lines('en') },
    scam: data.scam,
    audience: data.audience,
  };
}
