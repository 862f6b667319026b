import { describe, expect, test } from 'vitest';
import { formatDate, isoDate } from '../../../src/lib/dates';

describe('dates are Shanghai calendar days', () => {
  test.each([
    ['2026-11-26', '2026年11月26日', '26 November 2026', '2026-11-26'],
    // 23:30 UTC is already the next morning in Shanghai: both forms must say the 27th.
    ['2026-11-26T23:30:00Z', '2026年11月27日', '27 November 2026', '2026-11-27'],
    // 00:30 in Shanghai is still the previous day in UTC.
    ['2026-11-27T00:30:00+08:00', '2026年11月27日', '27 November 2026', '2026-11-27'],
    ['2026-12-31T15:59:59Z', '2026年12月31日', '31 December 2026', '2026-12-31'],
    ['2026-12-31T16:00:00Z', '2027年1月1日', '1 January 2027', '2027-01-01'],
  ])('%s → %s / %s / %s', (input, zh, en, iso) => {
    const date = new Date(input);
    expect(formatDate(date, 'zh-CN')).toBe(zh);
    expect(formatDate(date, 'en')).toBe(en);
    expect(isoDate(date)).toBe(iso);
  });
});
