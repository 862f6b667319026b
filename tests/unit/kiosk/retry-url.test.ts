import { describe, expect, test } from 'vitest';
import { retryUrl } from '../../../src/kiosk/retry-url';

describe('retryUrl', () => {
  test.each([
    ['/media/a.mp4', 0, '/media/a.mp4'],
    ['/media/a.mp4', 1, '/media/a.mp4?retry=1'],
    ['/media/a.mp4', 3, '/media/a.mp4?retry=3'],
    ['/media/a.mp4?v=2', 2, '/media/a.mp4?v=2&retry=2'],
  ])('%s after %i failures: %s', (src, failures, url) => expect(retryUrl(src, failures)).toBe(url));
});
