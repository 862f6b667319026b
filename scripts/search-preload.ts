#!/usr/bin/env node
// After Pagefind, in `npm run build`: the search pages (/search/, /en/search/) ask for what
// Pagefind loads before it can answer (its entry file, the language's metadata, its WebAssembly
// and the filter chunks) with `<link rel="preload">` in their head, so the browser fetches them
// with the page instead of one after another once Pagefind's module has run. So is the text of
// the language's pages when it is one file (scripts/search-index.ts): every answer needs it.
// Their names are known only once Pagefind has written the index, hence this step.
//
// Pagefind asks for its entry file with `?ts=<now>` unless given a `metaCacheTag`; the preload
// names the entry with `?ts=<hash of the entry file>`, and the page's script passes that tag to
// Pagefind (src/client/search.ts), so both ask for the same URL. The pages
// are served `no-cache`, so a browser still checks the entry file on every visit.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = 'dist';
const BUNDLE = '/pagefind/';
/** The tag every search page carries, after which the preloads go. */
const ANCHOR = `<link rel="modulepreload" href="${BUNDLE}pagefind.js">`;
const PAGES = [
  { file: 'search/index.html', lang: 'zh-cn' },
  { file: 'en/search/index.html', lang: 'en' },
];

function fail(message: string): never {
  console.error(`search-preload: ${message}`);
  process.exit(1);
}

interface Entry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

const entryText = readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8');
const entry = JSON.parse(entryText) as Entry;
const tag = createHash('sha256').update(entryText).digest('hex').slice(0, 12);
const filters = readdirSync(join(DIST, 'pagefind/filter'));
const fragments = readdirSync(join(DIST, 'pagefind/fragment'));

for (const { file, lang } of PAGES) {
  const index = entry.languages[lang];
  if (!index) fail(`dist/pagefind/pagefind-entry.json has no "${lang}" index for ${file}`);
  const urls = [
    `${BUNDLE}pagefind-entry.json?ts=${tag}`,
    `${BUNDLE}pagefind.${index.hash}.pf_meta`,
    `${BUNDLE}wasm.${index.wasm ?? 'unknown'}.pagefind`,
    ...filters.filter((f) => f.startsWith(`${lang}_`)).map((f) => `${BUNDLE}filter/${f}`),
  ];
  const texts = fragments.filter((f) => f.startsWith(`${lang}_`) && f.endsWith('.pf_fragment'));
  if (texts.length === 1) urls.push(`${BUNDLE}fragment/${texts[0]}`);
  // Pagefind fetches these with fetch(), which a preload serves only when its mode matches: `crossorigin`.
  const links = urls.map((url) => `<link rel="preload" href="${url}" as="fetch" crossorigin>`).join('');
  const path = join(DIST, file);
  const html = readFileSync(path, 'utf8');
  const at = html.indexOf(ANCHOR);
  if (at < 0 || html.indexOf(ANCHOR, at + 1) >= 0) fail(`${DIST}/${file}: expected one ${ANCHOR}`);
  writeFileSync(path, html.slice(0, at + ANCHOR.length) + links + html.slice(at + ANCHOR.length));
}
console.log(`search-preload: ${PAGES.length} search pages preload Pagefind's entry, metadata, WebAssembly, filters and, when it is one file, the pages' text`);
