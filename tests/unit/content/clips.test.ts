import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveScenes, storyboardHash, storyboardSource, type AdviceWords } from '../../../src/node/clip-hash';
import { clipSceneProblems } from '../../../src/lib/clip/check';
import { readEntry } from '../../../src/node/content-files';
import { mp4Duration } from '../../../src/node/mp4';
import { AUDIENCE_SLUGS, CLIP_PHONE_LAYOUTS, REEL_SECONDS, REEL_TOLERANCE_SECONDS, SCAM_SLUGS, VENUES } from '../../../src/lib/taxonomy';
import { ROOT } from '../helpers';

const CLIPS = join(ROOT, 'content/clips');
const MEDIA = join(ROOT, 'public/media');
/** A clip file as the build's schema reads it; its scenes, for a storyboard. */
const clip = (id: string) => readEntry('clips', join(CLIPS, `${id}.yaml`));
const board = (id: string) => ({ ...clip(id), scenes: clip(id).scenes ?? [] });
/** Storyboards rendered by npm run clips; externally produced clips are checked by the build. */
const ids = readdirSync(CLIPS).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).filter((id) => !clip(id).video).sort();
const rule = (id: string): AdviceWords => readEntry('advice', join(ROOT, 'content/advice', `${id}.yaml`));
/** The scenes as rendered: a scene that names a rule shows that rule's words. */
const scenes = (id: string) => resolveScenes(board(id).scenes, rule);
const vttEnds = (file: string) => [...readFileSync(file, 'utf8').matchAll(/--> (\d\d):(\d\d):(\d\d)\.(\d\d\d)/g)].map((m) => +m[1]! * 3600 + +m[2]! * 60 + +m[3]! + +m[4]! / 1000);

describe('campaign clips', () => {
  test('at least 12 clips cover every scam category, the release’s three audiences and what to do if scammed', () => {
    expect(ids.length).toBeGreaterThanOrEqual(12);
    const boards = ids.map(board);
    expect(SCAM_SLUGS.filter((s) => !boards.some((b) => b.scam === s))).toEqual([]);
    expect(['finance-staff', 'residents', 'students'].filter((a) => !boards.some((b) => b.audience === a))).toEqual([]);
    expect(boards.some((b) => b.guide === 'report')).toBe(true);
    expect(boards.flatMap((b) => [b.audience].filter(Boolean)).every((a) => (AUDIENCE_SLUGS as readonly string[]).includes(a!))).toBe(true);
  });

  test.each(ids)('%s: the committed render matches the storyboard (else run npm run clips)', (id) => {
    const manifest = JSON.parse(readFileSync(join(MEDIA, `${id}.json`), 'utf8'));
    expect(manifest.storyboardHash, `content/clips/${id}.yaml changed after it was rendered`).toBe(
      storyboardHash(storyboardSource(readFileSync(join(CLIPS, `${id}.yaml`), 'utf8'), board(id).scenes.flatMap((s) => s.advice ?? []), rule)),
    );
  });

  test.each(ids)('%s: lasts 20–60 s as planned, small, web-ready, with both caption files ending within it', (id) => {
    const mp4 = join(MEDIA, `${id}.mp4`);
    const planned = board(id).scenes.reduce((sum, s) => sum + s.seconds, 0);
    const seconds = mp4Duration(mp4);
    expect(seconds).toBeCloseTo(planned, 1);
    expect(seconds).toBeGreaterThanOrEqual(20);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(statSync(mp4).size / (seconds / 60)).toBeLessThanOrEqual(400 * 1024);
    const bytes = readFileSync(mp4);
    expect(bytes.indexOf('moov'), 'faststart: moov before mdat').toBeLessThan(bytes.indexOf('mdat'));
    expect(bytes.includes('avc1')).toBe(true);
    expect(existsSync(join(MEDIA, `${id}.jpg`))).toBe(true);
    for (const lang of ['zh', 'en']) {
      const ends = vttEnds(join(MEDIA, `${id}.${lang}.vtt`));
      expect(ends.length).toBe(board(id).scenes.length);
      expect(Math.max(...ends)).toBeLessThanOrEqual(seconds);
    }
  });

  test.each(ids)('%s: has a portrait cut as long as the landscape one, small and web-ready', (id) => {
    const mp4 = join(MEDIA, `${id}.portrait.mp4`);
    const seconds = mp4Duration(mp4);
    expect(seconds).toBeCloseTo(mp4Duration(join(MEDIA, `${id}.mp4`)), 1);
    expect(statSync(mp4).size / (seconds / 60)).toBeLessThanOrEqual(900 * 1024);
    const bytes = readFileSync(mp4);
    expect(bytes.indexOf('moov'), 'faststart: moov before mdat').toBeLessThan(bytes.indexOf('mdat'));
    expect(bytes.includes('avc1')).toBe(true);
  });

  test('public/media holds at most 40 MB', () => {
    const bytes = readdirSync(MEDIA).reduce((sum, f) => sum + statSync(join(MEDIA, f)).size, 0);
    expect(bytes / 1024 / 1024).toBeLessThanOrEqual(40);
  });

  test.each(ids)('%s: every scene passes the storyboard checks (layout, masks, flags, fit, legibility)', (id) => {
    expect(clipSceneProblems(board(id).scenes as never, scenes(id) as never)).toEqual([]);
  });

  // Scenes between the hook and the action either show a rule (advice:) or are the clip's own;
  // the own ones are where the scam's screens go, at least two of them in every scam clip.
  test.each(ids.filter((id) => board(id).scam))('%s: shows the scam’s own screens in two or more phone scenes with flags, between a hook and an action', (id) => {
    const middle = board(id).scenes.slice(1, -1);
    const phone = middle.filter((s) => (CLIP_PHONE_LAYOUTS as readonly string[]).includes(s.layout) && Array.isArray(s.flags) && s.flags.length > 0);
    expect(phone.length).toBeGreaterThanOrEqual(2);
    expect(board(id).scenes[0]!.layout).toBe('hook');
    expect(board(id).scenes.at(-1)!.layout).toBe('action');
  });
});

