import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from '../../../src/lib/security';
import { ROOT } from '../helpers';

const headers = readFileSync(join(ROOT, 'public/_headers'), 'utf8');
const header = (name: string) => new RegExp(`^\\s+${name}: (.+)$`, 'm').exec(headers)?.[1];

test('the server headers send the same policy as the pages, plus frame-ancestors', () => {
  expect(header('Content-Security-Policy')).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  expect(header('Referrer-Policy')).toBe(REFERRER_POLICY);
  expect(header('X-Frame-Options')).toBe('DENY');
});

test('the policy names no other origin and allows no inline code', () => {
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-inline|(?<!wasm-)unsafe-eval/);
});

test('embed pages, and only they, may be framed by any origin', () => {
  const embed = /^\/embed\/\*\n((?:\s+.+\n?)+)/m.exec(headers)?.[1] ?? '';
  expect(embed).toMatch(/^\s+! X-Frame-Options$/m);
  expect(embed).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors *`);
  expect(headers).toMatch(/^\/en\/embed\/\*$/m);
});
