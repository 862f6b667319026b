/** One caption cue: shown from `start` to `end` seconds. */
export interface Cue {
  start: number;
  end: number;
  text: string;
}

const TIMING = /^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})\s+-->\s+(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})/;
const seconds = (h: string | undefined, m: string, s: string, ms: string) => Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;

/**
 * The cues of a WebVTT file. The kiosk draws captions itself, large, instead of the browser's
 * own caption box, so it reads the file once and looks cues up by time. Markup tags are dropped.
 */
export function parseVtt(text: string): Cue[] {
  if (!/^\uFEFF?WEBVTT/.test(text)) throw new Error('not a WebVTT file: it must start with "WEBVTT"');
  const cues: Cue[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => TIMING.test(l));
    if (at < 0) continue;
    const m = TIMING.exec(lines[at]!)!;
    const body = lines.slice(at + 1).join('\n').replace(/<[^>]+>/g, '').trim();
    if (body) cues.push({ start: seconds(m[1], m[2]!, m[3]!, m[4]!), end: seconds(m[5], m[6]!, m[7]!, m[8]!), text: body });
  }
  return cues;
}

/** The text on screen at `time` seconds, or '' between cues. */
export function cueAt(cues: readonly Cue[], time: number): string {
  for (const cue of cues) if (time >= cue.start && time < cue.end) return cue.text;
  return '';
}
