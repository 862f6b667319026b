/**
 * The search page in the browser: reads ?q= and filters from the URL, asks Pagefind (loaded
 * from /pagefind/ on this page only), and renders results into the page's own markup.
 */
import { FILTER_KEYS, pagefindFilters, readQuery, toggleFilter, writeQuery, type FilterKey, type SearchQuery } from '../../lib/search-query';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(
    term: string | null,
    options: { filters: Record<string, unknown> },
    ms?: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 20;
const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);

function start(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const filterBox = root.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const text = (key: string) => root.dataset[key] ?? '';
  const bundle = root.dataset.bundle ?? '/pagefind/';

  let query: SearchQuery = readQuery(location.search);
  let pagefind: Promise<Pagefind> | null = null;
  const load = () =>
    (pagefind ??= import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (module: Pagefind) => {
      await module.options({ excerptLength: 28 });
      await module.init();
      return module;
    }));

  input.value = query.q;
  // The page says search needs JavaScript; it has it, so the note goes and the filters come.
  root.querySelector<HTMLElement>('[data-search-noscript]')!.hidden = true;
  filterBox.hidden = false;
  // Filters stay folded on phones, so results come first, unless the link already chose some.
  filterBox.open = matchMedia('(min-width: 48rem)').matches || FILTER_KEYS.some((key) => query.filters[key].length > 0);
  syncCheckboxes();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    query = { ...query, q: input.value.trim() };
    update();
  });
  input.addEventListener('input', () => {
    query = { ...query, q: input.value.trim() };
    update();
  });
  filterBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const key = box.name as FilterKey;
    if (box.type !== 'checkbox' || !FILTER_KEYS.includes(key)) return;
    query = toggleFilter(query, key, box.value);
    update();
  });
  filterBox.querySelector('[data-search-clear]')?.addEventListener('click', () => {
    query = { ...query, filters: { type: [], category: [], audience: [] } };
    syncCheckboxes();
    update();
  });

  update();
  // This page exists to search: start loading the index now, so the first query does not wait for it.
  void load().catch(() => undefined);

  function syncCheckboxes(): void {
    for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = query.filters[box.name as FilterKey]?.includes(box.value) ?? false;
    }
  }

  async function update(): Promise<void> {
    history.replaceState(null, '', `${location.pathname}${writeQuery(query)}`);
    const hasFilters = FILTER_KEYS.some((key) => query.filters[key].length > 0);
    if (!query.q && !hasFilters) {
      list.replaceChildren();
      status.textContent = text('prompt');
      return;
    }
    status.textContent = text('loading');
    try {
      const engine = await load();
      const search = await engine.debouncedSearch(query.q || null, { filters: pagefindFilters(query) }, 150);
      if (!search) return; // a newer query replaced this one
      const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      render(results);
      status.textContent = results.length ? text('count').replace('{n}', String(search.results.length)) : text('none');
    } catch (error) {
      console.warn('search failed', error);
      list.replaceChildren();
      status.textContent = text('failed');
    }
  }

  function render(results: PagefindResultData[]): void {
    list.replaceChildren(
      ...results.map((r) => {
        const item = document.createElement('li');
        const type = document.createElement('p');
        type.className = 'result__type';
        type.textContent = r.filters.type?.join(' · ') ?? '';
        const heading = document.createElement('h3');
        const link = document.createElement('a');
        link.href = r.url;
        link.textContent = r.meta.title ?? r.url;
        heading.append(link);
        const excerpt = document.createElement('p');
        excerpt.className = 'result__excerpt';
        // Pagefind escapes the page text and adds only <mark> around matches.
        excerpt.innerHTML = r.excerpt;
        item.append(type, heading, excerpt);
        return item;
      }),
    );
  }
}
