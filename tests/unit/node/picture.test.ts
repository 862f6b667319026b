import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { ogSvg, posterSvg } from '../../../src/lib/poster/layout';
import { MAX_PICTURE_BYTES, renderPng, typesetterFor } from '../../../src/node/picture';
import { en, zh } from '../poster-words';

function decode(png: Buffer) {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, qr: jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null };
}

describe.each([zh, en])('the $lang poster', (words) => {
  const svg = posterSvg(words, typesetterFor(words.lang));
  const png = renderPng(svg, 'test');
  test('is a 1080×1920 PNG whose QR code reads the page address', () => {
    expect(decode(png)).toEqual({ width: 1080, height: 1920, qr: words.url });
  });
  test(`is at most ${MAX_PICTURE_BYTES / 1024} KB`, () => {
    expect(png.length).toBeLessThanOrEqual(MAX_PICTURE_BYTES);
  });
  test('sets its text as outlines, so no font on the rendering machine can change it', () => {
    expect(svg).not.toMatch(/<text\b/);
  });
  test('renders to the same bytes every time', () => {
    expect(renderPng(posterSvg(words, typesetterFor(words.lang)), 'test').equals(png)).toBe(true);
  });
});

test('the Open Graph image is 1200×630', () => {
  const png = renderPng(ogSvg(zh, typesetterFor('zh')), 'test');
  expect(decode(png)).toMatchObject({ width: 1200, height: 630 });
  expect(png.length).toBeLessThanOrEqual(MAX_PICTURE_BYTES);
});

test('English sets quotes and apostrophes proportionally, Chinese full width; letters alike', () => {
  // The Japanese face sets “ and ’ proportionally; the Chinese one full width.
  const [zhType, enType] = [typesetterFor('zh'), typesetterFor('en')];
  expect(enType.measure('Don’t', 100)).toBeLessThan(zhType.measure('Don’t', 100));
  expect(enType.measure('Dont', 100)).toBeCloseTo(zhType.measure('Dont', 100), 5);
});

test('a character the font lacks fails, naming it', () => {
  expect(() => typesetterFor('zh').measure('\u{1F600}', 10)).toThrow('pictures: Noto Sans CJK SC has no glyph for "😀" (U+1F600)');
});

test('a picture over the size limit fails, naming it', () => {
  // Noise hardly compresses: 400×400 of it is well over 250 KB.
  const noise = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><filter id="n"><feTurbulence baseFrequency="0.9"/></filter><rect width="400" height="400" filter="url(#n)"/></svg>';
  expect(() => renderPng(noise, '/scams/x/poster.png')).toThrow(/^\/scams\/x\/poster\.png: the picture is \d+ KB, at most 250 KB$/);
});
