import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isEd25519Point, kioskAlertKey, parseAlertKey } from '../../../src/node/kiosk-alert-key';

const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
const raw = Buffer.from(await crypto.subtle.exportKey('raw', pair.publicKey));
const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey));
const pem = `-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----\n`;
/** y = 2 has no x on the curve. */
const offCurve = Buffer.alloc(32);
offCurve[0] = 2;

describe('the build’s alert public key', () => {
  test.each([
    ['base64 of the raw key', raw.toString('base64')],
    ['a PEM PUBLIC KEY block', pem],
  ])('%s is read', (_, text) => expect(parseAlertKey(text, 'KIOSK_ALERT_PUBLIC_KEY')).toBe(raw.toString('base64')));

  test.each([
    ['31 bytes', raw.subarray(1).toString('base64')],
    ['a point off the curve', offCurve.toString('base64')],
    ['not base64', 'not a key!'],
    ['an RSA-sized PEM', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----'],
  ])('%s fails the build, naming where it came from', (_, text) => {
    expect(() => parseAlertKey(text, 'content/kiosk/alert-public-key.txt')).toThrow('content/kiosk/alert-public-key.txt: not an Ed25519 public key');
  });

  test('generated keys are points of the curve', () => expect(isEd25519Point(raw)).toBe(true));

  test('the variable wins over the file; neither gives no key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fz-key-'));
    const file = join(dir, 'alert-public-key.txt');
    expect(kioskAlertKey({}, file)).toBeNull();
    writeFileSync(file, pem);
    expect(kioskAlertKey({}, file)).toBe(raw.toString('base64'));
    expect(() => kioskAlertKey({ KIOSK_ALERT_PUBLIC_KEY: 'AAAA' }, file)).toThrow('KIOSK_ALERT_PUBLIC_KEY: not an Ed25519 public key');
  });
});
