import { describe, expect, test } from 'vitest';
import { breakUnits, emMeasure, FitError, fitText, wrapText } from '../../../../src/lib/svg/text-fit';

/** CJK full width, everything else half: easy to count by hand. */
const measure = emMeasure((ch) => (/[\u0000-\u00ff]/.test(ch) ? 0.5 : 1));

describe('breakUnits', () => {
  test.each([
    ['不转账，不付款', ['不', '转', '账，', '不', '付', '款']],
    ['没有“安全账户”', ['没', '有', '“安全账户”']],
    ['“我是你领导，有急事”', ['“我', '是', '你', '领', '导，', '有', '急', '事”']],
    ['钱已转出 先打 110 报警', ['钱', '已', '转', '出 ', '先', '打 ', '110 ', '报', '警']],
    ['Never share your screen', ['Never ', 'share ', 'your ', 'screen']],
    ['a “safe account”, now', ['a ', '“safe ', 'account”, ', 'now']],
    ['Don’t rush.', ['Don’t ', 'rush.']],
  ])('%s breaks into %j', (text, units) => {
    expect(breakUnits(text)).toEqual(units);
  });
});

describe('wrapText', () => {
  test('fills lines up to the width, one CJK character at a time', () => {
    expect(wrapText('放款前要你先交利息保险', 4, 1, measure)).toEqual(['放款前要', '你先交利', '息保险']);
  });
  test('never starts a line with closing punctuation', () => {
    // "账，" is one piece: the comma goes down with the character before it.
    expect(wrapText('不转账，不付款', 3, 1, measure)).toEqual(['不转', '账，不', '付款']);
  });
  test('breaks English between words, leaving no space at a line end', () => {
    expect(wrapText('Never tell anyone a code', 3, 1, measure)).toEqual(['Never', 'tell', 'anyone', 'a code']);
  });
  test('cuts a word wider than the line by character', () => {
    expect(wrapText('127.0.0.1:4321/scams/', 4, 1, measure)).toEqual(['127.0.0.', '1:', '4321/sca', 'ms/']);
  });
  test('a last line of one Chinese character takes the character before it along', () => {
    // Greedy filling would leave "钱。" alone on the last line.
    expect(wrapText('换了新号，找您借钱。', 8, 1, measure)).toEqual(['换了新号，找您', '借钱。']);
  });
  test('every line of a long text fits its width', () => {
    const text = 'You are told your card number was wrong or your account is frozen, and must pay to unfreeze it';
    for (const width of [8, 13, 21]) {
      for (const line of wrapText(text, width, 2, measure)) expect(measure(line, 2)).toBeLessThanOrEqual(width);
    }
  });
});

describe('fitText', () => {
  const box = { width: 6, maxLines: 2, sizes: [2, 1.5, 1] };
  test('takes the largest size at which the text fits', () => {
    expect(fitText('验证码不告诉任何人', box, measure, 'rule')).toEqual({ fontSize: 1, lines: ['验证码不告诉', '任何人'] });
    expect(fitText('不开屏幕共享', box, measure, 'rule')).toEqual({ fontSize: 2, lines: ['不开屏', '幕共享'] });
  });
  test('keeps the line breaks of the text', () => {
    expect(fitText('验证码\n不告诉', box, measure, 'rule').lines).toEqual(['验证码', '不告诉']);
  });
  test('text that fits at no size fails, naming the field, the text and the box', () => {
    expect(() => fitText('说你银行卡号填错账户被冻结要交解冻费', box, measure, 'flags[2]')).toThrow(FitError);
    expect(() => fitText('说你银行卡号填错账户被冻结要交解冻费', box, measure, 'flags[2]')).toThrow(
      'flags[2]: "说你银行卡号填错账户被冻结要交解冻费" does not fit in 2 line(s) of 6 px, even at 1 px',
    );
  });
  test('empty text fails', () => {
    expect(() => fitText(' ', box, measure, 'title')).toThrow('title: the text is empty');
  });
});
