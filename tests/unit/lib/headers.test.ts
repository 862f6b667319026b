import { describe, expect, test } from 'vitest';
import { HEADER_RULES, checkRules, headersFile, headersFor, nginxConfig, type HeaderRule } from '../../../src/lib/headers';
import { HEADER_CONTENT_SECURITY_POLICY } from '../../../src/lib/security';
import { cloudflareHeaders, lowerCased, netlifyHeaders, parseHeadersFile } from '../../support/headers-file';

const DENY = `${HEADER_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
const ANY = `${HEADER_CONTENT_SECURITY_POLICY}; frame-ancestors *`;

describe('headersFor', () => {
  test.each([
    ['/', DENY, 'DENY', 'no-cache'],
    ['/scams/online-shopping/', DENY, 'DENY', 'no-cache'],
    ['/embed/call-96110/', ANY, undefined, 'no-cache'],
    ['/en/embed/call-96110/', ANY, undefined, 'no-cache'],
    ['/embedded/', DENY, 'DENY', 'no-cache'],
    ['/en/embed', DENY, 'DENY', 'no-cache'],
    ['/videos/call-96110/', DENY, 'DENY', 'no-cache'],
    ['/_astro/index.Ab12.js', DENY, 'DENY', 'public, max-age=31536000, immutable'],
    ['/media/call-96110.mp4', DENY, 'DENY', 'public, max-age=604800'],
    ['/kiosk/alert.json', DENY, 'DENY', 'no-cache'],
    ['/kiosk/sw.js', DENY, 'DENY', 'no-cache'],
  ])('%s: CSP, X-Frame-Options and Cache-Control', (path, csp, xfo, cache) => {
    const headers = headersFor(path);
    expect(headers['Content-Security-Policy']).toBe(csp);
    expect(headers['X-Frame-Options']).toBe(xfo);
    expect(headers['Cache-Control']).toBe(cache);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  test('the rules themselves pass their own checks', () => expect(() => checkRules(HEADER_RULES)).not.toThrow());
});

describe('bad rules stop the build, naming the rule', () => {
  test.each<[string, HeaderRule[], RegExp]>([
    ['no path', [{ path: '', why: 'x', headers: { 'X-A': 'b' } }], /header rule 1 \("x"\): names no path/],
    ['a relative path', [{ path: 'embed/', why: 'x', headers: { 'X-A': 'b' } }], /names no path/],
    ['a wildcard', [{ path: '/embed/*', why: 'x', headers: { 'X-A': 'b' } }], /without wildcards/],
    [
      'two values for one path',
      [
        { path: '/a/', why: 'one', headers: { 'Cache-Control': 'no-cache' } },
        { path: '/a/', why: 'two', headers: { 'cache-control': 'no-store' } },
      ],
      /header rule 2 \("two"\): path \/a\/: cache-control is "no-store" here and "no-cache"/,
    ],
    ['a value on two lines', [{ path: '/', why: 'x', headers: { 'X-A': 'a\nb' } }], /X-A: the value must be one line/],
    ['a bad header name', [{ path: '/', why: 'x', headers: { 'X A': 'b' } }], /bad header name "X A"/],
  ])('%s', (_, rules, message) => expect(() => checkRules(rules)).toThrow(message));
});

const SITE = [
  '/index.html', '/404.html', '/favicon.svg', '/scams/online-shopping/index.html', '/embed/call-96110/index.html',
  '/en/index.html', '/en/404/index.html', '/en/scams/online-shopping/index.html', '/en/embed/call-96110/index.html',
  '/_astro/a.Ab12.js', '/_astro/b.Cd34.css', '/media/call-96110.mp4', '/media/call-96110.zh.vtt',
  '/kiosk/alert.json', '/kiosk/sw.js', '/kiosk/bank.json', '/kiosk/bank/index.html', '/kiosk/qr/a.svg',
  '/pagefind/pagefind.js',
];
const asUrl = (file: string) => file.replace(/index\.html$/, '');

describe('_headers', () => {
  const rules = parseHeadersFile(headersFile(SITE));

  test.each(SITE.map(asUrl))('Cloudflare Pages and Netlify send %s exactly the rules\' headers', (path) => {
    const expected = lowerCased(headersFor(path));
    expect(cloudflareHeaders(rules, path)).toEqual(expected);
    expect(netlifyHeaders(rules, path)).toEqual(expected);
  });

  test('no header is listed under two patterns that match one path, and no ! lines', () => {
    const text = headersFile(SITE);
    expect(text).not.toMatch(/^\s+!/m);
    for (const path of SITE.map(asUrl)) expect(Object.values(cloudflareHeaders(rules, path)).join('\n')).not.toMatch(/, default-src|DENY, |no-cache, /);
  });

  test('a path no rule singles out shares one pattern with its folder', () => {
    expect(rules.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/*', '/scams/*', '/en/scams/*', '/embed/*', '/en/embed/*', '/_astro/*', '/media/*']));
  });
});

describe('nginx server block', () => {
  const block = nginxConfig({ listen: '80', root: '/var/www/fanzha', serverName: '_', brotli: true });
  const location = (head: string) => new RegExp(`^ {4}${head.replace(/[.^$*+?()[\]\\|{}]/g, '\\$&')} \\{\\n((?: {8}.+\\n)+) {4}\\}`, 'm').exec(block)?.[1] ?? '';

  test.each([
    ['location /', '/scams/x/', '/404.html'],
    ['location ^~ /embed/', '/embed/x/', '/404.html'],
    ['location ^~ /en/', '/en/scams/x/', '/en/404/'],
    ['location ^~ /en/embed/', '/en/embed/x/', '/en/404/'],
    ['location ^~ /_astro/', '/_astro/a.js', '/404.html'],
    ['location ^~ /media/', '/media/a.mp4', '/404.html'],
    ['location = /kiosk/alert.json', '/kiosk/alert.json', '/404.html'],
  ])('%s sends every header of %s with always, and the 404 page %s', (head, path, notFound) => {
    const body = location(head);
    const sent = [...body.matchAll(/add_header (\S+) "([^"]*)" always;/g)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(sent)).toEqual(headersFor(path));
    expect(body).toContain(`error_page 404 ${notFound};`);
  });

  test('precompressed files: gzip always, brotli only when the module is there', () => {
    expect(block).toMatch(/^ {4}gzip_static on;$/m);
    expect(block).toMatch(/^ {4}brotli_static on;$/m);
    expect(nginxConfig({ listen: '80', root: '/srv/x', serverName: '_', brotli: false })).not.toMatch(/^\s*brotli_static/m);
  });

  test('captions and the manifest get their types, text is UTF-8', () => {
    expect(block).toMatch(/^ {8}text\/vtt vtt;$/m);
    expect(block).toMatch(/^ {8}application\/manifest\+json webmanifest;$/m);
    expect(block).toMatch(/^ {4}charset utf-8;$/m);
  });

  test.each([
    [{ root: 'dist' }, /root: not an absolute path/],
    [{ root: '/srv/a b' }, /root: not an absolute path/],
    [{ listen: '80; include /etc/passwd' }, /listen: not an address/],
  ])('rejects %o', (bad, message) =>
    expect(() => nginxConfig({ listen: '80', root: '/srv/x', serverName: '_', brotli: false, ...bad })).toThrow(message));
});

test('the block includes the server\'s own lines and listens as told', () => {
  const block = nginxConfig({ listen: '443 ssl http2', root: '/srv/x', serverName: 'www.example.com', brotli: false, include: '/etc/nginx/fanzha.d/*.conf' });
  expect(block).toMatch(/^ {4}listen 443 ssl http2;$/m);
  expect(block).toMatch(/^ {4}server_name www\.example\.com;$/m);
  expect(block).toMatch(/^ {4}include \/etc\/nginx\/fanzha\.d\/\*\.conf;$/m);
});

test('the alert file operators replace is always sent as it is, never from a stale compressed copy', () => {
  const block = nginxConfig({ listen: '80', root: '/srv/x', serverName: '_', brotli: true });
  const alert = /location = \/kiosk\/alert\.json \{\n((?: {8}.+\n)+)/.exec(block)?.[1] ?? '';
  expect(alert).toContain('gzip_static off;');
  expect(alert).toContain('brotli_static off;');
});

test('the search pages, whose address holds what a reader typed, send no referrer and are not logged', () => {
  for (const path of ['/search/', '/en/search/']) expect(headersFor(path)['Referrer-Policy']).toBe('no-referrer');
  expect(headersFor('/scams/online-loans/')['Referrer-Policy']).toBe('same-origin');
  const block = nginxConfig({ listen: '80', root: '/srv/x', serverName: '_', brotli: true });
  const logged = (path: string) => !(new RegExp(`location \\^~ ${path.replace(/\//g, '\\/')} \\{\\n((?: {8}.+\\n)+)`).exec(block)?.[1] ?? '').includes('access_log off;');
  expect(logged('/search/')).toBe(false);
  expect(logged('/en/search/')).toBe(false);
  expect(block.match(/access_log off;/g)).toHaveLength(2);
});
