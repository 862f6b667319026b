import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The built site the browser tests run against. */
export const DIST = resolve(import.meta.dirname, '../../dist');

/** Every HTML file in dist/, as the URL path it is served at (`/scams/x/`, `/404.html`). */
export function builtPages(): string[] {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: run "npm run build" first');
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) pages.push(`/${relative(DIST, full)}`.replace(/index\.html$/, ''));
    }
  };
  walk(DIST);
  return pages;
}

/** The file that serves a URL path, or null when the site has none. */
export function fileFor(path: string): string | null {
  const clean = decodeURIComponent(path.split(/[?#]/)[0]!);
  for (const candidate of [join(DIST, clean), join(DIST, clean, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The HTML of a built page. */
export function htmlOf(path: string): string {
  const file = fileFor(path);
  if (!file) throw new Error(`no built file for ${path}`);
  return readFileSync(file, 'utf8');
}

/** Pages served with status 404 rather than 200. */
export const isNotFoundPage = (path: string) => path === '/404.html' || path === '/en/404/';

/** Kiosk screens: full-screen players with their own hotline panel, tested in kiosk.spec.ts. */
export const isKioskPage = (path: string) => /^\/kiosk\/[\w-]+\/$/.test(path);

/**
 * The first page of each page type (`/scams/x/`, `/en/lessons/x/handout/`, `/report/` …), for
 * browser checks that need one visit per type rather than per page.
 */
export function onePagePerType(pages: string[] = builtPages()): string[] {
  const byType = new Map<string, string>();
  for (const path of pages) {
    const [, en = '', rest = '/'] = path.match(/^(\/en(?=\/))?(\/.*)$/) ?? [];
    const type = en + '/' + rest.split('/').filter(Boolean).map((s, i) => (i === 1 ? '*' : s)).join('/');
    if (!byType.has(type)) byType.set(type, path);
  }
  return [...byType.values()];
}
