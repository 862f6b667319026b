import { describe, expect, test } from 'vitest';
import { compileSignals } from '../../../src/lib/check/compile';
import { check, MAX_CHARS } from '../../../src/lib/check/match';

// A small, fixed set of signals, so these tests say how the checker decides, whatever content holds.
const data = compileSignals(
  [
    { id: 'safe-account', weight: 3, phrases: ['安全账户', 'safe account'], categories: ['authorities'], own: false, file: 'test' },
    { id: 'code', weight: 1, phrases: ['验证码', 'verification code'], categories: [], own: false, file: 'test' },
    { id: 'code-asked', weight: 3, phrases: ['验证码发*我', 'send me the code'], categories: [], own: false, file: 'test' },
    { id: 'link', weight: 1, phrases: ['链接', 'link'], categories: [], own: false, file: 'test' },
    { id: 'refund', weight: 1, phrases: ['退款'], categories: ['shopping', 'service'], own: false, file: 'test' },
    { id: 'brushing', weight: 3, phrases: ['刷单'], categories: ['jobs'], own: true, file: 'test' },
    { id: 'parcel', weight: 2, phrases: ['快递丢失'], categories: ['service'], own: true, file: 'test' },
    { id: 'cheap', weight: 2, phrases: ['低价'], categories: ['shopping'], own: true, file: 'test' },
    { id: 'warrant', weight: 2, phrases: ['通缉令'], categories: ['authorities'], own: true, file: 'test' },
  ],
  ['shopping', 'jobs', 'service', 'authorities'],
);

describe('check', () => {
  test.each([
    ['请把钱转到安全账户', 'warning', 3],
    ['验证码发给我', 'warning', 3],
    ['您的验证码是 123456', 'caution', 1],
    ['点这个链接看看退款', 'caution', 2],
    ['点这个链接看退款，验证码是多少', 'warning', 3],
    ['今晚吃什么？', 'no-known-signs', 0],
    ['', 'no-known-signs', 0],
  ])('%j is %s with score %i', (text, verdict, score) => {
    const r = check(text, data);
    expect([r.verdict, r.score]).toEqual([verdict, score]);
  });

  test('finds phrases written in traditional characters, full width and with spaces inside', () => {
    expect(check('請轉到安全賬戶', data).found.map((f) => f.id)).toEqual(['safe-account']);
    expect(check('ＳＡＦＥ  ＡＣＣＯＵＮＴ', data).verdict).toBe('warning');
    expect(check('刷 - 单', data).categories).toEqual(['jobs']);
  });

  test('English phrases match whole words, with a plural or past ending', () => {
    expect(check('click the link', data).found.map((f) => f.id)).toEqual(['link']);
    expect(check('two links here', data).found.map((f) => f.id)).toEqual(['link']);
    expect(check('linkedin profile', data).found).toEqual([]);
  });

  test('a phrase after a negation is advice, not a request', () => {
    expect(check('请勿将验证码告知他人', data).found).toEqual([]);
    expect(check('银行不会要求您转到所谓安全账户', data).found).toEqual([]);
    expect(check('Never share your verification code', data).found).toEqual([]);
    expect(check('不要怕，钱转到安全账户就没事了', data).verdict).toBe('warning');
  });

  test('where phrases overlap the stronger signal keeps the words, and each signal counts once', () => {
    const r = check('验证码发给我，验证码发过来给我', data);
    expect(r.found).toEqual([{ id: 'code-asked', weight: 3, quotes: ['验证码发给我', '验证码发过来给我'] }]);
    expect(r.score).toBe(3);
  });

  test('marks point at the reader’s own words, in reading order', () => {
    const text = '您好，刷 单返利，转到安全賬戶';
    const r = check(text, data);
    expect(r.marks.map((m) => text.slice(m.start, m.end))).toEqual(['刷 单', '安全賬戶']);
  });

  test('categories are ranked by weight, then by their own signals, at most three', () => {
    expect(check('快递丢失了，给你退款', data).categories).toEqual(['service', 'shopping']);
    expect(check('低价退款', data).categories).toEqual(['shopping', 'service']);
    expect(check('刷单 快递丢失 低价 通缉令', data).categories).toEqual(['jobs', 'shopping', 'service']);
  });

  test('markup in the input is only text', () => {
    const text = '<img src=x onerror=alert(1)>安全账户<script>';
    const r = check(text, data);
    expect(r.checked).toBe(text);
    expect(r.found[0]!.quotes).toEqual(['安全账户']);
  });

  test(`checks the first ${MAX_CHARS} characters and says it cut the rest`, () => {
    const long = '好'.repeat(MAX_CHARS) + '安全账户';
    const r = check(long, data);
    expect([r.truncated, r.checked.length, r.verdict]).toEqual([true, MAX_CHARS, 'no-known-signs']);
    expect(check('好'.repeat(MAX_CHARS - 4) + '安全账户', data)).toMatchObject({ truncated: false, verdict: 'warning' });
  });

  test('does not cut an emoji in half at the limit', () => {
    const r = check('好'.repeat(MAX_CHARS - 1) + '😀好', data);
    expect(r.checked.length).toBe(MAX_CHARS - 1);
  });
});
