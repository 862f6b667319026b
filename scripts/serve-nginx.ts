#!/usr/bin/env node
// Serves dist/ with Debian's nginx and the build's own server block (dist/nginx/fanzha.conf),
// changed only to listen on 127.0.0.1:<port> and to use this dist/ as its root. The browser
// tests run against it, so they check the configuration that is deployed.
// Usage: node scripts/serve-nginx.ts [--port 4321] [--root dist]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INSTALL_COMMAND, NGINX, hasNginx, localServerBlock, writeMainConfig } from './nginx.ts';

const args = Object.fromEntries(
  process.argv.slice(2).reduce<[string, string][]>((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]!]] : pairs), []),
);
const port = Number(args.port ?? 4321);
const root = resolve(args.root ?? 'dist');
const blockFile = join(root, 'nginx', 'fanzha.conf');

if (!hasNginx()) {
  console.error(`serve-nginx: nginx was not found at ${NGINX}. Install it with:\n  ${INSTALL_COMMAND}`);
  process.exit(1);
}
if (!existsSync(blockFile)) {
  console.error(`serve-nginx: ${blockFile} not found. Run "npm run build" first.`);
  process.exit(1);
}

const prefix = mkdtempSync(join(tmpdir(), 'fanzha-nginx-'));
const local = join(prefix, 'fanzha.conf');
writeFileSync(local, localServerBlock(readFileSync(blockFile, 'utf8'), port, root));
const conf = writeMainConfig(prefix, local, readFileSync(local, 'utf8'));

const nginx = spawn(NGINX, ['-p', prefix, '-c', conf], { stdio: 'inherit' });
console.log(`Serving ${root} with nginx at http://127.0.0.1:${port}/`);
const cleanUp = () => rmSync(prefix, { recursive: true, force: true });
nginx.on('exit', (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 0 : 1));
});
// nginx stops at once on TERM and INT; pass them on.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => nginx.kill(signal));
// If whoever started this dies without a word (a test runner killed by a timeout), stop too,
// rather than leave nginx holding the port.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && nginx.kill('SIGTERM'), 1000);
