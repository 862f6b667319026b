/**
 * SHA-256 of the files under public/ that kiosk screens keep offline (Node only, at build time).
 * A screen checks each file against it before the file enters its offline cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const hashes = new Map<string, string>();

/** Hex SHA-256 of the file at site path `url` (e.g. /media/online-loans.mp4). */
export function mediaSha256(url: string, publicDir = 'public'): string {
  let hash = hashes.get(url);
  if (!hash) {
    hash = createHash('sha256').update(readFileSync(join(publicDir, url))).digest('hex');
    hashes.set(url, hash);
  }
  return hash;
}

/** The files of one clip, its portrait cut too when it has one, each with its SHA-256. */
export function clipFileHashes(clip: { src: string; captions: { zh: string; en: string }; poster: string; portrait?: { src: string } }): Record<string, string> {
  const urls = [clip.src, ...(clip.portrait ? [clip.portrait.src] : []), clip.captions.zh, clip.captions.en, clip.poster];
  return Object.fromEntries(urls.map((url) => [url, mediaSha256(url)]));
}
