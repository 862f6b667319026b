#!/usr/bin/env node
// npm run clips: renders every storyboard in content/clips/ into public/media/:
// <id>.mp4 (H.264, yuv420p, faststart, 1280×720, a keyframe at each scene), <id>.portrait.mp4
// (the same at 1080×1920, for portrait screens), <id>.zh.vtt and <id>.en.vtt (shared by both),
// <id>.jpg (poster) and <id>.json (the storyboard's hash and the duration).
// Frames are drawn as SVG (src/lib/clip/frame.ts), rasterised by resvg and encoded by ffmpeg;
// a frame in which nothing moves is rasterised once and held. Renders only clips whose
// storyboard changed, unless --all is given or clip ids are named; --out <dir> writes elsewhere
// than public/media. The rendered files are committed, so building the site needs no ffmpeg.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { toVtt } from '../src/lib/clip-text.ts';
import { cornerLines, resolveScenes, storyboardHash, storyboardSource, type AdviceWords, type StoryboardScene } from '../src/node/clip-hash.ts';
import { FRAME, ORIENTATIONS, type ClipScene, type Orientation } from '../src/lib/clip/frame.ts';
import { clipSceneProblems } from '../src/lib/clip/check.ts';
import { sceneFrames } from '../src/lib/clip/frame.ts';
import { FitError } from '../src/lib/svg/text-fit.ts';
import { clipSiteAddress } from '../src/lib/site-address.ts';
import { typesetterFor } from '../src/node/picture.ts';
import { readEntry } from '../src/node/content-files.ts';
const CLIPS = 'content/clips';
/** Where the files go: public/media, or `--out <dir>` (the bench renders into a scratch folder). */
const MEDIA = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1]! : 'public/media';
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

type Scene = ClipScene & { caption: { zh: string; en: string } };

/** Reads an entry as the build's schema does; a wrong field stops the render, naming the file and the field. */
function entry<C extends 'clips' | 'advice'>(collection: C, file: string, text?: string) {
  try {
    return readEntry(collection, file, text);
  } catch (error) {
    fail((error as Error).message);
  }
}

/** A rule's words, read from its file; a scene naming an unknown rule stops the render, naming the clip. */
function ruleWords(id: string, from: string): AdviceWords {
  const file = join('content/advice', `${id}.yaml`);
  if (!existsSync(file)) fail(`${from}: advice: unknown advice id "${id}": there is no ${file}`);
  return entry('advice', file);
}

/** The text the render hash covers: the storyboard and the words of the rules its scenes name. */
function hashSource(file: string, text: string, scenes: readonly StoryboardScene[]): string {
  return storyboardSource(text, scenes.flatMap((s) => s.advice ?? []), (id) => ruleWords(id, file));
}

const type = typesetterFor('zh');

/**
 * Rasterises the clip's frames into `dir` and writes an ffmpeg concat list: one PNG per distinct
 * frame, each held for as many frame times as it stays the same.
 */
function drawFrames(scenes: readonly Scene[], dir: string, where: string, orientation: Orientation, corner: readonly string[]): string {
  const list: string[] = ['ffconcat version 1.0'];
  let last = '';
  let held = 0;
  let count = 0;
  const flush = () => {
    if (held) list.push(`duration ${(held / FRAME.fps).toFixed(2)}`);
    held = 0;
  };
  scenes.forEach((scene, i) => {
    const frames = sceneFrames(scene, type, ADDRESS, `${where}: scenes[${i}]`, orientation, corner);
    const total = Math.round(scene.seconds * FRAME.fps);
    for (let k = 0; k < total; k++) {
      const svg = frames.frame(k / FRAME.fps);
      if (svg !== last) {
        flush();
        const png = join(dir, `f${String(count++).padStart(5, '0')}.png`);
        writeFileSync(png, new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render().asPng());
        list.push(`file '${png}'`);
        last = svg;
      }
      held++;
    }
  });
  // The last frame is also named on its own for the final frame time, so the video runs to the
  // clip's end however its frames are timed; the concat demuxer ignores the last entry's duration
  // unless the file is named once more.
  const lastFile = list.findLast((l) => l.startsWith('file '))!;
  if (held > 1) {
    held--;
    flush();
    list.push(lastFile);
    held = 1;
  }
  flush();
  list.push(lastFile);
  return list.join('\n') + '\n';
}

