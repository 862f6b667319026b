import { describe, expect, test } from 'vitest';
import { activeAlert } from '../../../src/kiosk/alert';

const alert = {
  message: { zh: '警惕冒充客服退款诈骗', en: 'Beware of fake refund calls' },
  venues: ['bank', 'subway'],
  startsAt: '2026-11-27T08:00:00+08:00',
  expiresAt: '2026-11-27T10:00:00+08:00',
};
const at = (iso: string) => Date.parse(`${iso}+08:00`);

describe('activeAlert', () => {
  test.each([
    ['2026-11-27T07:59:59', false],
    ['2026-11-27T08:00:00', true],
    ['2026-11-27T09:59:59', true],
    ['2026-11-27T10:00:00', false],
  ])('at %s the alert is active: %s', (iso, active) => {
    expect(activeAlert(alert, 'bank', at(iso)) !== null).toBe(active);
  });

  test('shows only at the venues it names', () => {
    expect(activeAlert(alert, 'bus', at('2026-11-27T09:00:00'))).toBeNull();
    expect(activeAlert({ ...alert, venues: 'all' }, 'bus', at('2026-11-27T09:00:00'))).not.toBeNull();
  });

  test('reads a list of alerts and picks the one that started last', () => {
    const later = { ...alert, message: { zh: '新的提醒内容', en: 'A newer message' }, startsAt: '2026-11-27T09:00:00+08:00' };
    expect(activeAlert({ alerts: [alert, later] }, 'bank', at('2026-11-27T09:30:00'))?.message.en).toBe('A newer message');
  });

  test.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'alert!'],
    ['an empty list', { alerts: [] }],
    ['no English text', { ...alert, message: { zh: '提醒' } }],
    ['blank text', { ...alert, message: { zh: ' ', en: 'x' } }],
    ['a bad start', { ...alert, startsAt: 'tomorrow' }],
    ['no expiry', { ...alert, expiresAt: undefined }],
    ['an expiry before the start', { ...alert, expiresAt: '2026-11-27T07:00:00+08:00' }],
    ['no venues', { ...alert, venues: undefined }],
  ])('%s gives no alert and the loop goes on', (_, file) => {
    expect(activeAlert(file, 'bank', at('2026-11-27T09:00:00'))).toBeNull();
  });
});
