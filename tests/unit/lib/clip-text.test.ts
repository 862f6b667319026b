import { describe, expect, test } from 'vitest';
import { lineWidth, screenTextProblem, toVtt, vttTime } from '../../../src/lib/clip-text';

describe('vttTime', () => {
  test.each([
    [0, '00:00:00.000'],
    [0.5, '00:00:00.500'],
    [75.5, '00:01:15.500'],
    [3599.9995, '01:00:00.000'],
    [3723.004, '01:02:03.004'],
  ])('%s s → %s', (seconds, expected) => expect(vttTime(seconds)).toBe(expected));
});

describe('toVtt', () => {
  test('one numbered cue per scene, each starting where the last ended', () => {
    expect(toVtt([{ seconds: 4, caption: '陌生来电' }, { seconds: 2.5, caption: 'Hang up\nand call 110' }])).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\n陌生来电\n\n2\n00:00:04.000 --> 00:00:06.500\nHang up\nand call 110\n',
    );
  });
  test('no scenes: a valid empty file', () => expect(toVtt([])).toBe('WEBVTT\n\n'));
});

describe('screen text', () => {
  test('CJK counts one, Latin about half', () => {
    expect(lineWidth('挂断电话')).toBe(4);
    expect(lineWidth('110')).toBeCloseTo(1.65);
  });
  test.each([
    ['挂断电话\n拨打110', null],
    ['一二三四五六七八九十一二三四', null],
    ['一二三四五六七八九十一二三四五', 'line "一二三四五六七八九十一二三四五" is 15 characters wide, at most 14 fit'],
    ['一\n二\n三\n四', '4 lines, at most 3 fit'],
    ['一\n\n三', 'an empty line'],
  ])('%j → %j', (text, problem) => expect(screenTextProblem(text)).toBe(problem));
});
