/**
 * The search page in the browser: reads ?q= and filters from the URL, asks Pagefind (loaded
 * from /pagefind/ on this page only) through the plan in lib/search-plan, and renders results
 * into the page's own markup. Lookups and each page's text are kept while the page is open, so
 * a new query costs only the words not looked up before. Nothing typed leaves the browser.
 */
import { FILTER_KEYS, pagefindFilters, readQuery, toggleFilter, writeQuery, type FilterKey, type SearchQuery } from '../lib/search-query';
import { answer, describesSituation, normalize, prepareSearch, type Answer, type Engine, type Hit, type SearchWords, type Term } from '../lib/search-plan';
import { excerpt, pageWords, type ExcerptPart } from '../lib/search-excerpt';
import { carryMessage } from './message-hand-over';

interface PagefindResultData {
  url: string;
  /** The page's text, its words separated as Pagefind counts them. */
  raw_content: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  score: number;
  /** Where the query's words are in the page's text, counted in words. */
  words: number[];
  data(): Promise<PagefindResultData>;
}
/** What a result shows of a page, fetched once per page and kept while the search page is open. */
interface PageText {
  url: string;
  title: string;
  type: string;
  words: string[];
  joiner: string;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options: { filters: Record<string, unknown> }): Promise<{ results: PagefindResult[]; unfilteredResultCount: number }>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
}

const MAX_RESULTS = 20;
/** Words in a result's excerpt. */
const EXCERPT_WORDS = 28;
/**
 * Lookups kept for the next queries: a reader refining a question repeats most of its words, and
 * the known words looked up ahead (a few hundred) stay.
 */
const KEPT_LOOKUPS = 1000;
/** Typing pauses this long before a search starts; pressing Enter does not wait. */
const TYPING_PAUSE_MS = 150;
/** The address takes the query once the reader has paused this long after an answer. */
const ADDRESS_PAUSE_MS = 1000;
const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);

