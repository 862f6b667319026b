import { test, expect } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { headersFor } from '../../src/lib/headers';
import { DIST } from '../e2e/dist';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request exactly as written: no client decodes, normalises or decompresses anything. */
export function raw(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers: { Connection: 'close', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const CLIP = 'call-96110';
/** Header names compared between the rules and a server (a server adds its own, like Date). */
const RULE_HEADERS = Object.keys(headersFor('/')).map((h) => h.toLowerCase());
const ruleHeadersOf = (res: RawResponse) =>
  Object.fromEntries(RULE_HEADERS.filter((h) => res.headers[h] !== undefined).map((h) => [h, String(res.headers[h])]));
const expected = (path: string) => Object.fromEntries(Object.entries(headersFor(path)).map(([h, v]) => [h.toLowerCase(), v]));

/**
 * The checks every server of the built site must pass: the rules' headers, byte ranges for
 * clips, the 404 pages of both languages and precompressed files. `base` is read when the
 * tests run, after the server started.
 */
export function serverChecks(base: () => string) {
  test.describe.configure({ mode: 'serial' });

  for (const path of ['/scams/online-shopping/', `/embed/${CLIP}/`, `/en/embed/${CLIP}/`, '/kiosk/alert.json', '/kiosk/sw.js', `/media/${CLIP}.mp4`]) {
    test(`${path} carries exactly the headers of the rules`, async () => {
      const res = await raw(base(), path);
      expect(res.status).toBe(200);
      expect(ruleHeadersOf(res)).toEqual(expected(path));
    });
  }

  test('a hashed script is cached for a year', async () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const asset = /(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const res = await raw(base(), asset!);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test('a clip answers a range request with 206 and the right Content-Range', async () => {
    const { size } = statSync(join(DIST, 'media', `${CLIP}.mp4`));
    const res = await raw(base(), `/media/${CLIP}.mp4`, { Range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 100-199/${size}`);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.body).toEqual(readFileSync(join(DIST, 'media', `${CLIP}.mp4`)).subarray(100, 200));
  });

  test('captions and text files are typed as UTF-8', async () => {
    expect((await raw(base(), `/media/${CLIP}.zh.vtt`)).headers['content-type']).toMatch(/^text\/vtt; ?charset=utf-8$/);
    expect((await raw(base(), '/')).headers['content-type']).toMatch(/^text\/html; ?charset=utf-8$/);
  });

  for (const [path, lang] of [['/no-such-page/', 'zh-CN'], ['/en/no-such-page/', 'en'], ['/en/embed/no-such-clip/', 'en']] as const) {
    test(`${path} answers 404 with the ${lang} page and the headers of the rules`, async () => {
      const res = await raw(base(), path);
      expect(res.status).toBe(404);
      expect(res.body.toString()).toContain(`<html lang="${lang}"`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });
  }

  test('the files written for servers are not served', async () => {
    for (const path of ['/_headers', '/nginx/fanzha.conf']) expect((await raw(base(), path)).status, path).toBe(404);
  });

  test('a folder without its slash redirects to it, on the same host', async () => {
    const res = await raw(base(), '/scams/online-shopping?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.location).toMatch(/^(http:\/\/127\.0\.0\.1:\d+)?\/scams\/online-shopping\/\?x=1$/);
  });

  for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
    test(`a page and a script are sent precompressed as ${encoding}, varying by Accept-Encoding`, async () => {
      for (const path of ['/scams/online-shopping/', '/kiosk/sw.js']) {
        const res = await raw(base(), path, { 'Accept-Encoding': encoding });
        expect(res.status, path).toBe(200);
        expect(res.headers['content-encoding'], path).toBe(encoding);
        expect(String(res.headers.vary), path).toMatch(/Accept-Encoding/i);
        const file = path.endsWith('/') ? join(DIST, path, 'index.html') : join(DIST, path);
        expect(decode(res.body).equals(readFileSync(file)), path).toBe(true);
        expect(ruleHeadersOf(res)).toEqual(expected(path));
      }
    });
  }

  test('a client that accepts no encoding gets the file as it is', async () => {
    const res = await raw(base(), '/scams/online-shopping/');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(readFileSync(join(DIST, 'scams/online-shopping/index.html')))).toBe(true);
  });
}
