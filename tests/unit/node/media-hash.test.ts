import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { clipFileHashes } from '../../../src/node/media-hash';
import { ROOT } from '../helpers';

const sha256 = (url: string) => createHash('sha256').update(readFileSync(join(ROOT, 'public', url))).digest('hex');
const clip = { src: '/media/call-96110.mp4', captions: { zh: '/media/call-96110.zh.vtt', en: '/media/call-96110.en.vtt' }, poster: '/media/call-96110.jpg' };

test('a clip’s files are listed with their SHA-256, its portrait cut too when it has one', () => {
  // Another clip's video stands in for the portrait cut: what counts is that its own bytes are hashed.
  const portrait = { src: '/media/ai-impersonation.mp4' };
  const files = [clip.src, clip.captions.zh, clip.captions.en, clip.poster];
  expect(clipFileHashes(clip)).toEqual(Object.fromEntries(files.map((url) => [url, sha256(url)])));
  expect(clipFileHashes({ ...clip, portrait })).toEqual(Object.fromEntries([...files, portrait.src].map((url) => [url, sha256(url)])));
  expect(sha256(portrait.src)).not.toBe(sha256(clip.src));
});