function render(id: string, file: string, text: string, storyboard: readonly StoryboardScene[], work: string): void {
  // A scene that names a rule shows the rule's words, so clips and pages say the same thing.
  const scenes = resolveScenes(storyboard, (id) => ruleWords(id, file)) as unknown as Scene[];
  // Every frame's corner shows the 96110 rule's short form.
  const corner = cornerLines((id) => ruleWords(id, file));
  const problems = clipSceneProblems(storyboard, scenes);
  if (problems.length) fail(problems.map((p) => `${file}: ${p}`).join('\n'));
  const total = scenes.reduce((sum, s) => sum + s.seconds, 0);
  const keyframes: number[] = [];
  scenes.reduce((start, s) => (keyframes.push(start), start + s.seconds), 0);

  // The same scenes, timings and captions in both cuts: <id>.mp4 and <id>.portrait.mp4.
  for (const orientation of ORIENTATIONS) {
    const dir = join(work, `${id}.${orientation}`);
    mkdirSync(dir);
    const list = join(dir, 'frames.ffconcat');
    writeFileSync(list, drawFrames(scenes, dir, file, orientation, corner));
    const mp4 = join(MEDIA, orientation === 'portrait' ? `${id}.portrait.mp4` : `${id}.mp4`);
    execFileSync('ffmpeg', [
      '-v', 'error', '-y',
      '-f', 'concat', '-safe', '0', '-i', list,
      // A constant 25 fps: Chromium lets a video's time stand still for a moment when its next
      // frame is seconds away, which a kiosk counts as a stall.
      '-vf', `fps=${FRAME.fps},format=yuv420p`,
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-tune', 'stillimage', '-pix_fmt', 'yuv420p',
      '-force_key_frames', keyframes.join(','), '-x264-params', 'scenecut=0',
      '-movflags', '+faststart', '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact',
      '-t', String(total), mp4,
    ], { stdio: ['ignore', 'ignore', 'inherit'] });
    rmSync(dir, { recursive: true, force: true });
  }
  const mp4 = join(MEDIA, `${id}.mp4`);
  const posterAt = Math.min(total - 0.1, scenes[0]!.seconds * 0.75);
  // The frame on screen at that moment, however the frames are timed: through a constant rate, then trimmed.
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', mp4, '-vf', `fps=${FRAME.fps},trim=start=${posterAt}`, '-frames:v', '1', '-q:v', '4', join(MEDIA, `${id}.jpg`)]);
  for (const lang of ['zh', 'en'] as const) {
    writeFileSync(join(MEDIA, `${id}.${lang}.vtt`), toVtt(scenes.map((s) => ({ seconds: s.seconds, caption: s.caption[lang] }))));
  }
  const manifest = { id, storyboardHash: storyboardHash(hashSource(file, text, storyboard)), durationSeconds: total, ...(ADDRESS ? { siteAddress: ADDRESS } : {}) };
  writeFileSync(join(MEDIA, `${id}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`rendered ${id} (${total} s)`);
}

mkdirSync(MEDIA, { recursive: true });
/** The site's public address, drawn in the corner once SITE_URL names it. */
const ADDRESS = clipSiteAddress(process.env.SITE_URL);
const all = process.argv.includes('--all');
/** Clip ids named on the command line are rendered whether stale or not, and only they. */
const named = process.argv.slice(2).filter((arg, i, args) => !arg.startsWith('--') && args[i - 1] !== '--out');
const work = mkdtempSync(join(tmpdir(), 'fz-clips-'));
try {
  for (const name of readdirSync(CLIPS).filter((f) => f.endsWith('.yaml')).sort()) {
    const id = name.replace(/\.yaml$/, '');
    if (named.length && !named.includes(id)) continue;
    const file = join(CLIPS, name);
    const text = readFileSync(file, 'utf8');
    // The storyboard is checked by the build's schema before anything is drawn.
    const board = entry('clips', file, text);
    // An externally produced clip brings its own video and captions: nothing to render.
    if (!board.scenes) continue;
    const manifest = join(MEDIA, `${id}.json`);
    const old = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { storyboardHash?: string; siteAddress?: string }) : null;
    const fresh = old?.storyboardHash === storyboardHash(hashSource(file, text, board.scenes)) && (old?.siteAddress ?? null) === ADDRESS;
    if (fresh && !all && !named.length) continue;
    try {
      render(id, file, text, board.scenes, work);
    } catch (error) {
      // Text that does not fit (the site's address, say) names the clip it stopped.
      if (error instanceof FitError) fail(`${file}: ${error.message}`);
      throw error;
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
