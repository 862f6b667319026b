import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVtt, type Cue } from '../kiosk/vtt';
import { storyboardHash } from './clip-hash';
import { mp4Duration, mp4VideoSize } from './mp4';
import { clipSiteAddress } from '../lib/site-address';

/** A clip's files, checked: site paths, the measured length and the caption cues of both languages. */
export interface ClipMedia {
  src: string;
  captions: { zh: string; en: string };
  poster: string;
  durationSeconds: number;
  cues: { zh: Cue[]; en: Cue[] };
  /** The portrait cut (1080×1920) for screens taller than wide: the same captions, the same length. */
  portrait: { src: string; durationSeconds: number };
}

/** Files of an externally produced clip, relative to public/ (`media/<name>.mp4` …). */
export interface ExternalVideo {
  file: string;
  captions: { zh: string; en: string };
  poster: string;
  /** The portrait cut, `media/<name>.portrait.mp4`. */
  portrait: string;
}

/**
 * Checks a clip's files and reads them: each must exist, the captions must be WebVTT whose cues
 * end within the video, the length is measured from the MP4 itself and the portrait cut lasts as
 * long. Errors name the clip's file and the field:
 * `content/clips/x.yaml: video.captions.en: public/media/x.en.vtt not found`.
 */
export function checkMedia(
  file: string,
  paths: { video: string; portrait: string; captions: { zh: string; en: string }; poster: string },
  fields: { video: string; portrait: string; captions: string; poster: string },
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
  const portrait = portraitCut(file, local(paths.portrait, fields.portrait), fields.portrait, durationSeconds, hint);
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
  return {
    src: site(paths.video),
    captions: { zh: site(paths.captions.zh), en: site(paths.captions.en) },
    poster: site(paths.poster),
    durationSeconds,
    cues,
    portrait: { src: site(paths.portrait), durationSeconds: portrait.durationSeconds },
  };
}

/**
 * Checks a clip's portrait cut, the file at `full`: an MP4 taller than wide (its size read from
 * the track header) that lasts as long as the landscape video, since both share the captions.
 */
function portraitCut(file: string, full: string, field: string, landscapeSeconds: number, hint: string) {
  let durationSeconds: number;
  let size: { width: number; height: number };
  try {
    durationSeconds = mp4Duration(full);
    size = mp4VideoSize(full);
  } catch (e) {
    throw new Error(`${file}: ${field}: ${(e as Error).message}${hint}`);
  }
  if (size.height <= size.width) throw new Error(`${file}: ${field}: ${full} is ${size.width}×${size.height}, not taller than wide${hint}`);
  if (Math.abs(durationSeconds - landscapeSeconds) > 0.1) {
    throw new Error(`${file}: ${field}: ${full} lasts ${durationSeconds.toFixed(2)} s, the landscape video ${landscapeSeconds.toFixed(2)} s${hint}`);
  }
  return { durationSeconds };
}

/**
 * The files `npm run clips` renders for a storyboard, checked, and the render checked to be
 * current: made from this storyboard, and showing the address the site is built for.
 */
export function storyboardMedia(
  file: string,
  id: string,
  storyboard: string,
  publicDir = 'public',
  address: string | null = clipSiteAddress(process.env.SITE_URL),
): ClipMedia {
  const hint = '; run "npm run clips"';
  const media = checkMedia(
    file,
    { video: `media/${id}.mp4`, portrait: `media/${id}.portrait.mp4`, captions: { zh: `media/${id}.zh.vtt`, en: `media/${id}.en.vtt` }, poster: `media/${id}.jpg` },
    { video: 'video', portrait: 'portrait', captions: 'captions', poster: 'poster' },
    publicDir,
    hint,
  );
  const manifestFile = join(publicDir, 'media', `${id}.json`);
  if (!existsSync(manifestFile)) throw new Error(`${file}: render: ${manifestFile} not found${hint}`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { storyboardHash: string; siteAddress?: string };
  const mp4 = join(publicDir, media.src);
  if (manifest.storyboardHash !== storyboardHash(storyboard)) {
    throw new Error(`${file}: render: the storyboard changed after ${mp4} was rendered${hint}`);
  }
  if ((manifest.siteAddress ?? null) !== address) {
    const shown = manifest.siteAddress ? `the address ${manifest.siteAddress}` : 'no site address';
    throw new Error(`${file}: render: ${mp4} shows ${shown}, but the site is built for ${address ?? 'no public address'}; run "SITE_URL=${process.env.SITE_URL ?? ''} npm run clips -- --all"`);
  }
  return media;
}

/** The files of an externally produced clip, checked the same way as rendered ones. */
export function externalMedia(file: string, video: ExternalVideo, publicDir = 'public'): ClipMedia {
  return checkMedia(
    file,
    { video: video.file, portrait: video.portrait, captions: video.captions, poster: video.poster },
    { video: 'video.file', portrait: 'video.portrait', captions: 'video.captions', poster: 'video.poster' },
    publicDir,
  );
}
