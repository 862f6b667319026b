import type { APIRoute } from 'astro';
import { venuePaths } from '../../queries/clips';
import { kioskPayload } from '../../queries/kiosk';
import type { Venue } from '../../lib/taxonomy';

export const getStaticPaths = venuePaths;

/**
 * The venue's reels for the kiosk player: every file it needs, so it can cache them for offline
 * play, each with its SHA-256 (`sha256`, by path). A clip with a portrait cut lists it under
 * `portrait` (`src`, `durationSeconds`), its SHA-256 with the others'. `clips` is the default
 * reel; `reels` and `schedule` add the reels picked by time of day.
 */
export const GET: APIRoute = async ({ params }) => {
  const { file } = await kioskPayload(params.venue as Venue);
  return new Response(`${JSON.stringify(file, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
