// The `npm start` server (scripts/serve-dist.mjs): the same checks as nginx, and no spelling of
// `..` reaches a file outside its root.
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { raw, serverChecks } from '../support/server-checks';
import { DIST } from './dist';
import { SLOT, workerPort } from './ports';

/** Starts the server and waits for its own "Serving" line, so a server already on the port cannot answer for it. */
async function start(port: number, root: string) {
  const server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(port), '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let err = '';
    server.stderr!.on('data', (c) => (err += c));
    server.stdout!.on('data', (c) => String(c).includes('Serving') && resolve());
    server.on('exit', (code) => reject(new Error(`serve-dist exited with ${code} on port ${port}: ${err}`)));
  });
  return server;
}

test.describe('npm start serves the built site', () => {
  let server: ChildProcess | undefined;
  let port = 0;
  test.beforeAll(async () => {
    port = workerPort(SLOT.serve);
    server = await start(port, DIST);
  });
  test.afterAll(() => {
    server?.kill();
  });
  serverChecks(() => `http://127.0.0.1:${port}`);
});

test.describe('npm start stays inside its root', () => {
  const SECRET = 'SECRET-OUTSIDE-ROOT';
  let server: ChildProcess | undefined;
  let dir = '';
  test.beforeAll(async () => {
    // site/ is the root; site-other/ shares its name as a prefix, as dist-other/ would with dist/.
    dir = mkdtempSync(join(tmpdir(), 'fanzha-serve-'));
    for (const folder of ['site/en/404', 'site/a', 'site-other']) mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, 'site/index.html'), '<!doctype html><html lang="zh-CN"><title>home</title></html>');
    writeFileSync(join(dir, 'site/404.html'), '<!doctype html><html lang="zh-CN"><title>404</title></html>');
    writeFileSync(join(dir, 'site/en/404/index.html'), '<!doctype html><html lang="en"><title>404</title></html>');
    writeFileSync(join(dir, 'site/a/index.html'), '<!doctype html><html lang="zh-CN"><title>a</title></html>');
    for (const file of ['secret.txt', 'site-other/secret.txt', 'site-other/index.html']) writeFileSync(join(dir, file), SECRET);
    for (const file of ['secret.txt.gz', 'secret.txt.br']) writeFileSync(join(dir, file), SECRET);
    server = await start(workerPort(SLOT.serveRoot), join(dir, 'site'));
  });
  test.afterAll(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const attempts = [
    '/../secret.txt',
    '/a/../../secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/.%2e/secret.txt',
    '/%2e./secret.txt',
    '/a/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/%c0%ae%c0%ae%c0%afsecret.txt',
    '/..%00/secret.txt',
    '/..%2fsite-other/secret.txt',
    '/..%2Fsite-other/',
    '/../site-other/secret.txt',
    '/%2e%2e%2fsite-other%2fsecret.txt',
    '//../secret.txt',
    '/./../secret.txt',
    '/..;/secret.txt',
    `/${'..%2f'.repeat(12)}etc%2fpasswd`,
    `/${'../'.repeat(12)}etc/passwd`,
    'http://127.0.0.1/../secret.txt',
  ];
  for (const path of attempts) {
    test(`${path} stays inside the root`, async () => {
      for (const encoding of ['identity', 'gzip, br']) {
        const res = await raw(`http://127.0.0.1:${workerPort(SLOT.serveRoot)}`, path, { 'Accept-Encoding': encoding });
        expect([400, 404], `${path} (${encoding})`).toContain(res.status);
        expect(res.body.toString()).not.toContain(SECRET);
        expect(res.body.toString()).not.toContain('root:');
      }
    });
  }

  test('the root itself is served, so the refusals above are not a dead server', async () => {
    const res = await raw(`http://127.0.0.1:${workerPort(SLOT.serveRoot)}`, '/a/');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('<title>a</title>');
  });
});
