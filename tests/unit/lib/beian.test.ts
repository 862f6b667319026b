import { expect, test } from 'vitest';
import { beianLinks, icpLink, psbLink } from '../../../src/lib/beian';

test('nothing is shown when neither number is set', () => {
  expect(beianLinks({})).toEqual([]);
  expect(beianLinks({ SITE_ICP: '', SITE_PSB: '  ' })).toEqual([]);
});

test.each([
  ['沪ICP备12345678号', '沪ICP备12345678号'],
  ['沪ICP备2024090791号-1', '沪ICP备2024090791号-1'],
  [' 沪ICP备12345678号 ', '沪ICP备12345678号'],
])('SITE_ICP %j links to the MIIT 备案 site', (value, text) => {
  expect(icpLink(value)).toEqual({ text, href: 'https://beian.miit.gov.cn/' });
});

test.each([
  ['沪公网安备31011002006829号', '31011002006829'],
  ['沪公网安备 31011002006829 号', '31011002006829'],
])('SITE_PSB %j links to its record on the 公安备案 site', (value, code) => {
  expect(psbLink(value)?.href).toBe(`https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${code}`);
});

test.each([
  ['SITE_ICP', () => icpLink('12345678')],
  ['SITE_ICP', () => icpLink('沪ICP备号')],
  ['SITE_ICP', () => icpLink('沪ICP备12345678号<script>')],
  ['SITE_PSB', () => psbLink('沪公网安备号')],
  ['SITE_PSB', () => psbLink('31011002006829')],
])('a malformed %s fails, naming the variable', (name, make) => expect(make).toThrow(new RegExp(`^${name}: expected`)));

test('ICP first, then the public security record', () => {
  expect(beianLinks({ SITE_ICP: '沪ICP备12345678号', SITE_PSB: '沪公网安备31011002006829号' }).map((l) => l.text)).toEqual([
    '沪ICP备12345678号',
    '沪公网安备31011002006829号',
  ]);
});
