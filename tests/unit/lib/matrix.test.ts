import { expect, test } from 'vitest';
import { buildMatrix } from '../../../src/lib/matrix';

const scams = [
  { key: 'online-loans', name: '网贷', href: '/scams/online-loans/', audiences: ['residents', 'students'] },
  { key: 'online-romance', name: '网恋', href: '/scams/online-romance/', audiences: ['seniors'] },
];
const audiences = [
  { key: 'residents', name: '市民', href: '/audiences/residents/', scams: ['online-loans'] },
  { key: 'students', name: '学生', href: '/audiences/students/', scams: [] },
  { key: 'finance-staff', name: '财务', href: '/audiences/finance-staff/', scams: [] },
  { key: 'seniors', name: '老人', href: '/audiences/seniors/', scams: ['online-loans'] },
];

test.each([
  ['online-loans', 'residents', '/audiences/residents/'],
  ['online-loans', 'students', '/scams/online-loans/'],
  ['online-loans', 'finance-staff', null],
  ['online-loans', 'seniors', '/audiences/seniors/'],
  ['online-romance', 'seniors', '/scams/online-romance/'],
  ['online-romance', 'residents', null],
])('the cell %s × %s links to %s', (scam, audience, href) => {
  const row = buildMatrix(scams, audiences).find((r) => r.scam.key === scam)!;
  expect(row.cells.find((c) => c.audience === audience)?.href).toBe(href);
});

test('keeps the order of scams and audiences', () => {
  const rows = buildMatrix(scams, audiences);
  expect(rows.map((r) => r.scam.key)).toEqual(['online-loans', 'online-romance']);
  expect(rows[0]!.cells.map((c) => c.audience)).toEqual(['residents', 'students', 'finance-staff', 'seniors']);
});
