import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { svgDataUrl } from '../../../../src/lib/svg/data-url';

test('the site icon as a data: URL decodes back to the file, with nothing that ends an attribute or a URL', () => {
  const svg = readFileSync('public/favicon.svg', 'utf8');
  const url = svgDataUrl(svg);
  expect(url).toMatch(/^data:image\/svg\+xml,%3Csvg%20/);
  expect(url).not.toMatch(/["#<>\s]/);
  expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toBe(svg.trim());
});

test('refuses what is not an SVG document', () => {
  expect(() => svgDataUrl('<html></html>')).toThrow('svgDataUrl: not an SVG document: "<html></html>"');
});
