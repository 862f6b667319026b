import { expect, test } from 'vitest';
import { appendLog, type LogEntry } from '../../../src/kiosk/play-log';

test('the play log keeps only the newest entries', () => {
  let log: LogEntry[] = [];
  for (let i = 0; i < 250; i++) log = appendLog(log, { atMs: i, event: 'play', detail: `clip ${i}` }, 100);
  expect(log).toHaveLength(100);
  expect(log[0]!.atMs).toBe(150);
  expect(log.at(-1)!.detail).toBe('clip 249');
});
