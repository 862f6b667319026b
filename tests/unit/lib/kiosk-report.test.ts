import { describe, expect, test } from 'vitest';
import { kioskReportUrl } from '../../../src/lib/kiosk-report';
import { CONTENT_SECURITY_POLICY, kioskContentSecurityPolicy } from '../../../src/lib/security';

describe('KIOSK_REPORT_URL', () => {
  test.each([
    [undefined, null],
    ['  ', null],
    ['https://signage.example.org/beats', 'https://signage.example.org/beats'],
    ['http://127.0.0.1:4513/beat', 'http://127.0.0.1:4513/beat'],
  ])('%j gives %j', (value, url) => expect(kioskReportUrl({ KIOSK_REPORT_URL: value })).toBe(url));

  test.each([
    ['http://signage.example.org/beats', 'must be an https:// address'],
    ['signage', 'not an address'],
    ['https://user:pw@signage.example.org/', 'must not carry a user name or password'],
  ])('%j fails the build: %s', (value, message) => {
    expect(() => kioskReportUrl({ KIOSK_REPORT_URL: value })).toThrow(`KIOSK_REPORT_URL: ${message}`);
  });
});

describe('the kiosk pages’ CSP', () => {
  test('is the site’s own without a receiver', () => expect(kioskContentSecurityPolicy(null)).toBe(CONTENT_SECURITY_POLICY));
  test('allows the receiver’s origin, and only for connections', () => {
    const csp = kioskContentSecurityPolicy('https://signage.example.org/beats?x=1');
    expect(csp).toContain("connect-src 'self' https://signage.example.org;");
    expect(csp.split('signage.example.org')).toHaveLength(2);
  });
});
