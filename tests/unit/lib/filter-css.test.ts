import { describe, expect, test } from 'vitest';
import { filterCss } from '../../../src/lib/filter-css';

describe('filterCss', () => {
  test('hides items and emptied groups that do not match the checked value', () => {
    const css = filterCss(['primary']);
    expect(css).toContain('.fz-filter:has(#f-primary:checked) [data-filter]:not([data-filter~="primary"])');
    expect(css).toContain('.fz-filter:has(#f-primary:checked) [data-filter-group]:not(:has([data-filter~="primary"])) { display: none; }');
  });

  test('writes one rule per value', () => {
    expect(filterCss(['a', 'b', 'c']).match(/display: none/g)).toHaveLength(3);
  });

  test('refuses a value that is not a slug', () => {
    expect(() => filterCss(['a"]{}'])).toThrow(/slug/);
  });
});
