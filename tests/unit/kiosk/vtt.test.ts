import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cueAt, parseVtt } from '../../../src/kiosk/vtt';
import { ROOT } from '../helpers';

const sample = `WEBVTT

1
00:00:00.000 --> 00:00:06.000
手机上显示 96110 来电？

2
00:00:06.000 --> 01:00:12.500
<b>96110</b> 是全国反诈预警劝阻专线。
第二行
`;

describe('parseVtt', () => {
  test('reads cue times and text, dropping markup', () => {
    expect(parseVtt(sample)).toEqual([
      { start: 0, end: 6, text: '手机上显示 96110 来电？' },
      { start: 6, end: 3612.5, text: '96110 是全国反诈预警劝阻专线。\n第二行' },
    ]);
  });

  test('refuses a file that is not WebVTT', () => {
    expect(() => parseVtt('1\n00:00:00.000 --> 00:00:01.000\nhi')).toThrow(/WEBVTT/);
  });

  test('reads every committed caption file', () => {
    const cues = parseVtt(readFileSync(join(ROOT, 'public/media/call-96110.zh.vtt'), 'utf8'));
    expect(cues.length).toBeGreaterThanOrEqual(2);
    expect(cues[0]!.start).toBe(0);
  });
});

describe('cueAt', () => {
  const cues = parseVtt(sample);
  test.each([[0, '手机上显示 96110 来电？'], [5.999, '手机上显示 96110 来电？'], [6, '96110 是全国反诈预警劝阻专线。\n第二行'], [4000, '']])(
    'at %f s shows %j',
    (t, text) => expect(cueAt(cues, t)).toBe(text),
  );
});
