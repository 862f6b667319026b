import type { APIRoute } from 'astro';
import { venuePaths, venueReels, type Clip } from '../../queries/clips';
import { clipFileHashes } from '../../node/media-hash';
import type { Venue } from '../../lib/taxonomy';

export const getStaticPaths = venuePaths;

const listed = (clip: Clip) => {
  const { id, title, src, captions, poster, durationSeconds, portrait, page } = clip;
  return { id, title, src, captions, poster, durationSeconds, ...(portrait && { portrait }), page, sha256: clipFileHashes(clip) };
};

/**
 * The venue's reel for the kiosk player: every file it needs, so it can cache them for offline
 * play, each with its SHA-256 (`sha256`, by path). A clip with a portrait cut lists it under
 * `portrait` (`src`, `durationSeconds`), its SHA-256 with the others'. `clips` is the default
 * reel; `reels` and `schedule` add the reels picked by time of day.
 */
export const GET: APIRoute = async ({ params }) => {
  const { venue, name, reels, schedule } = await venueReels(params.venue as Venue);
  const [main, ...others] = reels;
  const body = {
    venue,
    name,
    totalSeconds: main!.totalSeconds,
    clips: main!.clips.map(listed),
    reels: Object.fromEntries(others.map((r) => [r.key, { name: r.name, totalSeconds: r.totalSeconds, clips: r.clips.map(listed) }])),
    schedule,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
