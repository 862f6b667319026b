import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { storyboardHash } from '../../../src/node/clip-hash';
import { externalMedia, storyboardMedia } from '../../../src/node/clip-media';
import { ROOT } from '../helpers';

const pub = mkdtempSync(join(tmpdir(), 'fz-clip-media-'));
afterAll(() => rmSync(pub, { recursive: true, force: true }));
mkdirSync(join(pub, 'media'));
// A 30-second clip from the site, standing in for a film made elsewhere.
copyFileSync(join(ROOT, 'public/media/call-96110.mp4'), join(pub, 'media/film.mp4'));
copyFileSync(join(ROOT, 'public/media/call-96110.jpg'), join(pub, 'media/film.jpg'));
// Its portrait cut: the site's own, as long; and a 45-second one that is not.
copyFileSync(join(ROOT, 'public/media/call-96110.portrait.mp4'), join(pub, 'media/film.portrait.mp4'));
copyFileSync(join(ROOT, 'public/media/fake-customer-service.portrait.mp4'), join(pub, 'media/longer.portrait.mp4'));
const vtt = (end: string, text: string) => `WEBVTT\n\n00:00:00.000 --> 00:00:10.000\n${text}\n\n00:00:10.000 --> ${end}\n${text}\n`;
writeFileSync(join(pub, 'media/film.zh.vtt'), vtt('00:00:30.000', '接到 96110 来电，请一定接听。'));
writeFileSync(join(pub, 'media/film.en.vtt'), vtt('00:00:30.000', 'If 96110 calls, answer.'));
writeFileSync(join(pub, 'media/long.en.vtt'), vtt('00:00:31.000', 'Too long.'));
writeFileSync(join(pub, 'media/bad.en.vtt'), '1\n00:00:00.000 --> 00:00:01.000\nno header\n');

const FILE = 'content/clips/film.yaml';
const video = { file: 'media/film.mp4', captions: { zh: 'media/film.zh.vtt', en: 'media/film.en.vtt' }, poster: 'media/film.jpg', portrait: 'media/film.portrait.mp4' };

describe('an externally produced clip', () => {
  test('is measured from its own file and its captions are read', () => {
    const media = externalMedia(FILE, video, pub);
    expect(media.durationSeconds).toBe(30);
    expect(media.src).toBe('/media/film.mp4');
    expect(media.captions).toEqual({ zh: '/media/film.zh.vtt', en: '/media/film.en.vtt' });
    expect(media.cues.en.map((c) => c.end)).toEqual([10, 30]);
    expect(media.portrait).toEqual({ src: '/media/film.portrait.mp4', durationSeconds: 30 });
  });

  test.each([
    ['a missing caption file', { captions: { ...video.captions, en: 'media/none.en.vtt' } }, `${FILE}: video.captions.en: ${pub}/media/none.en.vtt not found`],
    ['a missing video', { file: 'media/none.mp4' }, `${FILE}: video.file: ${pub}/media/none.mp4 not found`],
    ['a missing poster', { poster: 'media/none.jpg' }, `${FILE}: video.poster: ${pub}/media/none.jpg not found`],
    ['a missing portrait cut', { portrait: 'media/none.portrait.mp4' }, `${FILE}: video.portrait: ${pub}/media/none.portrait.mp4 not found`],
    ['a portrait cut of another length', { portrait: 'media/longer.portrait.mp4' }, `${FILE}: video.portrait: ${pub}/media/longer.portrait.mp4 lasts 45.00 s, the landscape video 30.00 s`],
    ['a cue after the end', { captions: { ...video.captions, en: 'media/long.en.vtt' } }, `${FILE}: video.captions.en: a cue ends at 31.00 s, after the video ends at 30.00 s`],
    ['a file that is not WebVTT', { captions: { ...video.captions, en: 'media/bad.en.vtt' } }, 'not a WebVTT file'],
    ['a video that is not an MP4', { file: 'media/film.jpg' }, 'not an MP4'],
  ])('fails the build for %s, naming the file and the field', (_what, change, message) => {
    expect(() => externalMedia(FILE, { ...video, ...change }, pub)).toThrow(message);
  });
});

