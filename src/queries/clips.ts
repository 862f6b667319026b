import { checkedMedia, type Clip, type VenueReels } from './checked';
import type { Locale } from '../lib/i18n';
import { articlesIn } from './content';
import { VENUES, type Venue } from '../lib/taxonomy';

export type { Clip, Reel, VenueReels } from './checked';

/** Every clip with its media, checked once per build (src/queries/checked.ts), in id order. */
export async function allClips(): Promise<Clip[]> {
  return [...(await checkedMedia()).clips.values()];
}

/** The clips `refs` name, in that order; every reference was checked once per build. */
export async function clipsNamed(refs: readonly { collection: 'clips'; id: string }[]): Promise<Clip[]> {
  const { clips } = await checkedMedia();
  return refs.map((ref) => clips.get(ref.id)!);
}

/**
 * A venue's reels, each six minutes long in both cuts, measured from the media files, and the
 * schedule that picks between them. The default reel comes first.
 */
export async function venueReels(venue: Venue): Promise<VenueReels> {
  return (await checkedMedia()).venues.get(venue)!;
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
