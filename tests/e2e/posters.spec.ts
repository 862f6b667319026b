import { readFileSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { AUDIENCE_SLUGS, SCAM_SLUGS } from '../../src/lib/taxonomy';
import { fileFor, htmlOf } from './dist';

/**
 * Every scam and audience page has a poster to forward and a share picture, built into dist/.
 * Checks the built files: size, pixels, and that the poster's QR code opens its own page.
 */
const pages = ['', '/en'].flatMap((prefix) => [
  ...SCAM_SLUGS.map((slug) => `${prefix}/scams/${slug}/`),
  ...AUDIENCE_SLUGS.map((slug) => `${prefix}/audiences/${slug}/`),
]);
const MAX_BYTES = 250 * 1024;
const SAVE = { zh: '保存图片，转发给家人', en: 'Save the picture and send it to your family' };

function picture(path: string) {
  const file = fileFor(path);
  expect(file, `${path} is built`).not.toBeNull();
  return { bytes: statSync(file!).size, image: PNG.sync.read(readFileSync(file!)) };
}

/** The QR code's text, looked for in the hotline band at the foot first (fast), then anywhere. */
function qrText(image: PNG): string | null {
  const { width, height, data } = image;
  const top = Math.floor(height * 0.55);
  const band = new Uint8ClampedArray(data.buffer, data.byteOffset + top * width * 4, (height - top) * width * 4);
  return jsQR(band, width, height - top)?.data ?? jsQR(new Uint8ClampedArray(data), width, height)?.data ?? null;
}

test('there is a page for every scam and audience in both languages', () => {
  expect(pages.filter((p) => !fileFor(p))).toEqual([]);
});

for (const page of pages) {
  test(`${page}: links its poster, shares its own picture, and the poster's QR code opens the page`, () => {
    const html = htmlOf(page);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)![1]!;
    expect(new URL(canonical).pathname).toBe(page);

    const link = /<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g;
    const poster = [...html.matchAll(link)].find((m) => m[1]!.endsWith('/poster.png'));
    expect(poster, 'a link to the poster').toBeDefined();
    expect(poster![1]).toBe(`${page}poster.png`);
    expect(poster![2]).toBe(page.startsWith('/en/') ? SAVE.en : SAVE.zh);

    const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    const twitter = /<meta name="twitter:image" content="([^"]+)"/.exec(html)?.[1];
    expect(og).toBe(new URL('og.png', canonical).href);
    expect(twitter).toBe(og);

    const posterFile = picture(`${page}poster.png`);
    expect([posterFile.image.width, posterFile.image.height]).toEqual([1080, 1920]);
    expect(posterFile.bytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(qrText(posterFile.image)).toBe(canonical);

    const ogFile = picture(`${page}og.png`);
    expect([ogFile.image.width, ogFile.image.height]).toEqual([1200, 630]);
    expect(ogFile.bytes).toBeLessThanOrEqual(MAX_BYTES);
  });
}

test('the server sends a poster as a PNG', async ({ request }) => {
  const response = await request.get('/scams/online-loans/poster.png');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect((await response.body()).subarray(1, 4).toString()).toBe('PNG');
});