function start(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const filterBox = root.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const note = root.querySelector<HTMLElement>('[data-search-note]')!;
  const offer = root.querySelector<HTMLElement>('[data-search-check]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const text = (key: string) => root.dataset[key] ?? '';
  const bundle = root.dataset.bundle ?? '/pagefind/';
  const locale = document.documentElement.lang || 'zh-CN';
  const words = JSON.parse(root.dataset.words ?? '{}') as SearchWords;
  const primaryTypes = JSON.parse(root.dataset.primary ?? '[]') as string[];

  let query: SearchQuery = readQuery(location.search);
  let engine: Promise<{
    engine: Engine<PagefindResultData>;
    primary: Promise<Set<string>>;
    pages: Promise<number>;
    ahead: () => Promise<unknown>;
    warm: () => void;
  }> | null = null;
  const texts = new Map<string, Promise<PageText>>();
  /** A page's title, type and words, from its Pagefind fragment the first time it is a result. */
  const textOf = (hit: { id: string; data(): Promise<PagefindResultData> }): Promise<PageText> => {
    let text = texts.get(hit.id);
    if (!text) {
      text = hit.data().then((d) => ({
        url: d.url,
        title: d.meta.title ?? d.url,
        type: d.filters.type?.join(' · ') ?? '',
        words: pageWords(d.raw_content),
        joiner: d.raw_content.includes('\u200B') ? '' : ' ',
      }));
      texts.set(hit.id, text);
      text.catch(() => texts.delete(hit.id));
    }
    return text;
  };
  const load = () =>
    (engine ??= import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (pagefind: Pagefind) => {
      // On the page's own thread: the index is small, and each lookup through Pagefind's worker
      // cost more in messages and copies of its results than the lookup itself.
      // The build preloads Pagefind's entry file under a tag of its content (scripts/search-preload.ts);
      // Pagefind must ask for that same address, or it fetches the file again under the time.
      const entry = document.querySelector<HTMLLinkElement>(`link[rel="preload"][href^="${bundle}pagefind-entry.json?ts="]`);
      const metaCacheTag = entry ? new URL(entry.href).searchParams.get('ts') : null;
      await pagefind.options({ excerptLength: EXCERPT_WORDS, noWorker: true, ...(metaCacheTag ? { metaCacheTag } : {}) });
      await pagefind.init();
      // The same word with the same filters always finds the same pages: each is looked up once.
      const lookups = new Map<string, Promise<PagefindResult[]>>();
      const adapter: Engine<PagefindResultData> = {
        search: (term, filters) => {
          const key = JSON.stringify([term, filters]);
          let found = lookups.get(key);
          if (!found) {
            found = pagefind.search(term, { filters }).then((r) => r.results);
            lookups.set(key, found);
            found.catch(() => lookups.delete(key));
            if (lookups.size > KEPT_LOOKUPS) lookups.delete(lookups.keys().next().value!);
          }
          return found;
        },
      };
      // The pages a general question should find first, once: a filter-only search lists them.
      // It runs beside the first query's lookups; only the ordering of the answers waits for it.
      const listed = pagefind.search(null, { filters: { type: { any: primaryTypes } } });
      const primary = listed.then((l) => new Set(l.results.map((r) => r.id)));
      const pages = listed.then((l) => l.unfilteredResultCount);
      // The text of the pages that come first: most answers show them.
      const ahead = () => listed.then((l) => Promise.all(l.results.map(textOf)));
      // Then the text of every other page, so a later answer waits for nothing.
      const rest = () => pagefind.search(null, { filters: {} }).then((all) => Promise.all(all.results.map(textOf)));
      // Each word the search knows (synonyms, the scams' other names), looked up once while the
      // page is idle: a question is widened mostly into these, so a new one finds them answered.
      // Only as many as fit in each idle pause, so a query typed meanwhile is not held up.
      const lookAhead = async () => {
        const known = [...new Set([...words.phrases, ...words.synonyms.flat()].map(normalize))].filter(Boolean);
        for (let i = 0; i < known.length; ) {
          const pause = await new Promise<{ timeRemaining(): number }>((resolve) =>
            'requestIdleCallback' in window ? requestIdleCallback(resolve) : setTimeout(() => resolve({ timeRemaining: () => 0 })),
          );
          do await adapter.search(known[i++]!, {});
          while (i < known.length && pause.timeRemaining() > 0);
        }
      };
      let warmed = false;
      // Once a first answer is on screen, fetch what the next ones will need: the index chunks
      // of the words the search knows, the text of the pages that come first and then of the
      // others, and the lookups of the known words.
      const warm = () => {
        if (warmed) return;
        warmed = true;
        void pagefind
          .preload(words.phrases.join(' '))
          .then(ahead)
          .then(rest)
          .then(lookAhead)
          .catch(() => undefined);
      };
      return { engine: adapter, primary, pages, ahead, warm };
    }));

  input.value = query.q;
  // The page says search needs JavaScript; it has it, so the note goes and the filters come.
  root.querySelector<HTMLElement>('[data-search-noscript]')!.hidden = true;
  filterBox.hidden = false;
  // Filters stay folded on phones, so results come first, unless the link already chose some.
  filterBox.open = matchMedia('(min-width: 48rem)').matches || FILTER_KEYS.some((key) => query.filters[key].length > 0);
  syncCheckboxes();

  let pause: ReturnType<typeof setTimeout> | undefined;
  let addressPause: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    query = { ...query, q: input.value.trim() };
    void update();
  });
  input.addEventListener('input', () => {
    query = { ...query, q: input.value.trim() };
    clearTimeout(pause);
    pause = setTimeout(() => void update(), TYPING_PAUSE_MS);
  });
  filterBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const key = box.name as FilterKey;
    if (box.type !== 'checkbox' || !FILTER_KEYS.includes(key)) return;
    query = toggleFilter(query, key, box.value);
    void update();
  });
  filterBox.querySelector('[data-search-clear]')?.addEventListener('click', () => {
    query = { ...query, filters: { type: [], category: [], audience: [] } };
    syncCheckboxes();
    void update();
  });
  offer?.querySelector('a')?.addEventListener('click', (event) => carryMessage(event, query.q));
  list.addEventListener('click', writeAddress);
  addEventListener('pagehide', writeAddress);

  void update();
  // This page exists to search: start loading the index now, so the first query does not wait
  // for it. Before a first question, the page also does the work most answers share: the word
  // lists and splitter while the index is on its way, then the text of the pages that come first,
  // which needs no request while the pages' text is one file fetched with the page.
  const opened = load();
  setTimeout(() => prepareSearch(locale, words));
  if (!query.q) void opened.then((e) => e.ahead()).catch(() => undefined);
  else void opened.catch(() => undefined);

  function syncCheckboxes(): void {
    for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = query.filters[box.name as FilterKey]?.includes(box.value) ?? false;
    }
  }

  async function update(): Promise<void> {
    clearTimeout(pause);
    const asked = ++latest;
    const hasFilters = FILTER_KEYS.some((key) => query.filters[key].length > 0);
    if (offer) offer.hidden = !query.q || !describesSituation(query.q, locale, words);
    if (!query.q && !hasFilters) {
      keepInAddress();
      list.setAttribute('aria-busy', 'false');
      list.replaceChildren();
      showNote(null);
      status.textContent = text('prompt');
      return;
    }
    status.textContent = text('loading');
    list.setAttribute('aria-busy', 'true');
    try {
      const { engine: search, primary, pages, warm } = await load();
      const filters = pagefindFilters(query);
      const found: Answer<PagefindResultData> = query.q
        ? await answer(search, query.q, { locale, words, filters, primary, pages })
        : { hits: await search.search(null, filters), widened: null, reason: null };
      const shown: Hit<PagefindResultData>[] = found.hits.slice(0, MAX_RESULTS);
      const texts = await Promise.all(shown.map(async (hit) => ({ page: await textOf(hit), words: hit.words ?? [] })));
      if (asked !== latest) return; // a newer query replaced this one
      // What was searched, for marking: the question and, when it was widened, every word and the others it was also searched as.
      const searched = [query.q, ...(found.widened ?? []).flatMap((term) => [term.word, ...term.also])].join(' ');
      list.replaceChildren(...texts.map((result) => item(result, searched)));
      list.setAttribute('aria-busy', 'false');
      showNote(found);
      status.textContent = texts.length ? text('count').replace('{n}', String(found.hits.length)) : text('none');
      keepInAddress();
      warm();
    } catch (error) {
      if (asked !== latest) return;
      keepInAddress();
      console.warn('search failed', error);
      list.setAttribute('aria-busy', 'false');
      list.replaceChildren();
      showNote(null);
      status.textContent = text('failed');
    }
  }

  /**
   * The query in the address, so the page can be linked and reloaded: written once the reader
   * pauses, not after each answer, since changing the history entry costs the browser about as
   * much as a search, and a reader typing a question gets an answer at each short pause. A result
   * followed before then writes it at once, so going back returns to the same search.
   */
  function keepInAddress(): void {
    clearTimeout(addressPause);
    addressPause = setTimeout(writeAddress, ADDRESS_PAUSE_MS);
  }
  function writeAddress(): void {
    clearTimeout(addressPause);
    const address = `${location.pathname}${writeQuery(query)}`;
    if (address !== `${location.pathname}${location.search}`) history.replaceState(null, '', address);
  }

  /** Says how a query was widened, with each word and the others it was also searched as. */
  function showNote(found: Answer | null): void {
    if (!found?.widened || !found.reason) {
      note.hidden = true;
      note.textContent = '';
      return;
    }
    const sep = text('sep');
    const term = (t: Term) => (t.also.length ? `${t.word}${text('also').replace('{also}', t.also.join(sep))}` : t.word);
    note.textContent = text(found.reason === 'few' ? 'widened' : 'split').replace('{terms}', found.widened.map(term).join(sep));
    note.hidden = false;
  }

  /** One result: its page's type, title as a link, and an excerpt with the found words marked. */
  function item({ page, words: found }: { page: PageText; words: number[] }, searched: string): HTMLLIElement {
    const li = document.createElement('li');
    const type = document.createElement('p');
    type.className = 'result__type';
    type.textContent = page.type;
    const heading = document.createElement('h3');
    const link = document.createElement('a');
    link.href = page.url;
    link.textContent = page.title;
    heading.append(link);
    const text = document.createElement('p');
    text.className = 'result__excerpt';
    text.append(...excerpt(page.words, found, EXCERPT_WORDS, page.joiner, searched).map(part));
    li.append(type, heading, text);
    return li;
  }
}

function part({ text, mark }: ExcerptPart): Node {
  if (!mark) return document.createTextNode(text);
  const marked = document.createElement('mark');
  marked.textContent = text;
  return marked;
}
