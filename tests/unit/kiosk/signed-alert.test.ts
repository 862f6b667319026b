import { describe, expect, test } from 'vitest';
import { alertBody, ALERT_MAX_CHARS } from '../../../src/kiosk/alert-draft';
import { activeAlert, whyNoAlert } from '../../../src/kiosk/alert';
import { importAlertKey, verifyAlertFile } from '../../../src/kiosk/signed-alert';

const NOW = Date.parse('2026-11-27T09:00:00+08:00');
const b64 = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('base64');
const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
const other = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
const publicKey = await importAlertKey(b64(await crypto.subtle.exportKey('raw', pair.publicKey)));
const body = alertBody({ zh: '近期有人冒充银行客服', en: 'People are posing as bank staff', expires: '2h', venues: 'bank' }, NOW, ['bank', 'bus']);
const sign = async (text: string, key = pair.privateKey) => b64(await crypto.subtle.sign({ name: 'Ed25519' }, key, new TextEncoder().encode(text)));
const envelope = async (text = body, signature?: string) => JSON.stringify({ body: text, signature: signature ?? (await sign(text)) });

describe('verifyAlertFile', () => {
  test('a signed alert verifies and shows at its venue', async () => {
    const result = await verifyAlertFile(await envelope(), publicKey);
    expect(result.ok).toBe(true);
    expect(activeAlert(result.ok && result.file, 'bank', NOW + 60_000)?.message.zh).toBe('近期有人冒充银行客服');
  });

  test.each([
    ['one character of the body changed', async () => JSON.stringify({ body: body.replace('冒充', '冒名'), signature: await sign(body) }), 'bad signature'],
    ['signed with another key', async () => envelope(body, await sign(body, other.privateKey)), 'bad signature'],
    ['unsigned', async () => body, 'unsigned'],
    ['not JSON', async () => '{ not json', 'malformed: not JSON'],
    ['a signature of the wrong length', async () => envelope(body, 'AAAA'), 'malformed: the signature must be 64 bytes, in base64'],
    ['a body that is not text', async () => JSON.stringify({ body: JSON.parse(body), signature: await sign(body) }), 'malformed: body and signature must be strings'],
    ['a signed body that is not JSON', async () => envelope('not json'), 'malformed: the signed body is not JSON'],
  ])('%s: ignored as %s', async (_, make, reason) => {
    expect(await verifyAlertFile(await make(), publicKey)).toEqual({ ok: false, reason });
  });

  test('the unsigned empty file the site ships means no alert, not a fault', async () => {
    expect(await verifyAlertFile('{ "alerts": [] }', publicKey)).toEqual({ ok: true, file: { alerts: [] } });
  });

  test.each(['', 'AAAA', b64(new Uint8Array(33).buffer)])('a public key %j is refused', async (key) => {
    await expect(importAlertKey(key)).rejects.toThrow('32 bytes');
  });
});

describe('whyNoAlert', () => {
  const file = JSON.parse(body);
  test.each([
    [NOW + 60_000, 'bank', null],
    [NOW + 2 * 3_600_000, 'bank', 'expired'],
    [NOW - 1, 'bank', 'not started'],
    [NOW + 60_000, 'subway', 'not for subway'],
  ])('at %i for %s: %s', (now, venue, why) => {
    expect(activeAlert(file, venue, now) === null ? whyNoAlert(file, venue, now) : null).toBe(why);
  });
  test('a malformed alert says so', () => expect(whyNoAlert({ alerts: [{ message: 'x' }] }, 'bank', NOW)).toBe('malformed'));
});

describe('alertBody: npm run alert refuses bad input, naming the option', () => {
  const make = (over: Record<string, string>) => () => alertBody({ zh: '提醒', en: 'Warning', expires: '2h', ...over }, NOW, ['bank', 'bus']);
  test.each([
    [{ expires: '7d' }, null],
    [{ expires: '10081m' }, '--expires: 10081m is more than 7 days'],
    [{ expires: '0h' }, '--expires: 0h is in the past'],
    [{ expires: '-1h' }, '--expires: -1h is in the past'],
    [{ expires: 'tomorrow' }, '--expires: must be a time from now'],
    [{ zh: '' }, '--zh: the alert text is empty'],
    [{ en: '  ' }, '--en: the alert text is empty'],
    [{ zh: '骗'.repeat(ALERT_MAX_CHARS) }, null],
    [{ zh: '骗'.repeat(ALERT_MAX_CHARS + 1) }, '--zh: 81 characters, at most 80'],
    [{ en: 'a'.repeat(ALERT_MAX_CHARS + 1) }, '--en: 81 characters, at most 80'],
    [{ venues: 'bank,mall' }, '--venues: unknown venue "mall"'],
  ])('%j → %s', (over, error) => {
    if (error) expect(make(over)).toThrow(error);
    else expect(make(over)).not.toThrow();
  });

  test('the body carries the texts, the venues and the window from now', () => {
    expect(JSON.parse(alertBody({ zh: '提醒', en: 'Warning', expires: '90m', venues: 'bank,bus' }, NOW, ['bank', 'bus']))).toEqual({
      alerts: [{ message: { zh: '提醒', en: 'Warning' }, venues: ['bank', 'bus'], startsAt: '2026-11-27T01:00:00.000Z', expiresAt: '2026-11-27T02:30:00.000Z' }],
    });
  });
});
