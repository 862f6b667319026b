/**
 * The public key kiosk screens check the operator's alerts with, read at build time (Node only):
 * KIOSK_ALERT_PUBLIC_KEY, else content/kiosk/alert-public-key.txt. Either holds the 32 raw bytes
 * in base64 or a PEM "PUBLIC KEY" (SPKI) block, as `npm run alert -- --keygen` prints them.
 * No key: the screens show no alerts at all. A key that is not an Ed25519 public key fails the build.
 */
import { existsSync, readFileSync } from 'node:fs';

export const ALERT_KEY_FILE = 'content/kiosk/alert-public-key.txt';
/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const P = 2n ** 255n - 19n;
const D = (((-121665n * inverse(121666n)) % P) + P) % P;
const SQRT_M1 = pow(2n, (P - 1n) / 4n);

function pow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = ((base % P) + P) % P;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}
function inverse(x: bigint): bigint {
  return pow(x, P - 2n);
}

/** Whether 32 bytes decode to a point of the Ed25519 curve (RFC 8032, 5.1.3). */
export function isEd25519Point(bytes: Uint8Array): boolean {
  if (bytes.length !== 32) return false;
  const sign = bytes[31]! >> 7;
  let y = 0n;
  for (let i = 31; i >= 0; i--) y = (y << 8n) | BigInt(i === 31 ? bytes[i]! & 0x7f : bytes[i]!);
  if (y >= P) return false;
  const u = (y * y - 1n + P) % P;
  const v = (D * y * y + 1n) % P;
  let x = (u * pow(v, 3n) * pow(u * pow(v, 7n), (P - 5n) / 8n)) % P;
  const vx2 = (v * x * x) % P;
  if (vx2 !== u) {
    if (vx2 !== (P - u) % P) return false;
    x = (x * SQRT_M1) % P;
  }
  return !(x === 0n && sign === 1);
}

/** The key's 32 bytes in base64, from base64 or PEM text; throws naming `where` when it is not a key. */
export function parseAlertKey(text: string, where: string): string {
  const trimmed = text.trim();
  const pem = /^-----BEGIN PUBLIC KEY-----([\s\S]*)-----END PUBLIC KEY-----$/.exec(trimmed);
  const b64 = (pem ? pem[1]! : trimmed).replace(/\s+/g, '');
  const der = /^[A-Za-z0-9+/]+={0,2}$/.test(b64) ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
  const raw = pem ? (der.length === 44 && der.subarray(0, 12).equals(SPKI_PREFIX) ? der.subarray(12) : null) : der.length === 32 ? der : null;
  if (!raw || !isEd25519Point(raw)) {
    throw new Error(`${where}: not an Ed25519 public key (expected 32 bytes in base64, or a PEM PUBLIC KEY block)`);
  }
  return raw.toString('base64');
}

/** The build's alert key in base64, or null when none is set. */
export function kioskAlertKey(env: Record<string, string | undefined> = process.env, file = ALERT_KEY_FILE): string | null {
  const fromEnv = env.KIOSK_ALERT_PUBLIC_KEY;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return parseAlertKey(fromEnv, 'KIOSK_ALERT_PUBLIC_KEY');
  if (existsSync(file)) return parseAlertKey(readFileSync(file, 'utf8'), file);
  return null;
}
