import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtPages, DIST, fileFor, htmlOf } from './dist';

/** Checks the built files themselves: no browser needed, so it covers every page at once. */
const pages = builtPages();

function attributes(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

test('every internal link and anchor resolves', () => {
  const broken: string[] = [];
  for (const page of pages) {
    const html = htmlOf(page);
    for (const url of [...attributes(html, 'href'), ...attributes(html, 'src')]) {
      if (/^(https?:|mailto:|tel:|data:)/.test(url)) continue;
      const target = new URL(url, `http://site${page}`);
      const targetPath = target.pathname;
      if (!fileFor(targetPath)) {
        broken.push(`${page} → ${url}`);
        continue;
      }
      if (target.hash && targetPath.endsWith('/')) {
        const id = decodeURIComponent(target.hash.slice(1));
        if (!htmlOf(targetPath).includes(`id="${id}"`)) broken.push(`${page} → ${url} (no id "${id}")`);
      }
    }
  }
  expect(broken).toEqual([]);
});

test('absolute links to the site itself point at pages that exist', () => {
  const site = new URL(/<link rel="canonical" href="([^"]+)"/.exec(htmlOf('/'))![1]!).origin;
  const broken: string[] = [];
  for (const page of pages) {
    for (const url of attributes(htmlOf(page), 'href').filter((u) => u.startsWith(site))) {
      if (!fileFor(new URL(url).pathname)) broken.push(`${page} → ${url}`);
    }
  }
  expect(broken).toEqual([]);
});

test('every share picture a page names (og:image, twitter:image) is a file of the site', () => {
  const site = new URL(/<link rel="canonical" href="([^"]+)"/.exec(htmlOf('/'))![1]!).origin;
  const missing: string[] = [];
  for (const page of pages) {
    for (const m of htmlOf(page).matchAll(/<meta (?:property="og:image"|name="twitter:image") content="([^"]+)"/g)) {
      const url = new URL(m[1]!);
      if (url.origin !== site || !fileFor(url.pathname)) missing.push(`${page} → ${m[1]}`);
    }
  }
  expect(missing).toEqual([]);
});

test('every route of the site exists in Chinese and English', () => {
  const routes = [
    '/', '/scams/', '/audiences/', '/report/', '/stats/', '/news/', '/rss.xml',
    ...['online-shopping', 'online-loans', 'part-time-jobs', 'fake-customer-service', 'impersonating-contacts', 'online-romance', 'impersonating-authorities'].map((s) => `/scams/${s}/`),
    ...['finance-staff', 'residents', 'students', 'seniors'].map((s) => `/audiences/${s}/`),
  ];
  const missing = routes.flatMap((r) => [r, `/en${r}`]).filter((r) => !fileFor(r));
  expect(missing).toEqual([]);
  expect(fileFor('/404.html')).not.toBeNull();
  expect(fileFor('/en/404/')).not.toBeNull();
  expect(fileFor('/sitemap-index.xml')).not.toBeNull();
  expect(fileFor('/robots.txt')).not.toBeNull();
});

test.describe('feeds and sitemap', () => {
  for (const path of ['/rss.xml', '/en/rss.xml']) test(`${path} is RSS 2.0 with at least three items and absolute links`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<rss version="2.0"');
    const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) {
      expect(link).toMatch(path.startsWith('/en/') ? /^https?:\/\/[^/]+\/en\/(news|scams|audiences)\/[\w-]+\/$/ : /^https?:\/\/[^/]+\/(news|scams|audiences)\/[\w-]+\/$/);
      expect(fileFor(new URL(link).pathname), link).not.toBeNull();
    }
    // Every scam and audience article is an item, so a new page reaches subscribers on its own.
    const articles = builtPages().filter((p) => new RegExp(`^${path.startsWith('/en/') ? '/en' : ''}/(scams|audiences)/[\\w-]+/$`).test(p));
    expect(articles.length).toBeGreaterThan(0);
    expect(articles.filter((p) => !links.some((l) => new URL(l).pathname === p))).toEqual([]);
    // A feed item's date presents it as that day's news: a news page without a date of its own
    // (an explainer of an undated briefing) stays out, and one with a date is in.
    const newsPages = builtPages().filter((p) => new RegExp(`^${path.startsWith('/en/') ? '/en' : ''}/news/[\\w-]+/$`).test(p));
    expect(newsPages.length).toBeGreaterThanOrEqual(3);
    for (const page of newsPages) {
      const dated = htmlOf(page).includes('data-news-date');
      expect(links.some((l) => new URL(l).pathname === page), page).toBe(dated);
    }
  });

  test('the sitemap lists every page in both languages, but not the 404 pages', () => {
    const index = htmlOf('/sitemap-index.xml');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const urls = sitemaps.flatMap((s) => [...htmlOf(s).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
    expect(urls).toContain('/stats/');
    expect(urls).toContain('/en/scams/online-loans/');
    expect(urls.filter((u) => u.includes('404'))).toEqual([]);
    const htmlPages = pages.filter((p) => p.endsWith('/') && !p.includes('404'));
    expect(htmlPages.filter((p) => !urls.includes(p))).toEqual([]);
  });

  test('robots.txt names the sitemap by its full address', () => {
    expect(htmlOf('/robots.txt')).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap-index\.xml$/m);
  });
});

