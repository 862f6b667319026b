import type { APIRoute } from 'astro';
import { reel, venuePaths } from '../../lib/clips';
import type { Venue } from '../../lib/taxonomy';

export const getStaticPaths = venuePaths;

/** The venue's reel for the kiosk player: every file it needs, so it can cache them for offline play. */
export const GET: APIRoute = async ({ params }) => {
  const { venue, name, totalSeconds, clips } = await reel(params.venue as Venue);
  const body = {
    venue,
    name,
    totalSeconds,
    clips: clips.map(({ id, title, src, captions, poster, durationSeconds, page }) => ({ id, title, src, captions, poster, durationSeconds, page })),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
