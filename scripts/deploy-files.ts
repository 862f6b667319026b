#!/usr/bin/env node
// The last step of `npm run build`: writes what servers need beside the built site, from the
// one set of header rules in src/lib/headers.ts:
//   dist/_headers             for Cloudflare Pages, Netlify and hosts that read that file;
//   dist/nginx/fanzha.conf    an nginx server block, checked with `nginx -t` when nginx is here;
//   <file>.br and <file>.gz   beside every text file, for servers that send precompressed files.
// Settings (environment): NGINX_LISTEN (80), NGINX_ROOT (/var/www/fanzha), NGINX_SERVER_NAME
// (the host of SITE_URL, else _), NGINX_INCLUDE (/etc/nginx/fanzha.d/*.conf: the server's own
// lines, such as TLS certificates), NGINX_BROTLI (on|off; default: on when this machine's nginx
// has the brotli_static module enabled, as Debian's libnginx-mod-http-brotli-static does).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { CONTENT_TYPES, HEADER_RULES, PRIVATE_PATHS, REPLACED_ON_SERVER, checkRules, headersFile, isTextType, nginxConfig } from '../src/lib/headers.ts';
import { brotliModule, hasNginx, testServerBlock } from './nginx.ts';

const DIST = 'dist';
function fail(message: string): never {
  console.error(`deploy-files: ${message}`);
  process.exit(1);
}

try {
  checkRules(HEADER_RULES);
} catch (error) {
  fail(`src/lib/headers.ts: ${(error as Error).message}`);
}

const isPrivate = (urlPath: string) => PRIVATE_PATHS.some((p) => (p.endsWith('/') ? urlPath.startsWith(p) : urlPath === p));
/** URL paths of the built site's own files, without what this script writes. */
const files: string[] = [];
const walk = (dir: string) => {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const urlPath = `/${relative(DIST, full)}`;
    if (statSync(full).isDirectory()) walk(full);
    else if (!/\.(br|gz)$/.test(name) && !isPrivate(urlPath)) files.push(urlPath);
  }
};
walk(DIST);
if (!files.includes('/index.html')) fail(`${DIST}/index.html not found: run "astro build" first`);

const extensionOf = (path: string) => /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
const unknown = files.filter((f) => !CONTENT_TYPES[extensionOf(f)]);
if (unknown.length > 0) fail(`${unknown.map((f) => DIST + f).join(', ')}: no content type for this kind of file; add its extension to CONTENT_TYPES in src/lib/headers.ts`);

// _headers
try {
  writeFileSync(join(DIST, '_headers'), headersFile(files));
} catch (error) {
  fail(`src/lib/headers.ts: ${(error as Error).message}`);
}

// nginx
const brotliSetting = process.env.NGINX_BROTLI ?? (brotliModule() ? 'on' : 'off');
if (!['on', 'off'].includes(brotliSetting)) fail(`NGINX_BROTLI: expected on or off, got ${JSON.stringify(brotliSetting)}`);
let serverName = process.env.NGINX_SERVER_NAME ?? '_';
if (!process.env.NGINX_SERVER_NAME && process.env.SITE_URL) {
  const host = new URL(process.env.SITE_URL).hostname;
  if (!/^(localhost|127\.|\[)/.test(host)) serverName = host;
}
let block: string;
try {
  block = nginxConfig({
    listen: process.env.NGINX_LISTEN ?? '80',
    root: process.env.NGINX_ROOT ?? '/var/www/fanzha',
    serverName,
    brotli: brotliSetting === 'on',
    include: process.env.NGINX_INCLUDE ?? '/etc/nginx/fanzha.d/*.conf',
  });
} catch (error) {
  fail((error as Error).message);
}
const confFile = join(DIST, 'nginx', 'fanzha.conf');
mkdirSync(join(DIST, 'nginx'), { recursive: true });
writeFileSync(confFile, block);
if (hasNginx()) {
  const prefix = mkdtempSync(join(tmpdir(), 'fanzha-nginx-t-'));
  try {
    testServerBlock(prefix, confFile);
  } catch (error) {
    fail((error as Error).message);
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}

// Precompressed copies of every text file.
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
// Brotli's best quality costs seconds per large file: worth it for the hashed scripts and styles
// every page shares and browsers keep a year; pages get a quality that keeps the build fast.
const brotliQuality = (urlPath: string) => (urlPath.startsWith('/_astro/') ? 11 : 5);
const texts = files.filter((f) => isTextType(CONTENT_TYPES[extensionOf(f)]!) && !(REPLACED_ON_SERVER as readonly string[]).includes(f));
let plain = 0;
let packed = 0;
await Promise.all(
  texts.map(async (f) => {
    const data = readFileSync(DIST + f);
    const [br, gzipped] = await Promise.all([
      brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality(f), [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
      gz(data, { level: 9 }),
    ]);
    writeFileSync(`${DIST}${f}.br`, br);
    writeFileSync(`${DIST}${f}.gz`, gzipped);
    plain += data.length;
    packed += br.length;
  }),
);
// Pagefind writes its index, metadata, WebAssembly and page texts gzip-compressed, and inflates
// them in JavaScript. The same bytes as `<file>.gz` let servers send them with
// `Content-Encoding: gzip`, so the browser inflates them natively and Pagefind, finding them
// already inflated, skips its own slower inflating.
const PAGEFIND_GZIP = /^\/pagefind\/.*\.(pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/;
const pagefindFiles = files.filter((f) => PAGEFIND_GZIP.test(f));
for (const f of pagefindFiles) {
  const data = readFileSync(DIST + f);
  if (data[0] !== 0x1f || data[1] !== 0x8b) fail(`${DIST}${f}: expected a gzip file from Pagefind`);
  writeFileSync(`${DIST}${f}.gz`, data);
}
console.log(
  `deploy-files: dist/_headers, dist/nginx/fanzha.conf (brotli_static ${brotliSetting}${hasNginx() ? ', nginx -t passed' : ', nginx not installed: not tested'}), ` +
    `.br and .gz for ${texts.length} text files (${Math.round(plain / 1024)} KB → ${Math.round(packed / 1024)} KB brotli), .gz for ${pagefindFiles.length} Pagefind files`,
);
