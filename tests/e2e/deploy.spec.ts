// The deployment files the build writes: nginx's server block, tested on the real server the
// rest of the suite runs against, and _headers read the way Cloudflare Pages and Netlify read it.
import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { headersFor } from '../../src/lib/headers';
import { brotliModule, testServerBlock, usesBrotli } from '../../scripts/nginx';
import { cloudflareHeaders, lowerCased, netlifyHeaders, parseHeadersFile } from '../support/headers-file';
import { raw, serverChecks } from '../support/server-checks';
import { DIST } from './dist';
import { BASE_PORT as PORT } from './ports';
const BLOCK = join(DIST, 'nginx', 'fanzha.conf');

test.describe('nginx with the generated server block', () => {
  test('nginx -t accepts the block, with brotli_static exactly when the module is enabled', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'fanzha-nginx-t-'));
    try {
      expect(() => testServerBlock(prefix, BLOCK)).not.toThrow();
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
    expect(usesBrotli(readFileSync(BLOCK, 'utf8'))).toBe(brotliModule() !== null);
    expect(readFileSync(BLOCK, 'utf8')).toMatch(/^ {4}gzip_static on;$/m);
  });

  serverChecks(() => `http://127.0.0.1:${PORT}`);

  test('the alert file operators replace is sent as it is: the build leaves no compressed copy beside it', async () => {
    expect(existsSync(join(DIST, 'kiosk/alert.json.gz')) || existsSync(join(DIST, 'kiosk/alert.json.br'))).toBe(false);
    const res = await raw(`http://127.0.0.1:${PORT}`, '/kiosk/alert.json', { 'Accept-Encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(readFileSync(join(DIST, 'kiosk/alert.json')))).toBe(true);
  });
});

/** URL paths of every file the site serves. */
function servedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!/\.(br|gz)$/.test(name)) out.push(`/${relative(DIST, full)}`.replace(/index\.html$/, ''));
    }
  };
  walk(DIST);
  return out.filter((p) => p !== '/_headers' && !p.startsWith('/nginx/'));
}

test('dist/_headers gives every file exactly the rules\' headers on Cloudflare Pages and Netlify', () => {
  const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
  const files = servedFiles();
  expect(files.length).toBeGreaterThan(100);
  const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
  const wrong = files.flatMap((path) => {
    const expected = lowerCased(headersFor(path));
    const cloudflare = cloudflareHeaders(rules, path);
    const netlify = netlifyHeaders(rules, path);
    return [
      ...(same(cloudflare, expected) ? [] : [`Cloudflare ${path}: ${JSON.stringify(cloudflare)}`]),
      ...(same(netlify, expected) ? [] : [`Netlify ${path}: ${JSON.stringify(netlify)}`]),
    ];
  });
  expect(wrong).toEqual([]);
  // The outcomes the rules exist for, spelled out.
  const embed = cloudflareHeaders(rules, '/embed/call-96110/');
  expect(embed['content-security-policy']).toMatch(/; frame-ancestors \*$/);
  expect(embed['x-frame-options']).toBeUndefined();
  expect(cloudflareHeaders(rules, '/videos/call-96110/')['x-frame-options']).toBe('DENY');
  expect(cloudflareHeaders(rules, '/kiosk/alert.json')['cache-control']).toBe('no-cache');
  expect(cloudflareHeaders(rules, '/media/call-96110.mp4')['cache-control']).toBe('public, max-age=604800');
});

test('the accessibility statement gives the feedback address set at build time, and none when it is unset', () => {
  for (const path of ['/accessibility/', '/en/accessibility/']) {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    const statement = /<main[\s\S]*<\/main>/.exec(html)![0];
    const shown = [...statement.matchAll(/href="(mailto:[^"]+|https?:[^"]+)"/g)].map((m) => m[1]);
    const expected = [
      ...(process.env.SITE_FEEDBACK_EMAIL?.trim() ? [`mailto:${process.env.SITE_FEEDBACK_EMAIL.trim()}`] : []),
      ...(process.env.SITE_FEEDBACK_URL?.trim() ? [new URL(process.env.SITE_FEEDBACK_URL.trim()).href] : []),
    ];
    // Without an address, the only outside link the ICP number may bring is the MIIT register.
    const icpOnly = !expected.length && process.env.SITE_ICP?.trim() ? ['https://beian.miit.gov.cn/'] : [];
    expect(shown, path).toEqual(expected.length ? expected : icpOnly);
    expect(statement.includes('data-report-problem'), path).toBe(true);
  }
});

test('the 备案 numbers appear in page footers only as set at build time, never invented', () => {
  const pages = servedFiles().filter((p) => p.endsWith('/') || p.endsWith('.html'));
  const footers = pages.map((p) => [p, /<footer[\s\S]*<\/footer>/.exec(readFileSync(join(DIST, p.endsWith('/') ? `${p}index.html` : p), 'utf8'))?.[0]] as const);
  const withFooter = footers.filter(([, footer]) => footer !== undefined);
  expect(withFooter.length).toBeGreaterThan(100);
  for (const [name, pattern] of [['SITE_ICP', /ICP备/], ['SITE_PSB', /公网安备/]] as const) {
    const value = process.env[name]?.trim();
    const showing = withFooter.filter(([, footer]) => pattern.test(footer!)).map(([p]) => p);
    if (value) expect(showing.length, name).toBe(withFooter.length);
    else expect(showing, `${name} is not set, yet these footers show a number`).toEqual([]);
  }
});
