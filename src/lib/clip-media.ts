import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVtt, type Cue } from '../player/vtt';
import { storyboardHash } from './clip-hash';
import { mp4Duration } from './mp4';

/** A clip's files, checked: site paths, the measured length and the caption cues of both languages. */
export interface ClipMedia {
  src: string;
  captions: { zh: string; en: string };
  poster: string;
  durationSeconds: number;
  cues: { zh: Cue[]; en: Cue[] };
}

/** Files of an externally produced clip, relative to public/ (`media/<name>.mp4` …). */
export interface ExternalVideo {
  file: string;
  captions: { zh: string; en: string };
  poster: string;
}

/**
 * Checks a clip's files and reads them: each must exist, the captions must be WebVTT whose cues
 * end within the video, and the length is measured from the MP4 itself. Errors name the clip's
 * file and the field: `content/clips/x.yaml: video.captions.en: public/media/x.en.vtt not found`.
 */
export function checkMedia(
  file: string,
  paths: { video: string; captions: { zh: string; en: string }; poster: string },
  fields: { video: string; captions: string; poster: string },
  publicDir = 'public',
  hint = '',
): ClipMedia {
  const local = (path: string, field: string) => {
    const full = join(publicDir, path);
    if (!existsSync(full)) throw new Error(`${file}: ${field}: ${full} not found${hint}`);
    return full;
  };
  const mp4 = local(paths.video, fields.video);
  local(paths.poster, fields.poster);
  const durationSeconds = mp4Duration(mp4);
  const cues = { zh: [] as Cue[], en: [] as Cue[] };
  for (const lang of ['zh', 'en'] as const) {
    const field = `${fields.captions}.${lang}`;
    const vtt = local(paths.captions[lang], field);
    try {
      cues[lang] = parseVtt(readFileSync(vtt, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: ${field}: ${vtt}: ${(e as Error).message}`);
    }
    if (cues[lang].length === 0) throw new Error(`${file}: ${field}: ${vtt} has no cues`);
    const last = Math.max(...cues[lang].map((c) => c.end));
    if (last > durationSeconds + 0.1) {
      throw new Error(`${file}: ${field}: a cue ends at ${last.toFixed(2)} s, after the video ends at ${durationSeconds.toFixed(2)} s`);
    }
  }
  const site = (path: string) => `/${path.replace(/^\/+/, '')}`;
  return { src: site(paths.video), captions: { zh: site(paths.captions.zh), en: site(paths.captions.en) }, poster: site(paths.poster), durationSeconds, cues };
}

/** The files `npm run clips` renders for a storyboard, checked, and the render checked to be current. */
export function storyboardMedia(file: string, id: string, storyboard: string, publicDir = 'public'): ClipMedia {
  const hint = '; run "npm run clips"';
  const media = checkMedia(
    file,
    { video: `media/${id}.mp4`, captions: { zh: `media/${id}.zh.vtt`, en: `media/${id}.en.vtt` }, poster: `media/${id}.jpg` },
    { video: 'video', captions: 'captions', poster: 'poster' },
    publicDir,
    hint,
  );
  const manifest = join(publicDir, 'media', `${id}.json`);
  if (!existsSync(manifest)) throw new Error(`${file}: render: ${manifest} not found${hint}`);
  if ((JSON.parse(readFileSync(manifest, 'utf8')) as { storyboardHash: string }).storyboardHash !== storyboardHash(storyboard)) {
    throw new Error(`${file}: render: the storyboard changed after ${join(publicDir, media.src)} was rendered${hint}`);
  }
  return media;
}

/** The files of an externally produced clip, checked the same way as rendered ones. */
export function externalMedia(file: string, video: ExternalVideo, publicDir = 'public'): ClipMedia {
  return checkMedia(file, { video: video.file, captions: video.captions, poster: video.poster }, { video: 'video.file', captions: 'video.captions', poster: 'video.poster' }, publicDir);
}
