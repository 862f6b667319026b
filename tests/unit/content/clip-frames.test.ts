/**
 * Legibility on the rendered clips themselves: one frame per scene is decoded from the committed
 * MP4 (Debian's ffmpeg) and checked where the storyboard put its text. The storyboard checks say
 * what should be drawn; this says it was.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { resolveScenes, type AdviceWords, type StoryboardScene } from '../../../src/lib/clip-hash';
import { FRAME, LAYOUT_MEASURE, MIN_CONTRAST, MIN_TEXT_PX, SAFE, sceneFrames, type ClipScene } from '../../../src/lib/clip/frame';
import { svgTextTypesetter } from '../../../src/lib/svg/draw';
import { ROOT } from '../helpers';

const CLIPS = join(ROOT, 'content/clips');
const board = (id: string) => parse(readFileSync(join(CLIPS, `${id}.yaml`), 'utf8')) as { scenes?: StoryboardScene[]; video?: unknown };
const ids = readdirSync(CLIPS).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).filter((id) => !board(id).video).sort();
const rule = (id: string) => parse(readFileSync(join(ROOT, 'content/advice', `${id}.yaml`), 'utf8')) as AdviceWords;
const type = svgTextTypesetter(LAYOUT_MEASURE);
const { width: W, height: H } = FRAME;

/** The frame at `t` seconds as RGB bytes. */
function frameAt(id: string, t: number): Buffer {
  return execFileSync('ffmpeg', ['-v', 'error', '-ss', t.toFixed(2), '-i', join(ROOT, 'public/media', `${id}.mp4`), '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: W * H * 4,
  });
}

/** WCAG relative luminance of one pixel. */
function luminance(rgb: Buffer, i: number): number {
  const c = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * c(rgb[i]!) + 0.7152 * c(rgb[i + 1]!) + 0.0722 * c(rgb[i + 2]!);
}

/** Luminances of the pixels of a box, sorted. */
function boxLuminances(rgb: Buffer, box: { x: number; y: number; w: number; h: number }): number[] {
  const out: number[] = [];
  for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(H, Math.ceil(box.y + box.h)); y++) {
    for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(W, Math.ceil(box.x + box.w)); x++) out.push(luminance(rgb, (y * W + x) * 3));
  }
  return out.sort((a, b) => a - b);
}

describe.each(ids)('%s: rendered frames', (id) => {
  const scenes = resolveScenes(board(id).scenes!, rule) as unknown as ClipScene[];
  let start = 0;
  const shots = scenes.map((scene, i) => {
    // Late in the scene, when everything has appeared: every text is on the frame.
    const at = start + scene.seconds - 0.3;
    start += scene.seconds;
    return { i, at, texts: sceneFrames(scene, type, null, `scenes[${i}]`).texts };
  });

  test.each(shots)('scene $i: text keeps 7:1 contrast with its ground and nothing is drawn outside the title-safe area', ({ at, texts }) => {
    const rgb = frameAt(id, at);
    for (const text of texts.filter((t) => t.field !== 'site name')) {
      const l = boxLuminances(rgb, text.box);
      // Brightest and darkest pixels of the text's box, past a few stray ones from compression.
      const [lo, hi] = [l[Math.floor(l.length * 0.01)]!, l[Math.floor(l.length * 0.99)]!];
      expect((hi + 0.05) / (lo + 0.05), `${text.field} "${text.text}"`).toBeGreaterThanOrEqual(MIN_CONTRAST * 0.95);
    }
    // The band outside the title-safe area is the ground colour alone.
    const band = [
      { x: 0, y: 0, w: W, h: SAFE.y },
      { x: 0, y: SAFE.y + SAFE.height, w: W, h: H - SAFE.y - SAFE.height },
      { x: 0, y: 0, w: SAFE.x, h: H },
      { x: SAFE.x + SAFE.width, y: 0, w: W - SAFE.x - SAFE.width, h: H },
    ].flatMap((box) => boxLuminances(rgb, box));
    expect(band[band.length - 1]! - band[0]!, 'luminance spread in the margins').toBeLessThan(0.02);
  });

  test.each(shots)('scene $i: Chinese text is at least 4.5% of the frame high, measured as the height of its ink', ({ at, texts }) => {
    const rgb = frameAt(id, at);
    for (const text of texts.filter((t) => /\p{Script=Han}/u.test(t.text))) {
      // The tallest run of rows that hold a pixel far from the box's commonest luminance: a line's glyphs.
      const l = boxLuminances(rgb, text.box);
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
      expect(tallest, `${text.field} "${text.text}"`).toBeGreaterThanOrEqual(Math.floor(MIN_TEXT_PX * 0.8));
    }
  });
});
