/**
 * The operator's alert file is an envelope: `{ "body": "<the alert JSON, as text>", "signature":
 * "<base64 Ed25519 signature over the UTF-8 bytes of body>" }`. The signature covers the exact
 * text, so nothing needs re-serialising before it is checked. Runs wherever WebCrypto does (the
 * kiosk page, Node for tests and `npm run alert`).
 */

export type Verified = { ok: true; file: unknown } | { ok: false; reason: string };

const fromBase64 = (text: string): Uint8Array<ArrayBuffer> | null => {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
};

/** Imports a public key given as base64 of its 32 raw bytes. */
export async function importAlertKey(base64: string, subtle: SubtleCrypto = crypto.subtle): Promise<CryptoKey> {
  const raw = fromBase64(base64.trim());
  if (!raw || raw.length !== 32) throw new Error('the alert public key must be 32 bytes, in base64');
  return subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
}

/**
 * The alert file's contents when `text` is a well-formed envelope whose signature `key` verifies;
 * otherwise why not. An unsigned file saying there is no alert (`{"alerts": []}`) is no alert,
 * not a fault.
 */
export async function verifyAlertFile(text: string, key: CryptoKey, subtle: SubtleCrypto = crypto.subtle): Promise<Verified> {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'malformed: not JSON' };
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) return { ok: false, reason: 'malformed: not an object' };
  const { body, signature } = envelope as Record<string, unknown>;
  if (signature === undefined) {
    const alerts = (envelope as { alerts?: unknown }).alerts;
    if (Array.isArray(alerts) && alerts.length === 0 && Object.keys(envelope).length === 1) return { ok: true, file: { alerts: [] } };
    return { ok: false, reason: 'unsigned' };
  }
  if (typeof body !== 'string' || typeof signature !== 'string') return { ok: false, reason: 'malformed: body and signature must be strings' };
  const sig = fromBase64(signature);
  if (!sig || sig.length !== 64) return { ok: false, reason: 'malformed: the signature must be 64 bytes, in base64' };
  const valid = await subtle.verify({ name: 'Ed25519' }, key, sig, new TextEncoder().encode(body)).catch(() => false);
  if (!valid) return { ok: false, reason: 'bad signature' };
  try {
    return { ok: true, file: JSON.parse(body) };
  } catch {
    return { ok: false, reason: 'malformed: the signed body is not JSON' };
  }
}
