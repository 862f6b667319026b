/** The search page's state in its URL: `/search/?q=刷单&type=诈骗类型&category=…`, so results can be linked. */

/** Filters the index carries, in the order the page shows them. */
export const FILTER_KEYS = ['type', 'category', 'audience'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface SearchQuery {
  /** The words typed, trimmed; empty when none. */
  q: string;
  /** Chosen values per filter; a page matches when it has any chosen value of each filter. */
  filters: Record<FilterKey, string[]>;
}

/** Reads a query from a URL search string. Unknown parameters and empty values are ignored. */
export function readQuery(search: string): SearchQuery {
  const params = new URLSearchParams(search);
  const filters = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))]]),
  ) as Record<FilterKey, string[]>;
  return { q: (params.get('q') ?? '').trim().slice(0, 200), filters };
}

/** Writes a query as a URL search string, `?q=…&type=…`, or '' when there is nothing to keep. */
export function writeQuery(query: SearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const key of FILTER_KEYS) for (const value of query.filters[key]) params.append(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filter argument Pagefind expects: only the filters with a chosen value, each as “any of”. */
export function pagefindFilters(query: SearchQuery): Record<string, { any: string[] }> {
  return Object.fromEntries(FILTER_KEYS.filter((key) => query.filters[key].length > 0).map((key) => [key, { any: query.filters[key] }]));
}

/** The same query with one filter value switched on or off. */
export function toggleFilter(query: SearchQuery, key: FilterKey, value: string): SearchQuery {
  const current = query.filters[key];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...query, filters: { ...query.filters, [key]: next } };
}
