#!/usr/bin/env node
// After `astro build`, in `npm run build`: Pagefind indexes dist/ into dist/pagefind/.
//
// A result's title and text come from its page's fragment file. One file per page means one
// request per result, about 40 ms each on a busy phone or machine, after the lookup that found
// it. So the pages of a language share their fragment files: while a language has at most
// PAGES_PER_FILE pages, all of its text is one file (about 70 KB compressed for 48 pages), which
// the search pages fetch with the page itself (scripts/search-preload.ts); a larger site gets
// one file per PAGES_PER_FILE pages, fetched as results need them.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = 'dist';
const PAGES_PER_FILE = 100;

/** Pages Pagefind will index (those with a `data-pagefind-body`), by the language of their `<html>`. */
function pagesByLanguage(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.html')) continue;
    const html = readFileSync(join(dir, name), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const lang = /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? '';
    counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  return counts;
}

const largest = Math.max(1, ...pagesByLanguage(DIST).values());
const files = Math.ceil(largest / PAGES_PER_FILE);
const run = spawnSync('pagefind', ['--site', DIST, '--quiet', '--max-fragments', String(files)], { stdio: 'inherit' });
if (run.error) {
  console.error(`search-index: could not start Pagefind (${run.error.message}); run it through npm, which puts node_modules/.bin on the PATH`);
  process.exit(1);
}
process.exit(run.status ?? 1);
