/**
 * Legibility on the rendered clips themselves: one frame per scene is decoded from each committed
 * MP4 (Debian's ffmpeg), and checked where the storyboard put its text. The storyboard checks say
 * what should be drawn; this says it was. clip-frames-landscape.test.ts and
 * clip-frames-portrait.test.ts each run it for one cut, so the unit run decodes both at once.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cornerLines, resolveScenes, type AdviceWords } from '../../../src/node/clip-hash';
import { FRAMES, LAYOUT_MEASURE, MIN_CONTRAST, sceneFrames, type ClipScene, type Orientation } from '../../../src/lib/clip/frame';
import { svgTextTypesetter } from '../../../src/lib/svg/draw';
import { readEntry } from '../../../src/node/content-files';
import { ROOT } from '../helpers';

const CLIPS = join(ROOT, 'content/clips');
/** A clip file as the build's schema reads it. */
const board = (id: string) => readEntry('clips', join(CLIPS, `${id}.yaml`));
const ids = readdirSync(CLIPS).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).filter((id) => !board(id).video).sort();
const rule = (id: string): AdviceWords => readEntry('advice', join(ROOT, 'content/advice', `${id}.yaml`));
const type = svgTextTypesetter(LAYOUT_MEASURE);
const file = (id: string, orientation: Orientation) => join(ROOT, 'public/media', orientation === 'portrait' ? `${id}.portrait.mp4` : `${id}.mp4`);

type Frame = { rgb: Buffer; W: number; H: number };

/** The frame on screen at each of `times` seconds, as RGB bytes, from one run of ffmpeg over the file. */
function decode(id: string, orientation: Orientation, times: number[]): Map<number, Frame> {
  const { width: W, height: H } = FRAMES[orientation];
  // Through a constant 25 frames a second, however the file's frames are timed; the frame on
  // screen at t is then the first whose time is t or later.
  const index = (t: number) => Math.ceil(Number(t.toFixed(2)) * 25 - 1e-6);
  const wanted = [...new Set(times.map(index))].sort((a, b) => a - b);
  const select = wanted.map((n) => `eq(n,${n})`).join('+');
  const out = execFileSync('ffmpeg', ['-v', 'error', '-i', file(id, orientation), '-vf', `fps=25,select='${select}'`, '-fps_mode', 'passthrough', '-frames:v', String(wanted.length), '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: W * H * 3 * wanted.length + 1,
  });
  expect(out.length, `${file(id, orientation)}: ${wanted.length} frames of ${W}×${H}`).toBe(W * H * 3 * wanted.length);
  const frames = new Map<number, Frame>();
  for (const t of times) {
    const k = wanted.indexOf(index(t));
    frames.set(t, { rgb: out.subarray(k * W * H * 3, (k + 1) * W * H * 3), W, H });
  }
  return frames;
}

/** Pixels beside the title-safe area that compression may tint. */
const BLEED = 2;

/** WCAG linear value of each 8-bit channel value. */
const LINEAR = Array.from({ length: 256 }, (_, v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));

/** WCAG relative luminance of one pixel. */
function luminance(rgb: Buffer, i: number): number {
  return 0.2126 * LINEAR[rgb[i]!]! + 0.7152 * LINEAR[rgb[i + 1]!]! + 0.0722 * LINEAR[rgb[i + 2]!]!;
}

/** The pixels of a box, clipped to the frame, as indices into the RGB bytes. */
function* boxPixels({ W, H }: Frame, box: { x: number; y: number; w: number; h: number }): Generator<number> {
  for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(H, Math.ceil(box.y + box.h)); y++) {
    for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(W, Math.ceil(box.x + box.w)); x++) yield (y * W + x) * 3;
  }
}

/** Luminances of the pixels of a box, sorted. */
function boxLuminances(frame: Frame, box: { x: number; y: number; w: number; h: number }): Float64Array {
  const out: number[] = [];
  for (const i of boxPixels(frame, box)) out.push(luminance(frame.rgb, i));
  return Float64Array.from(out).sort();
}

