import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { builtPages, DIST, fileFor, htmlOf } from './dist';

/** Compressed bytes (gzip -9) an article needs on first view, media excluded. Bytes are deterministic, so this is a test. */
const BUDGET = { total: 30 * 1024, js: 10 * 1024 };
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

const articles = builtPages().filter((p) => /^(\/en)?\/(scams|audiences|news)\/[^/]+\/$|^(\/en)?\/report\/$/.test(p));

test('there are articles to weigh', () => {
  expect(articles.length).toBeGreaterThanOrEqual(30);
});

for (const path of articles) {
  test(`${path} stays within ${BUDGET.total / 1024} KB, JavaScript within ${BUDGET.js / 1024} KB`, () => {
    const html = htmlOf(path);
    const parts: Record<string, number> = { html: gz(fileFor(path)!) };
    for (const m of html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="(\/[^"]+)"/g)) {
      parts[m[1]!] = gz(join(DIST, m[1]!));
    }
    const js = Object.entries(parts).filter(([k]) => k.endsWith('.js')).reduce((n, [, v]) => n + v, 0);
    const total = Object.values(parts).reduce((n, v) => n + v, 0);
    const detail = Object.entries(parts).map(([k, v]) => `${k}: ${v} B`).join(', ');
    expect(total, `${path} needs ${total} B: ${detail}`).toBeLessThanOrEqual(BUDGET.total);
    expect(js, `${path} ships ${js} B of JavaScript: ${detail}`).toBeLessThanOrEqual(BUDGET.js);
  });
}
