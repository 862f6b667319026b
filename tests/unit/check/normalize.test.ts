import { describe, expect, test } from 'vitest';
import { foldMap, normalize } from '../../../src/lib/check/normalize';

const fold = foldMap('驗验證证碼码帳帐戶户');

describe('normalize', () => {
  test.each([
    ['验证码', '验证码'],
    ['验 证 码', '验证码'],
    ['验-证.码！', '验证码'],
    ['驗證碼', '验证码'],
    ['ＶＥＲＩＦＩＣＡＴＩＯＮ ＣＯＤＥ', 'verification code'],
    ['Safe   Account', 'safe account'],
    ['safe-account', 'safe account'],
    ["don't", 'don t'],
    ['安全 帳戶', '安全帐户'],
    ['转账5000元', '转账5000元'],
    ['📱 微信', '微信'],
  ])('%j reads as %j', (input, expected) => {
    expect(normalize(input, fold).text).toBe(expected);
  });

  test('each character points back to where it came from in the original', () => {
    const input = '请把 驗 證碼 发我';
    const n = normalize(input, fold);
    const at = n.text.indexOf('验证码');
    expect(input.slice(n.from[at], n.to[at + 2])).toBe('驗 證碼');
  });

  test('a character outside the Basic Multilingual Plane keeps the indices in step', () => {
    const n = normalize('𠀀验证码', fold);
    expect(n.text).toBe('𠀀验证码');
    expect(n.from[n.text.indexOf('验')]).toBe(2);
  });

  test('a fold table with an odd number of characters is refused', () => {
    expect(() => foldMap('驗验證')).toThrow(/odd number/);
  });
});
