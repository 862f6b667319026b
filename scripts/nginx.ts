// Runs Debian's nginx on the generated server block (dist/nginx/fanzha.conf) without root paths:
// the build tests the block with `nginx -t`, the browser tests serve dist/ with it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
/** The Debian packages the tests need: nginx itself and its brotli_static module. */
export const NGINX_PACKAGES = ['nginx-light', 'libnginx-mod-http-brotli-static'];
export const INSTALL_COMMAND = `sudo apt-get update && sudo apt-get install -y ${NGINX_PACKAGES.join(' ')}`;

export const hasNginx = () => existsSync(NGINX);

/** A `--name=value` option nginx was built with. */
function buildOption(name: string): string | undefined {
  const out = spawnSync(NGINX, ['-V'], { encoding: 'utf8' });
  return new RegExp(`--${name}=(\\S+)`).exec(`${out.stdout}${out.stderr}`)?.[1];
}

/**
 * The brotli_static module as Debian enables it: a `load_module` line in
 * /etc/nginx/modules-enabled/*.conf (installed by libnginx-mod-http-brotli-static), as an
 * absolute path; null when this nginx has no such module enabled.
 */
export function brotliModule(dir = '/etc/nginx/modules-enabled'): string | null {
  if (!existsSync(dir) || !hasNginx()) return null;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.conf')).sort()) {
    const line = /^\s*load_module\s+(\S*ngx_http_brotli_static_module\.so)\s*;/m.exec(readFileSync(join(dir, name), 'utf8'));
    if (!line) continue;
    const file = isAbsolute(line[1]!) ? line[1]! : resolve(buildOption('prefix') ?? '/usr/share/nginx', line[1]!);
    if (existsSync(file)) return file;
  }
  return null;
}

/** Whether a server block turns brotli_static on. */
export const usesBrotli = (serverBlock: string) => /^\s*brotli_static\s+on\s*;/m.test(serverBlock);

/**
 * Writes a main nginx.conf in `prefix` that includes the server block, with every path nginx
 * writes kept in `prefix`, in the foreground, as one process (nothing is left behind when the
 * tests stop it).
 */
export function writeMainConfig(prefix: string, serverBlockFile: string, serverBlock: string): string {
  mkdirSync(join(prefix, 'tmp'), { recursive: true });
  const module = usesBrotli(serverBlock) ? brotliModule() : null;
  if (usesBrotli(serverBlock) && !module) {
    throw new Error(`${serverBlockFile} uses brotli_static, but nginx has no brotli module enabled. Install it: ${INSTALL_COMMAND}`);
  }
  const tmp = (name: string) => `${name}_temp_path ${join(prefix, 'tmp', name)};`;
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'daemon off;',
      'master_process off;',
      `pid ${join(prefix, 'nginx.pid')};`,
      'error_log stderr warn;',
      ...(module ? [`load_module ${module};`] : []),
      'events { worker_connections 512; }',
      'http {',
      '  access_log off;',
      '  sendfile on;',
      `  ${tmp('client_body')} ${tmp('proxy')} ${tmp('fastcgi')} ${tmp('uwsgi')} ${tmp('scgi')}`,
      `  include ${resolve(serverBlockFile)};`,
      '}',
      '',
    ].join('\n'),
  );
  return conf;
}

/** `nginx -t` on a server block; throws with nginx's own message when nginx rejects it. */
export function testServerBlock(prefix: string, serverBlockFile: string): void {
  const conf = writeMainConfig(prefix, serverBlockFile, readFileSync(serverBlockFile, 'utf8'));
  const out = spawnSync(NGINX, ['-t', '-q', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  if (out.status !== 0 || /\[(warn|emerg|error)\]/.test(out.stderr)) {
    throw new Error(`${serverBlockFile}: nginx -t rejects it:\n${out.stderr.trim()}`);
  }
}

/**
 * The generated block made to serve `root` on 127.0.0.1:`port`: only its listen and root lines
 * change, and the machine's own include (TLS certificates) goes.
 */
export function localServerBlock(block: string, port: number, root: string): string {
  let replaced = 0;
  const out = block
    .replace(/^ {4}include [^;]+;$/m, '')
    .replace(/^( {4}listen )[^;]+;$/m, (_, head) => (replaced++, `${head}127.0.0.1:${port};`))
    .replace(/^( {4}root )[^;]+;$/m, (_, head) => (replaced++, `${head}${resolve(root)};`));
  if (replaced !== 2) throw new Error('the nginx server block has no listen or no root line');
  return out;
}

/** Installs Debian's nginx when running as root, like scripts/ensure-tools.mjs; otherwise stops with the command. */
export function ensureNginx(): void {
  if (hasNginx() && brotliModule()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.env.NGINX_PATH || !isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error([`nginx ${hasNginx() ? 'has no brotli_static module' : `was not found at ${NGINX}`}.`, 'The browser tests serve the site with Debian\'s nginx. Install it with:', `  ${INSTALL_COMMAND}`].join('\n'));
    process.exit(1);
  }
  console.log(`nginx is missing: installing ${NGINX_PACKAGES.join(', ')} with apt-get …`);
  // RUNLEVEL=1: the package must not start a system nginx on port 80.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...NGINX_PACKAGES], { stdio: 'inherit', env });
  if (!hasNginx() || !brotliModule()) {
    console.error(`apt-get finished but ${NGINX} or its brotli module is still missing.`);
    process.exit(1);
  }
}