describe('venue reels', () => {
  const reels = VENUES.flatMap((venue) => {
    const playlist = readEntry('playlists', join(ROOT, 'content/playlists', `${venue}.yaml`));
    const idsOf = (refs: { id: string }[]) => refs.map((r) => r.id);
    return [[venue, 'default', idsOf(playlist.clips)] as const, ...Object.entries(playlist.reels).map(([key, r]) => [venue, key, idsOf(r.clips)] as const)];
  });

  test.each(reels.flatMap(([venue, key, clips]) => (['mp4', 'portrait.mp4'] as const).map((ext) => [venue, key, ext, clips] as const)))(
    'the %s %s reel lasts 360 ± 0.5 s, measured from the .%s files',
    (_venue, _key, ext, clips) => {
      const total = clips.reduce((sum, id) => sum + mp4Duration(join(MEDIA, `${id}.${ext}`)), 0);
      expect(Math.abs(total - REEL_SECONDS)).toBeLessThanOrEqual(REEL_TOLERANCE_SECONDS);
    },
  );

  test('at least one venue plays another reel on a schedule', () => {
    expect(reels.some(([, key]) => key !== 'default')).toBe(true);
  });
});

describe('mp4Duration', () => {
  test('refuses a file that is not an MP4', () => {
    expect(() => mp4Duration(join(MEDIA, `${ids[0]}.jpg`))).toThrow(/not an MP4/);
  });
});

describe('clip scenes that state a rule', () => {
  // Every scene that shows a rule's screen form names the rule, so its words follow the rule.
  const shorts = new Map(readdirSync(join(ROOT, 'content/advice')).map((f) => [rule(f.replace(/\.yaml$/, '')).short.zh, f]));
  test.each(ids)('%s: no scene writes a rule by hand', (id) => {
    const copied = board(id).scenes.filter((s) => s.screen && shorts.has(s.screen)).map((s) => `${s.screen} (${shorts.get(s.screen!)})`);
    expect(copied).toEqual([]);
  });

  test('every storyboard names a rule in its action scenes', () => {
    expect(ids.filter((id) => board(id).scenes.some((s) => s.layout === 'action' && !s.advice))).toEqual([]);
  });

  test.each(ids)('%s: the captions carry each named rule word for word', (id) => {
    const resolved = scenes(id);
    for (const lang of ['zh', 'en'] as const) {
      const vtt = readFileSync(join(MEDIA, `${id}.${lang}.vtt`), 'utf8');
      for (const [i, scene] of board(id).scenes.entries()) {
        if (scene.advice) expect(vtt, `${id} scene ${i} (${scene.advice})`).toContain(resolved[i]!.caption[lang]);
      }
    }
  });
});
