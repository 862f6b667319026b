import { describe, expect, test } from 'vitest';
import { clock, embedSnippet } from '../../../src/lib/duration';

describe('clock', () => {
  test.each([
    [0, '0:00'],
    [45, '0:45'],
    [59.6, '1:00'],
    [75.4, '1:15'],
    [360, '6:00'],
  ])('%s s → %s', (seconds, expected) => expect(clock(seconds)).toBe(expected));
});

describe('embedSnippet', () => {
  test('an iframe with the address and title', () => {
    expect(embedSnippet('https://example.org/embed/hang-up/', '挂断电话')).toBe(
      '<iframe src="https://example.org/embed/hang-up/" width="640" height="600" title="挂断电话" allowfullscreen></iframe>',
    );
  });
  test('quotes, ampersands and angle brackets cannot break out of the attributes', () => {
    const html = embedSnippet('https://example.org/embed/x/?a=1&b="2"', 'A "quoted" <b>title</b> & more');
    expect(html).toBe(
      '<iframe src="https://example.org/embed/x/?a=1&amp;b=&quot;2&quot;" width="640" height="600" title="A &quot;quoted&quot; &lt;b>title&lt;/b> &amp; more" allowfullscreen></iframe>',
    );
    // Inside the tag, only the attribute delimiters may be raw quotes.
    expect(html.slice(0, html.indexOf(' allowfullscreen>')).match(/"/g)).toHaveLength(8);
  });
});
