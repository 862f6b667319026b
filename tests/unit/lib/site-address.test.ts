import { expect, test } from 'vitest';
import { clipSiteAddress } from '../../../src/lib/site-address';

test.each([
  [undefined, null],
  ['http://127.0.0.1:4321', null],
  ['http://localhost:4321/', null],
  ['https://fanzha.example.cn', 'fanzha.example.cn'],
  ['https://www.example.org/sub/', 'www.example.org'],
])('SITE_URL %s draws %s in the clips', (url, address) => {
  expect(clipSiteAddress(url)).toBe(address);
});

test('a SITE_URL that is not a URL is an error', () => {
  expect(() => clipSiteAddress('fanzha')).toThrow(/SITE_URL: not a URL/);
});
