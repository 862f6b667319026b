import { describe, expect, test } from 'vitest';
import { allPortrait, cutFile, playsPortrait, type Cuts } from '../../../src/kiosk/cut';

const both: Cuts = { src: '/media/a.mp4', portrait: { src: '/media/a.portrait.mp4' } };
const landscapeOnly: Cuts = { src: '/media/b.mp4' };

describe('the cut a screen plays', () => {
  test.each([
    ['a portrait screen, a clip with a portrait cut', both, true, '/media/a.portrait.mp4', true],
    ['a landscape screen, a clip with a portrait cut', both, false, '/media/a.mp4', false],
    ['a portrait screen, a clip without one', landscapeOnly, true, '/media/b.mp4', false],
    ['a landscape screen, a clip without one', landscapeOnly, false, '/media/b.mp4', false],
  ])('%s: %s', (_, clip, portraitScreen, file, portrait) => {
    expect(cutFile(clip, portraitScreen)).toBe(file);
    expect(playsPortrait(clip, portraitScreen)).toBe(portrait);
  });
});

test.each([
  ['every clip has a portrait cut', [{ clips: [both] }, { clips: [both, both] }], true],
  ['one clip of another reel has none', [{ clips: [both] }, { clips: [both, landscapeOnly] }], false],
  ['no clip has one', [{ clips: [landscapeOnly] }], false],
])('the portrait layout when %s: %s', (_, reels, portrait) => {
  expect(allPortrait(reels)).toBe(portrait);
});
