/** Text rules for campaign clips, shared by the schema, the renderer and the tests. */

/** Width of a line in full-width characters: CJK counts 1, Latin letters, digits and spaces about half. */
export function lineWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1;
  return width;
}

/** On-screen text must be readable from three metres: at most 3 lines of at most 14 full-width characters. */
export const SCREEN_MAX_LINES = 3;
export const SCREEN_MAX_WIDTH = 14;

/** What is wrong with a scene's on-screen text, or null when it fits. */
export function screenTextProblem(text: string): string | null {
  const lines = text.split('\n');
  if (lines.length > SCREEN_MAX_LINES) return `${lines.length} lines, at most ${SCREEN_MAX_LINES} fit`;
  const wide = lines.find((l) => lineWidth(l) > SCREEN_MAX_WIDTH);
  if (wide !== undefined) return `line "${wide}" is ${lineWidth(wide)} characters wide, at most ${SCREEN_MAX_WIDTH} fit`;
  if (lines.some((l) => !l.trim())) return 'an empty line';
  return null;
}

/** A WebVTT timestamp: 75.5 → 00:01:15.500. */
export function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** A WebVTT file with one cue per scene, each cue spanning its scene. */
export function toVtt(scenes: readonly { seconds: number; caption: string }[]): string {
  let start = 0;
  const cues = scenes.map((scene, i) => {
    const end = start + scene.seconds;
    const cue = `${i + 1}\n${vttTime(start)} --> ${vttTime(end)}\n${scene.caption}\n`;
    start = end;
    return cue;
  });
  return `WEBVTT\n\n${cues.join('\n')}`;
}
