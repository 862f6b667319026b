#!/usr/bin/env node
// npm run clips: renders every storyboard in content/clips/ into public/media/:
// <id>.mp4 (H.264, yuv420p, faststart, 1280×720, a keyframe at each scene), <id>.zh.vtt,
// <id>.en.vtt, <id>.jpg (poster) and <id>.json (the storyboard's hash and the duration).
// Needs Debian's ffmpeg and fonts-noto-cjk. Renders only clips whose storyboard changed,
// unless --all is given. The rendered files are committed, so building the site needs no ffmpeg.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { screenTextProblem, toVtt } from '../src/lib/clip-text.ts';
import { resolveScenes, storyboardHash, storyboardSource, type AdviceWords, type StoryboardScene } from '../src/lib/clip-hash.ts';
import { clipSiteAddress } from '../src/lib/site-address.ts';
import type { CLIP_LAYOUTS } from '../src/lib/taxonomy.ts';

const CLIPS = 'content/clips';
const MEDIA = 'public/media';
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Noto Sans CJK Bold, found through fontconfig; drawtext's own font lookup falls back to a font without Chinese. */
const FONT_FILE = (() => {
  const file = execFileSync('fc-match', ['-f', '%{file}', 'Noto Sans CJK SC:bold'], { encoding: 'utf8' }).trim();
  if (!/NotoSansCJK/.test(file)) fail('Noto Sans CJK is missing: apt-get install -y fonts-noto-cjk');
  return file;
})();
const W = 1280;
const H = 720;

interface Scene {
  seconds: number;
  layout: 'hook' | 'point' | 'action';
  screen: string;
  caption: { zh: string; en: string };
}

/** A rule file's text; a scene naming an unknown rule stops the render, naming the clip. */
function ruleText(id: string, from: string): string {
  const file = join('content/advice', `${id}.yaml`);
  if (!existsSync(file)) fail(`${from}: advice: unknown advice id "${id}": there is no ${file}`);
  return readFileSync(file, 'utf8');
}

/** The text the render hash covers: the storyboard and the rules its scenes name. */
function hashSource(file: string, text: string): string {
  const scenes = ((parse(text) as { scenes?: StoryboardScene[] }).scenes ?? []);
  return storyboardSource(text, scenes.flatMap((s) => s.advice ?? []), (id) => ruleText(id, file));
}

/** Background per layout: brand blue to open, dark slate for points, alert red for the action. */
const BACKGROUND: Record<Scene['layout'], string> = { hook: '0x0b3a75', point: '0x1d2b3a', action: '0xb3261e' };