test('besides the 长者模式 switch and read aloud on articles and the checker, only the search page, the checker, the clip players, the quizzes and the kiosk screens ship a script', () => {
  const needsScript = (p: string) => /^(\/en)?\/(search|check|videos\/[\w-]+|embed\/[\w-]+|quiz\/[\w-]+)\/$|^\/kiosk\/[\w-]+\/$/.test(p);
  const readsAloud = (p: string) => /^(\/en)?\/(scams|audiences|news)\/[\w-]+\/$|^(\/en)?\/(report|check)\/$/.test(p);
  /**
   * The switch's scripts (its module, and the line in the head that puts the page in 长者模式
   * before first paint) and read aloud's, by the component that ships them.
   */
  const shared = (script: string) =>
    /^<script>try\{[^]*classList\.add\('fz-elder'\)/.test(script)
      ? 'ElderToggle'
      : /^<script\b[^>]*\/_astro\/(ElderToggle|ReadAloud)\.astro_astro_type_script_[\w.-]+\.js"/.exec(script)?.[1];
  const scripts = (p: string) => [...htmlOf(p).matchAll(/<script\b[^>]*>[^]*?<\/script>/g)].map((m) => m[0]);
  const withScripts = pages.filter((p) => scripts(p).some((tag) => !shared(tag)));
  expect(withScripts.filter((p) => !needsScript(p)), `in ${DIST}`).toEqual([]);
  expect(pages.filter(needsScript).filter((p) => !withScripts.includes(p))).toEqual([]);
  expect(pages.filter((p) => scripts(p).some((tag) => shared(tag) === 'ReadAloud') !== readsAloud(p))).toEqual([]);
});

test('every built page is valid HTML (html-validate, .htmlvalidate.json)', () => {
  const run = spawnSync(process.execPath, [join('node_modules', 'html-validate', 'bin', 'html-validate.mjs'), '--formatter', 'text', `${DIST}/**/*.html`], {
    encoding: 'utf8',
  });
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
});

test('every built page is valid HTML by the W3C Nu HTML Checker (vnu-jar)', () => {
  // Catches what html-validate does not: content after </html>, where the parser gives up,
  // and attributes the standard does not define.
  const jar = join('node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'gnu', DIST], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  expect(run.error, 'Java is needed: npm run test:e2e installs it (scripts/ensure-tools.mjs)').toBeUndefined();
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
});

test('every image has alt text and its size', () => {
  const missing: string[] = [];
  for (const page of pages) {
    for (const img of htmlOf(page).match(/<img\b[^>]*>/g) ?? []) {
      if (!/\salt="/.test(img) || !/\swidth="\d+"/.test(img) || !/\sheight="\d+"/.test(img)) missing.push(`${page}: ${img}`);
    }
  }
  expect(missing).toEqual([]);
});

test('feeds and sitemaps parse as XML', async ({ page }) => {
  await page.goto('/');
  const sitemaps = [...htmlOf('/sitemap-index.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  for (const path of ['/rss.xml', '/en/rss.xml', '/sitemap-index.xml', ...sitemaps]) {
    const error = await page.evaluate(async (url) => {
      const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
      return doc.querySelector('parsererror')?.textContent ?? null;
    }, path);
    expect(error, path).toBeNull();
  }
});