/** The darkest and the brightest luminance over some boxes. */
function luminanceRange(frame: Frame, boxes: { x: number; y: number; w: number; h: number }[]): { lo: number; hi: number } {
  let [lo, hi] = [Infinity, -Infinity];
  for (const box of boxes) {
    for (const i of boxPixels(frame, box)) {
      const l = luminance(frame.rgb, i);
      if (l < lo) lo = l;
      if (l > hi) hi = l;
    }
  }
  return { lo, hi };
}

/** The rendered-frame tests of every storyboard clip's `orientation` cut. */
export function renderedFrameTests(orientation: Orientation): void {
  describe.each(ids.map((id) => [id, orientation] as const))('%s, %s: rendered frames', (id, orientation) => {
    const scenes = resolveScenes(board(id).scenes!, rule) as unknown as ClipScene[];
    const { safe: SAFE, minText } = FRAMES[orientation];
    let start = 0;
    const shots = scenes.map((scene, i) => {
      // Late in the scene, when everything has appeared: every text is on the frame.
      const at = start + scene.seconds - 0.3;
      start += scene.seconds;
      return { i, at, texts: sceneFrames(scene, type, null, `scenes[${i}]`, orientation, cornerLines(rule)).texts };
    });
    // The frames its tests look at, by time, decoded in one pass before them.
    let frames = new Map<number, Frame>();
    beforeAll(() => {
      frames = decode(id, orientation, shots.map((s) => s.at));
    });
    afterAll(() => frames.clear());
    const frameAt = (t: number): Frame => frames.get(t) ?? expect.unreachable(`no frame was decoded at ${t} s`);

    test.each(shots)('scene $i: text keeps 7:1 contrast with its ground and nothing is drawn outside the title-safe area', ({ at, texts }) => {
      const frame = frameAt(at);
      const { W, H } = frame;
      for (const text of texts.filter((t) => t.field !== 'site name')) {
        const l = boxLuminances(frame, text.box);
        // Brightest and darkest pixels of the text's box, past a few stray ones from compression.
        const [lo, hi] = [l[Math.floor(l.length * 0.01)]!, l[Math.floor(l.length * 0.99)]!];
        expect((hi + 0.05) / (lo + 0.05), `${text.field} "${text.text}"`).toBeGreaterThanOrEqual(MIN_CONTRAST * 0.95);
      }
      // The band outside the title-safe area is the ground colour alone, but for the two pixels next
      // to it: H.264 smears a hard edge drawn on the area's border (a phone's outline) over them.
      const e = BLEED;
      const band = luminanceRange(frame, [
        { x: 0, y: 0, w: W, h: SAFE.y - e },
        { x: 0, y: SAFE.y + SAFE.height + e, w: W, h: H - SAFE.y - SAFE.height - e },
        { x: 0, y: 0, w: SAFE.x - e, h: H },
        { x: SAFE.x + SAFE.width + e, y: 0, w: W - SAFE.x - SAFE.width - e, h: H },
      ]);
      expect(band.hi - band.lo, 'luminance spread in the margins').toBeLessThan(0.02);
    });

    test.each(shots)('scene $i: Chinese text is at least 4.5% of the frame high, measured as the height of its ink', ({ at, texts }) => {
      const frame = frameAt(at);
      const { rgb, W } = frame;
      for (const text of texts.filter((t) => /\p{Script=Han}/u.test(t.text))) {
        // The tallest run of rows that hold a pixel far from the box's commonest luminance: a line's glyphs.
        const l = boxLuminances(frame, text.box);
        const median = l[Math.floor(l.length / 2)]!;
        let run = 0;
        let tallest = 0;
        for (let y = Math.floor(text.box.y); y < text.box.y + text.box.h; y++) {
          let ink = false;
          for (let x = Math.floor(text.box.x); x < text.box.x + text.box.w && !ink; x++) ink = Math.abs(luminance(rgb, (y * W + x) * 3) - median) > 0.25;
          run = ink ? run + 1 : 0;
          tallest = Math.max(tallest, run);
        }
        // Noto Sans CJK's Chinese glyphs are inked over about 0.88 em.
        expect(tallest, `${text.field} "${text.text}"`).toBeGreaterThanOrEqual(Math.floor(minText * 0.8));
      }
    });
  });
}
