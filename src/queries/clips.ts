import { readFileSync } from 'node:fs';
import { getCollection, getEntries, getEntry, type CollectionEntry } from 'astro:content';
import { parse as parseYaml } from 'yaml';
import { storyboardSource, type AdviceWords } from '../node/clip-hash';
import { externalMedia, storyboardMedia } from '../node/clip-media';
import type { Locale } from '../lib/i18n';
import { articlesIn } from './content';
import { REEL_SECONDS, REEL_TOLERANCE_SECONDS, VENUES, type Venue } from '../lib/taxonomy';

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

/**
 * Every clip with its media checked. A missing file, a render older than its storyboard, or a
 * video whose length differs from the storyboard fails the build, naming the file and the field.
 */
export async function allClips(): Promise<Clip[]> {
  const entries = (await getCollection('clips')).sort((a, b) => a.id.localeCompare(b.id));
  return entries.map(clipOf);
}

/**
 * The clips `refs` name, in that order, media checked. An unknown id fails the build, naming
 * the file and the field that refers to it.
 */
export async function clipsNamed(refs: { collection: 'clips'; id: string }[], from: { file: string; field: string }): Promise<Clip[]> {
  const entries = await getEntries(refs);
  const missing = refs.filter((_, i) => !entries[i]);
  if (missing.length) throw new Error(`${from.file}: ${from.field}: unknown clip ${missing.map((m) => `"${m.id}"`).join(', ')}`);
  return entries.map((e) => clipOf(e!));
}

/** A rule's words, for the render hash of the clips that show the rule. */
function readRule(id: string): AdviceWords {
  return parseYaml(readFileSync(`content/advice/${id}.yaml`, 'utf8')) as AdviceWords;
}

/**
 * Clips already checked in this build, by id. A build reads and checks each clip's media once,
 * however many pages, reels and feeds use the clip; `astro dev` checks them on every request, so
 * a clip edited while it runs shows at once.
 */
const checkedInBuild = new Map<string, Clip>();

function clipOf(entry: CollectionEntry<'clips'>): Clip {
  if (!import.meta.env.PROD) return checkedClip(entry);
  let clip = checkedInBuild.get(entry.id);
  if (!clip) {
    clip = checkedClip(entry);
    checkedInBuild.set(entry.id, clip);
  }
  return clip;
}

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

/** One six-minute reel of a venue. */
export interface Reel {
  /** `default`, or the key under `reels` in the playlist file. */
  key: string;
  name: { zh: string; en: string };
  totalSeconds: number;
  clips: Clip[];
}

/**
 * A venue's reels, each checked to last six minutes measured from the media files, and the
 * schedule that picks between them. The default reel comes first.
 */
export async function venueReels(venue: Venue) {
  const entry = await getEntry('playlists', venue);
  if (!entry) throw new Error(`content/playlists/${venue}.yaml is missing`);
  const file = entry.filePath ?? `content/playlists/${venue}.yaml`;
  const build = async (key: string, name: Reel['name'], list: typeof entry.data.clips, field: string): Promise<Reel> => {
    const clips = await clipsNamed(list, { file, field });
    const totalSeconds = clips.reduce((sum, c) => sum + c.durationSeconds, 0);
    const portraitSeconds = clips.reduce((sum, c) => sum + c.portrait.durationSeconds, 0);
    // Landscape and portrait screens play the same reel in their own cut: both last six minutes.
    for (const [total, cut] of [[totalSeconds, ''], [portraitSeconds, ' in portrait']] as const) {
      const off = total - REEL_SECONDS;
      if (Math.abs(off) > REEL_TOLERANCE_SECONDS) {
        const which = key === 'default' ? `the ${venue} reel` : `the ${venue} "${key}" reel`;
        throw new Error(
          `${file}: ${field}: ${which} totals ${total.toFixed(1)} s${cut}, ${Math.abs(off).toFixed(1)} s ${off < 0 ? 'short of' : 'over'} ${REEL_SECONDS} s`,
        );
      }
    }
    return { key, name, totalSeconds, clips };
  };
  const reels = [await build('default', entry.data.name, entry.data.clips, 'clips')];
  for (const [key, alt] of Object.entries(entry.data.reels)) reels.push(await build(key, alt.name, alt.clips, `reels.${key}.clips`));
  return { venue, name: entry.data.name, reels, schedule: entry.data.schedule };
}

/** `getStaticPaths` over the venues. */
export const venuePaths = () => VENUES.map((venue) => ({ params: { venue } }));

/** `getStaticPaths` over the clips: each page gets its clip, media checked once, as a prop. */
export async function clipPaths() {
  return (await allClips()).map((clip) => ({ params: { clip: clip.id }, props: { clip } }));
}

/** A clip's captions run together and cut to a meta description. */
export function clipDescription(clip: Clip, locale: Locale): string {
  const lines = clip.transcript[locale === 'en' ? 'en' : 'zh'].map((l) => l.text.trim());
  // Chinese sentences follow one another with no space; a caption without a full stop gets a comma.
  const text = locale === 'en' ? lines.join(' ') : lines.reduce((out, line) => (out === '' || /[。！？；，：”]$/u.test(out) ? out + line : `${out}，${line}`), '');
  return text.slice(0, 150);
}

/** What /videos/ shows: every clip, and the names of the scam categories, by key. */
export async function videoListPage(locale: Locale) {
  const clips = await allClips();
  const scamNames = new Map((await articlesIn('scams', locale)).map((s) => [s.data.key as string, s.data.name]));
  return { clips, scamNames };
}
export type VideoListPage = Awaited<ReturnType<typeof videoListPage>>;
