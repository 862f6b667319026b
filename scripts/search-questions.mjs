// The search question set (tests/fixtures/search-questions.yaml) and the way the bench and the
// browser tests put it to the built /search/ page: typed into the page's own box, one after the
// other in one page, so every question after the first is a new query on a warm index.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** @typedef {{ who: string, q: string, first: string }} Question */
/** @typedef {{ q: string, paths: string[], count: number, ms: number }} Answer */

/** @returns {{ zh: Question[], en: Question[] }} */
export function loadQuestions(file = 'tests/fixtures/search-questions.yaml') {
  const data = parse(readFileSync(file, 'utf8'));
  for (const lang of ['zh', 'en']) {
    for (const [i, item] of (data[lang] ?? []).entries()) {
      for (const field of ['who', 'q', 'first']) {
        if (typeof item[field] !== 'string' || !item[field]) throw new Error(`${file}: ${lang}[${i}].${field}: missing`);
      }
    }
  }
  return { zh: data.zh ?? [], en: data.en ?? [] };
}

/**
 * Submits each query in the page's search form and waits until the page has answered it: the
 * status leaves its "searching" text. Returns the result paths in order, the count shown and the
 * time from submit to the answer laid out (the layout the browser does before it paints, forced
 * here; the paint itself waits for the screen's next frame, which is not the page's doing).
 * Each query is asked once the page has drawn the answer before and the question typed in the
 * box, as a reader's next query would be: the clock runs from pressing search.
 * The page must be /search/ (or /en/search/), loaded.
 * @param {import('@playwright/test').Page} page
 * @param {string[]} queries
 * @returns {Promise<Answer[]>}
 */
export function ask(page, queries) {
  return page.evaluate(async (queries) => {
    const root = document.querySelector('[data-search]');
    const form = root.querySelector('form');
    const input = form.querySelector('input[name="q"]');
    const status = root.querySelector('[data-search-status]');
    const loading = root.dataset.loading;
    const answers = [];
    for (const q of queries) {
      // The question is in the box and drawn before it is sent, as a reader's typing would be.
      input.value = q;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const start = performance.now();
      form.requestSubmit();
      if (status.textContent === loading) {
        await new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (status.textContent !== loading) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
        });
      }
      root.getBoundingClientRect();
      const ms = performance.now() - start;
      const paths = [...root.querySelectorAll('[data-search-results] li h3 a')].map((a) => new URL(a.href).pathname);
      answers.push({ q, paths, count: paths.length, ms });
    }
    return answers;
  }, queries);
}

/** Share of questions whose page is in the top three, and share with no result at all. */
export function score(questions, answers) {
  const hits = answers.filter((a, i) => a.paths.slice(0, 3).includes(questions[i].first)).length;
  const empty = answers.filter((a) => a.count === 0).length;
  const misses = answers.filter((a, i) => !a.paths.slice(0, 3).includes(questions[i].first)).map((a) => a.q);
  return { top3: hits / answers.length, empty: empty / answers.length, misses };
}

/**
 * Waits until the page has fetched nothing new for half a second: what it loads ahead after an
 * answer is in, as it would be by the time a reader has typed the next question.
 * @param {import('@playwright/test').Page} page
 */
export async function settled(page) {
  let seen = -1;
  for (;;) {
    const count = await page.evaluate(() => performance.getEntriesByType('resource').length);
    if (count === seen) return;
    seen = count;
    await page.waitForTimeout(500);
  }
}
