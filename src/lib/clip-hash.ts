import { createHash } from 'node:crypto';

/**
 * Changes when a storyboard or the way clips are drawn changes. Bump RENDERER_VERSION with any
 * change to scripts/render-clips.ts that alters the picture, so every clip is rendered again.
 */
export const RENDERER_VERSION = 1;

/** The hash stored beside a rendered clip; a test compares it with the storyboard's. */
export function storyboardHash(storyboardText: string): string {
  return createHash('sha256').update(`renderer ${RENDERER_VERSION}\n`).update(storyboardText).digest('hex').slice(0, 16);
}
