import { expect, test } from 'vitest';
import { feedbackEmail, feedbackUrl, reportProblem, type Inline } from '../../../src/lib/feedback';

const links = (paragraphs: Inline[][]) => paragraphs.flat().filter((p) => typeof p !== 'string');
const text = (paragraphs: Inline[][]) => paragraphs.map((p) => p.map((i) => (typeof i === 'string' ? i : i.text)).join(''));

test('with an address set, the statement gives exactly that address', () => {
  const zh = reportProblem('zh-CN', { SITE_FEEDBACK_EMAIL: ' a11y@example.org ', SITE_FEEDBACK_URL: 'https://www.example.org/feedback/' });
  expect(links(zh)).toEqual([
    { text: 'a11y@example.org', href: 'mailto:a11y@example.org' },
    { text: 'https://www.example.org/feedback/', href: 'https://www.example.org/feedback/' },
  ]);
  expect(text(zh)[0]).toBe(
    '哪里用不了、看不清，或者长者模式、朗读不好用，请告诉我们：发邮件到 a11y@example.org，或者通过 https://www.example.org/feedback/ 反映。请写明是哪个页面，用的是什么手机或电脑、哪个浏览器。',
  );
  expect(text(reportProblem('en', { SITE_FEEDBACK_EMAIL: 'a11y@example.org' }))[0]).toContain('please tell us: email a11y@example.org. Say which page');
});

test('an address wins over the ICP number, which only stands in when no address is set', () => {
  const icp = '沪ICP备12345678号-1';
  expect(links(reportProblem('zh-CN', { SITE_FEEDBACK_URL: 'https://www.example.org/', SITE_ICP: icp })).map((l) => l.href)).toEqual(['https://www.example.org/']);
  const zh = reportProblem('zh-CN', { SITE_ICP: icp });
  expect(links(zh)).toEqual([{ text: 'beian.miit.gov.cn', href: 'https://beian.miit.gov.cn/' }]);
  expect(text(zh)[0]).toContain(`ICP 备案号 ${icp}`);
  expect(text(zh)[0]).toContain('主办单位');
  expect(text(reportProblem('en', { SITE_ICP: icp }))[0]).toContain(`ICP registration number, ${icp}:`);
});

test.each(['zh-CN', 'en'] as const)('with nothing set, the %s statement names no address and says so', (locale) => {
  const paragraphs = reportProblem(locale, { SITE_FEEDBACK_EMAIL: '', SITE_FEEDBACK_URL: '  ' });
  expect(links(paragraphs)).toEqual([]);
  expect(text(paragraphs).join('')).not.toMatch(/@|https?:|www\./);
  expect(text(paragraphs)[0]).toMatch(locale === 'en' ? /has not yet published/ : /还没有公布/);
  // A screen in a bank or a station is looked after by the staff there, address or not.
  expect(text(paragraphs)[1]).toMatch(locale === 'en' ? /tell the staff there/ : /告诉那里的工作人员/);
});

test.each([
  ['SITE_FEEDBACK_EMAIL', () => feedbackEmail('feedback')],
  ['SITE_FEEDBACK_EMAIL', () => feedbackEmail('a b@example.org')],
  ['SITE_FEEDBACK_EMAIL', () => feedbackEmail('a@example')],
  ['SITE_FEEDBACK_EMAIL', () => feedbackEmail('"x"@example.org')],
  ['SITE_FEEDBACK_URL', () => feedbackUrl('http://www.example.org/feedback/')],
  ['SITE_FEEDBACK_URL', () => feedbackUrl('www.example.org/feedback/')],
  ['SITE_FEEDBACK_URL', () => feedbackUrl('javascript:alert(1)')],
  ['SITE_FEEDBACK_URL', () => feedbackUrl('https://www.example.org/"><script>')],
])('a malformed %s fails the build, naming the variable', (name, make) => expect(make).toThrow(new RegExp(`^${name}: expected`)));