describe('a rendered storyboard', () => {
  test('whose render is stale fails, naming the clip', () => {
    copyFileSync(join(ROOT, 'public/media/call-96110.mp4'), join(pub, 'media/story.mp4'));
    copyFileSync(join(ROOT, 'public/media/call-96110.jpg'), join(pub, 'media/story.jpg'));
    copyFileSync(join(pub, 'media/film.zh.vtt'), join(pub, 'media/story.zh.vtt'));
    copyFileSync(join(pub, 'media/film.en.vtt'), join(pub, 'media/story.en.vtt'));
    writeFileSync(join(pub, 'media/story.json'), JSON.stringify({ storyboardHash: 'old' }));
    expect(() => storyboardMedia('content/clips/story.yaml', 'story', 'title: new', pub, null)).toThrow(
      `content/clips/story.yaml: portrait: ${pub}/media/story.portrait.mp4 not found; run "npm run clips"`,
    );
    copyFileSync(join(ROOT, 'public/media/call-96110.portrait.mp4'), join(pub, 'media/story.portrait.mp4'));
    expect(() => storyboardMedia('content/clips/story.yaml', 'story', 'title: new', pub, null)).toThrow(
      /content\/clips\/story\.yaml: render: the storyboard changed after .*story\.mp4 was rendered; run "npm run clips"/,
    );
  });

  test('rendered without the site address fails a build for a public address', () => {
    writeFileSync(join(pub, 'media/story.json'), JSON.stringify({ storyboardHash: storyboardHash('title: new') }));
    expect(storyboardMedia('content/clips/story.yaml', 'story', 'title: new', pub, null).durationSeconds).toBe(30);
    expect(() => storyboardMedia('content/clips/story.yaml', 'story', 'title: new', pub, 'fanzha.example.cn')).toThrow(
      /render: .*story\.mp4 shows no site address, but the site is built for fanzha\.example\.cn; run "SITE_URL=.* npm run clips -- --all"/,
    );
  });
});

describe('a portrait cut', () => {
  const FIXTURES = join(ROOT, 'tests/fixtures/kiosk');
  /** A 1-second rendered storyboard `id` from the kiosk fixtures, with `portrait` as its portrait cut, or none. */
  function rendered(id: string, portrait: string | null, landscape = join(FIXTURES, 'short-1.mp4')) {
    copyFileSync(landscape, join(pub, `media/${id}.mp4`));
    copyFileSync(join(ROOT, 'public/media/call-96110.jpg'), join(pub, `media/${id}.jpg`));
    for (const lang of ['zh', 'en']) copyFileSync(join(FIXTURES, 'short-1.zh.vtt'), join(pub, `media/${id}.${lang}.vtt`));
    writeFileSync(join(pub, `media/${id}.json`), JSON.stringify({ storyboardHash: storyboardHash(`title: ${id}`) }));
    if (portrait) copyFileSync(portrait, join(pub, `media/${id}.portrait.mp4`));
    return () => storyboardMedia(`content/clips/${id}.yaml`, id, `title: ${id}`, pub, null);
  }

  test('rendered beside the landscape video is listed with its length', () => {
    expect(rendered('tall', join(FIXTURES, 'short-1.portrait.mp4'))().portrait).toEqual({ src: '/media/tall.portrait.mp4', durationSeconds: 1 });
  });

  test('that is missing fails the build, naming the clip and the field', () => {
    expect(rendered('wide', null)).toThrow(`content/clips/wide.yaml: portrait: ${pub}/media/wide.portrait.mp4 not found; run "npm run clips"`);
  });

  test.each([
    ['not taller than wide', join(FIXTURES, 'short-2.mp4'), undefined, `content/clips/flat.yaml: portrait: ${pub}/media/flat.portrait.mp4 is 640×360, not taller than wide; run "npm run clips"`],
    ['lasts other than the landscape video', join(FIXTURES, 'short-1.portrait.mp4'), join(ROOT, 'public/media/call-96110.mp4'), `content/clips/flat.yaml: portrait: ${pub}/media/flat.portrait.mp4 lasts 1.00 s, the landscape video 30.00 s; run "npm run clips"`],
    ['is not an MP4', join(ROOT, 'public/media/call-96110.jpg'), undefined, `content/clips/flat.yaml: portrait: ${pub}/media/flat.portrait.mp4: no moov box: not an MP4 file; run "npm run clips"`],
  ])('that is %s fails the build, naming the clip and the field', (_what, portrait, landscape, message) => {
    expect(rendered('flat', portrait, landscape)).toThrow(message);
  });
});
