#!/usr/bin/env node
// npm run alert -- --zh "…" --en "…" --expires 2h [--venues bank,subway] [--out alert.json]
//   writes a signed kiosk alert; upload it as /kiosk/alert.json.
// npm run alert -- --keygen
//   makes a key pair: the private key goes to the file KIOSK_ALERT_PRIVATE_KEY_FILE names, the
//   public key is printed for KIOSK_ALERT_PUBLIC_KEY or content/kiosk/alert-public-key.txt.
// The private key is read from KIOSK_ALERT_PRIVATE_KEY_FILE only, and never from inside the repository.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import { alertBody } from '../src/kiosk/alert-draft.ts';
import { VENUES } from '../src/lib/taxonomy.ts';

const fail = (message: string): never => {
  console.error(`npm run alert: ${message}`);
  process.exit(1);
};

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) fail(`--${name}: needs a value`);
  return value;
};

function privateKeyPath(): string {
  const path = process.env.KIOSK_ALERT_PRIVATE_KEY_FILE;
  if (!path) return fail('KIOSK_ALERT_PRIVATE_KEY_FILE: set it to the path of the private key file, outside this repository');
  const full = resolve(path);
  const inside = relative(process.cwd(), full);
  if (!inside.startsWith('..') && !isAbsolute(inside)) fail(`KIOSK_ALERT_PRIVATE_KEY_FILE: ${path} is inside the repository; keep the private key outside it`);
  return full;
}

const b64 = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('base64');
const pem = (label: string, bytes: ArrayBuffer) => `-----BEGIN ${label}-----\n${b64(bytes).replace(/(.{64})/g, '$1\n').trim()}\n-----END ${label}-----\n`;

if (args.includes('--keygen')) {
  const path = privateKeyPath();
  if (existsSync(path)) fail(`KIOSK_ALERT_PRIVATE_KEY_FILE: ${path} exists; refusing to overwrite a key`);
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  writeFileSync(path, pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', pair.privateKey)), { mode: 0o600, flag: 'wx' });
  const publicKey = b64(await crypto.subtle.exportKey('raw', pair.publicKey));
  console.log(`Private key written to ${path} (keep it secret, outside the repository).`);
  console.log(`Public key: ${publicKey}`);
  console.log(`Build with KIOSK_ALERT_PUBLIC_KEY=${publicKey}, or put it in content/kiosk/alert-public-key.txt.`);
} else {
  let body = '';
  try {
    body = alertBody({ zh: option('zh'), en: option('en'), expires: option('expires'), venues: option('venues') }, Date.now(), VENUES);
  } catch (e) {
    fail((e as Error).message);
  }
  const path = privateKeyPath();
  if (!existsSync(path)) fail(`KIOSK_ALERT_PRIVATE_KEY_FILE: ${path} not found; make a key pair with npm run alert -- --keygen`);
  const text = readFileSync(path, 'utf8');
  const der = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(text)?.[1];
  const key = der
    ? await crypto.subtle.importKey('pkcs8', Buffer.from(der.replace(/\s+/g, ''), 'base64'), { name: 'Ed25519' }, false, ['sign']).catch(() => null)
    : null;
  if (!key) fail(`KIOSK_ALERT_PRIVATE_KEY_FILE: ${path} is not an Ed25519 private key (PEM PRIVATE KEY)`);
  const signature = b64(await crypto.subtle.sign({ name: 'Ed25519' }, key!, new TextEncoder().encode(body)));
  const out = option('out') ?? 'alert.json';
  writeFileSync(out, `${JSON.stringify({ body, signature }, null, 2)}\n`);
  const { alerts } = JSON.parse(body) as { alerts: { expiresAt: string; venues: unknown }[] };
  console.log(`Signed alert written to ${out}, for ${JSON.stringify(alerts[0]!.venues)} until ${alerts[0]!.expiresAt}.`);
  console.log('Upload it to the site as /kiosk/alert.json; screens show it within 30 s.');
}
