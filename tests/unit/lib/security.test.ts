import { expect, test } from 'vitest';
import { headersFor } from '../../../src/lib/headers';
import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from '../../../src/lib/security';

test('the server headers send the same policy as the pages, plus frame-ancestors', () => {
  const headers = headersFor('/scams/online-shopping/');
  expect(headers['Content-Security-Policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  expect(headers['Referrer-Policy']).toBe(REFERRER_POLICY);
  expect(headers['X-Frame-Options']).toBe('DENY');
});

test('the policy names no other origin and allows no inline code', () => {
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-inline|(?<!wasm-)unsafe-eval/);
});

test('embed pages, and only they, may be framed by any origin', () => {
  for (const path of ['/embed/call-96110/', '/en/embed/call-96110/']) {
    expect(headersFor(path)['X-Frame-Options']).toBeUndefined();
    expect(headersFor(path)['Content-Security-Policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors *`);
  }
  for (const path of ['/videos/call-96110/', '/embedded/', '/en/']) expect(headersFor(path)['X-Frame-Options']).toBe('DENY');
});
