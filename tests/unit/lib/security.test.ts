import { expect, test } from 'vitest';
import { headersFor } from '../../../src/lib/headers';
import { CONTENT_SECURITY_POLICY, HEADER_CONTENT_SECURITY_POLICY, REFERRER_POLICY } from '../../../src/lib/security';

const directives = (policy: string) => policy.split(/;\s*/).map((d) => d.trim()).filter(Boolean);

test('the server headers send the directives every page shares, plus frame-ancestors', () => {
  const headers = headersFor('/scams/online-shopping/');
  expect(headers['Content-Security-Policy']).toBe(`${HEADER_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  expect(headers['Referrer-Policy']).toBe(REFERRER_POLICY);
  expect(headers['X-Frame-Options']).toBe('DENY');
});

test('the header leaves scripts and styles to the page, which has every other directive of the header too', () => {
  // A browser enforces both policies: the header must neither refuse a page's hashed inline
  // styles nor allow anything the page's own policy does not.
  expect(HEADER_CONTENT_SECURITY_POLICY).not.toMatch(/(^|; )(default|script|style)-src/);
  for (const d of directives(HEADER_CONTENT_SECURITY_POLICY)) expect(directives(CONTENT_SECURITY_POLICY)).toContain(d);
  expect(directives(CONTENT_SECURITY_POLICY)).toEqual(expect.arrayContaining(["default-src 'self'", "style-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"]));
});

test('neither policy names another origin or allows inline code', () => {
  for (const policy of [CONTENT_SECURITY_POLICY, HEADER_CONTENT_SECURITY_POLICY]) {
    expect(policy).not.toMatch(/https?:|\*|unsafe-inline|unsafe-hashes|(?<!wasm-)unsafe-eval/);
  }
});

test('embed pages, and only they, may be framed by any origin', () => {
  for (const path of ['/embed/call-96110/', '/en/embed/call-96110/']) {
    expect(headersFor(path)['X-Frame-Options']).toBeUndefined();
    expect(headersFor(path)['Content-Security-Policy']).toBe(`${HEADER_CONTENT_SECURITY_POLICY}; frame-ancestors *`);
  }
  for (const path of ['/videos/call-96110/', '/embedded/', '/en/']) expect(headersFor(path)['X-Frame-Options']).toBe('DENY');
});
