/**
 * Which cut of a clip a screen plays. A screen taller than wide plays a clip's portrait cut
 * (1080×1920, the phone drawn larger), and its landscape video where it has none; a screen as
 * wide as tall or wider plays the landscape video.
 */

/** A clip's cuts as the player knows them: the landscape file, and the portrait one if rendered. */
export interface Cuts {
  src: string;
  portrait?: { src: string };
}

/** Whether a screen that is (or is not) taller than wide plays this clip's portrait cut. */
export function playsPortrait(clip: { portrait?: object }, portraitScreen: boolean): boolean {
  return portraitScreen && !!clip.portrait;
}

/** The file to load for `clip` on a screen that is (or is not) taller than wide. */
export function cutFile(clip: Cuts, portraitScreen: boolean): string {
  return playsPortrait(clip, portraitScreen) ? clip.portrait!.src : clip.src;
}

/**
 * Whether every clip of the reels has a portrait cut. Only then does a portrait screen lay itself
 * out for 9:16 video (the page's `data-cuts="portrait"`): one layout for the whole loop, so
 * nothing on screen moves at a transition, and clips without a cut keep the full width.
 */
export function allPortrait(reels: readonly { clips: readonly { portrait?: object }[] }[]): boolean {
  return reels.every((r) => r.clips.every((c) => !!c.portrait));
}

/** The media query the driver watches: true when the screen is taller than wide. */
export const PORTRAIT_QUERY = '(orientation: portrait)';
