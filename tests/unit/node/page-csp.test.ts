import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { inlineCode, withInlineHashes } from '../../../src/integrations/page-csp';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const META = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:">`;
const page = (head: string, body = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${META}${head}</head><body>${body}</body></html>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/)![0])![1];

describe('withInlineHashes', () => {
  test('allows each inline style and script of the page by its SHA-256, and nothing else', () => {
    const css = ':root{--a:1}body{color:red}';
    const js = 'document.documentElement.dataset.x = "1";';
    const out = withInlineHashes(page(`<style>${css}</style>`, `<script type="module">${js}</script><script type="module" src="/_astro/a.js"></script>`), 'x.html');
    expect(policyOf(out)).toBe(`default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${sha(js)}; style-src 'self' ${sha(css)}; img-src 'self' data:`);
    expect(out.replace(policyOf(out)!, '')).toBe(page(`<style>${css}</style>`, `<script type="module">${js}</script><script type="module" src="/_astro/a.js"></script>`).replace(policyOf(page(''))!, ''));
  });

  test('hashes the text exactly as written, multibyte characters included, and lists a repeated block once', () => {
    const css = '.a::after{content:"：";}\n';
    expect(inlineCode(`<style>${css}</style><style>${css}</style>`).styles).toEqual([sha(css)]);
  });

  test('leaves a page without inline code as it was', () => {
    const html = page('', '<script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{"a":1}</script>');
    expect(withInlineHashes(html, 'x.html')).toBe(html);
  });

  test.each([
    ['no policy', '<!DOCTYPE html><html><head><style>a{}</style></head></html>', 'x.html: expected one <meta http-equiv="Content-Security-Policy">, found 0'],
    ['two policies', page(META), 'x.html: expected one <meta http-equiv="Content-Security-Policy">, found 2'],
    ['a style before the policy', `<html><head><style>a{}</style>${META}</head></html>`, 'x.html: a <style> or <script> comes before the Content-Security-Policy meta tag'],
    ['a style attribute', page('', '<p class="a" style="color:red">x</p>'), 'x.html: an element has a style="" attribute'],
    ['an event handler', page('', '<img src="/a.png" alt="" onerror="alert(1)">'), 'x.html: an element has a onerror="" attribute'],
  ])('stops the build on %s, naming the page', (_, html, message) => {
    expect(() => withInlineHashes(html, 'x.html')).toThrow(message);
  });

  test('does not mistake text or code that mentions style= for an attribute', () => {
    const html = page('', '<pre><code>&lt;iframe style="border:0"&gt;</code></pre><p>style="x" onclick="y"</p>');
    expect(withInlineHashes(html, 'x.html')).toBe(html);
  });
});
