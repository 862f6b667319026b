/**
 * Filters that work without JavaScript: a group of radio buttons (`#f-<value>`) inside an
 * element with class `fz-filter`, and items that list the values they match in `data-filter`.
 * CSS `:has()` hides the items, and the groups (`data-filter-group`) left with none, that do not
 * match the checked value. The rules are generated from the values a page offers, so a new value needs no CSS.
 */
export function filterCss(values: readonly string[]): string {
  return values
    .map((raw) => {
      if (!/^[a-z0-9-]+$/.test(raw)) throw new Error(`filterCss: a value must be a slug, got ${JSON.stringify(raw)}`);
      const on = `.fz-filter:has(#f-${raw}:checked)`;
      return (
        `${on} [data-filter]:not([data-filter~="${raw}"]),\n` +
        `${on} [data-filter-group]:not(:has([data-filter~="${raw}"])) { display: none; }`
      );
    })
    .join('\n');
}