function render(id: string, file: string, work: string): void {
  const text = readFileSync(file, 'utf8');
  const board = parse(text) as { scenes?: StoryboardScene[] };
  if (!Array.isArray(board.scenes) || board.scenes.length === 0) fail(`${file}: scenes: at least one scene is needed`);
  // A scene that names a rule shows the rule's words, so clips and pages say the same thing.
  const scenes = resolveScenes(board.scenes, (id) => parse(ruleText(id, file)) as AdviceWords) as Scene[];
  scenes.forEach((scene, i) => {
    const problem = screenTextProblem(String(scene.screen ?? ''));
    if (problem) fail(`${file}: scenes[${i}].screen: ${problem}`);
    if (!(scene.seconds > 0)) fail(`${file}: scenes[${i}].seconds: must be positive, got ${scene.seconds}`);
    if (!(scene.layout in BACKGROUND)) fail(`${file}: scenes[${i}].layout: must be hook, point or action, got ${scene.layout}`);
  });
  const total = scenes.reduce((sum, s) => sum + s.seconds, 0);

  const filters: string[] = [];
  const textFile = (name: string, content: string) => {
    const path = join(work, `${id}-${name}.txt`);
    writeFileSync(path, content);
    return path.replace(/\\/g, '/').replace(/:/g, '\\:');
  };
  let start = 0;
  const keyframes: number[] = [];
  scenes.forEach((scene, i) => {
    const end = start + scene.seconds;
    keyframes.push(start);
    const on = `between(t,${start},${end})`;
    filters.push(`drawbox=x=0:y=0:w=iw:h=ih:color=${BACKGROUND[scene.layout]}:t=fill:enable='${on}'`);
    const lines = scene.screen.split('\n');
    const size = scene.layout === 'hook' ? 76 : 68;
    const lineHeight = Math.round(size * 1.35);
    const top = (H - lineHeight * lines.length) / 2 - 20;
    lines.forEach((line, j) => {
      // Fade and slide in over 0.4 s; the text then holds still until the cut, so no frame is empty.
      const appear = `(t-${start})/0.4`;
      filters.push(
        `drawtext=fontfile='${FONT_FILE}':textfile='${textFile(`${i}-${j}`, line)}':fontsize=${size}:fontcolor=white` +
          `:x=(w-text_w)/2:y='${top + j * lineHeight}+if(lt(t-${start},0.4),24*(1-${appear}),0)'` +
          `:alpha='if(lt(t-${start},0.4),${appear},1)':enable='${on}'`,
      );
    });
    start = end;
  });
  // The frame that stays: the site's name top left, the hotline bottom right, the 96110 note bottom left.
  filters.push(`drawtext=fontfile='${FONT_FILE}':textfile='${textFile('name', `反诈提醒 · ${ADDRESS ?? '上海'}`)}':fontsize=30:fontcolor=white@0.9:x=72:y=48`);
  filters.push(
    `drawtext=fontfile='${FONT_FILE}':textfile='${textFile('hotline', '报警 110')}':fontsize=44:fontcolor=0xb3261e:box=1:boxcolor=white:boxborderw=14:x=w-text_w-86:y=h-text_h-70`,
  );
  filters.push(`drawtext=fontfile='${FONT_FILE}':textfile='${textFile('warn', '96110 来电是预警，请接听')}':fontsize=30:fontcolor=white@0.9:x=72:y=h-text_h-78`);

  const mp4 = join(MEDIA, `${id}.mp4`);
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `color=c=${BACKGROUND.point}:s=${W}x${H}:r=25:d=${total}`,
    '-vf', filters.join(','),
    '-c:v', 'libx264', '-preset', 'slow', '-crf', '30', '-tune', 'stillimage', '-pix_fmt', 'yuv420p',
    '-force_key_frames', keyframes.join(','), '-x264-params', 'scenecut=0',
    '-movflags', '+faststart', '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact',
    '-t', String(total), mp4,
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
  const posterAt = Math.min(total - 0.1, scenes[0]!.seconds * 0.75);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', String(posterAt), '-i', mp4, '-frames:v', '1', '-q:v', '4', join(MEDIA, `${id}.jpg`)]);
  for (const lang of ['zh', 'en'] as const) {
    writeFileSync(join(MEDIA, `${id}.${lang}.vtt`), toVtt(scenes.map((s) => ({ seconds: s.seconds, caption: s.caption[lang] }))));
  }
  const manifest = { id, storyboardHash: storyboardHash(hashSource(file, text)), durationSeconds: total, ...(ADDRESS ? { siteAddress: ADDRESS } : {}) };
  writeFileSync(join(MEDIA, `${id}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`rendered ${id} (${total} s)`);
}

mkdirSync(MEDIA, { recursive: true });
/** The site's public address, drawn in the corner once SITE_URL names it. */
const ADDRESS = clipSiteAddress(process.env.SITE_URL);
const all = process.argv.includes('--all');
const work = mkdtempSync(join(tmpdir(), 'fz-clips-'));
try {
  for (const name of readdirSync(CLIPS).filter((f) => f.endsWith('.yaml')).sort()) {
    const id = name.replace(/\.yaml$/, '');
    const file = join(CLIPS, name);
    // An externally produced clip brings its own video and captions: nothing to render.
    if ((parse(readFileSync(file, 'utf8')) as { video?: unknown }).video) continue;
    const manifest = join(MEDIA, `${id}.json`);
    const old = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { storyboardHash?: string; siteAddress?: string }) : null;
    const fresh = old?.storyboardHash === storyboardHash(hashSource(file, readFileSync(file, 'utf8'))) && (old?.siteAddress ?? null) === ADDRESS;
    if (fresh && !all) continue;
    render(id, file, work);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
