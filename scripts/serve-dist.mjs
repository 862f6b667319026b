#!/usr/bin/env node
// Serves the built site from dist/ the way a static host would: directory index pages,
// the 404 page of the right language with status 404, and byte ranges for media.
// Usage: node scripts/serve-dist.mjs [--port 4321] [--host 127.0.0.1] [--root dist]
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const port = Number(args.port ?? process.env.PORT ?? 4321);
const host = args.host ?? '127.0.0.1';
const root = resolve(args.root ?? 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

if (!existsSync(join(root, 'index.html'))) {
  console.error(`serve-dist: ${root}/index.html not found. Run "npm run build" first.`);
  process.exit(1);
}

/**
 * Rules from dist/_headers, applied the way static hosts do: every rule whose path matches, in
 * file order; a later rule replaces a header, and `! Name` removes one.
 */
function headerRules() {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\S/.test(line)) rules.push({ path: line.trim(), set: {}, remove: [] });
    else if (line.trim().startsWith('!')) rules.at(-1)?.remove.push(line.trim().slice(1).trim());
    else if (line.includes(':')) {
      const at = line.indexOf(':');
      rules.at(-1).set[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}
const HEADER_RULES = headerRules();

function headersFor(urlPath) {
  const headers = {};
  for (const rule of HEADER_RULES) {
    const matches = rule.path.endsWith('*') ? urlPath.startsWith(rule.path.slice(0, -1)) : urlPath === rule.path;
    if (!matches) continue;
    for (const name of rule.remove) delete headers[name];
    Object.assign(headers, rule.set);
  }
  return headers;
}

/** The file a URL path maps to, or null. Never leaves the root. */
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  if (!full.startsWith(root)) return null;
  for (const candidate of [full, join(full, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${host}`);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  // Directory URLs without a trailing slash redirect, as static hosts do.
  if (!extname(url.pathname) && !url.pathname.endsWith('/') && fileFor(`${url.pathname}/`)) {
    res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  let file = fileFor(url.pathname);
  let status = 200;
  if (!file) {
    status = 404;
    file = (url.pathname.startsWith('/en/') && fileFor('/en/404/')) || fileFor('/404.html');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
  }
  const size = statSync(file).size;
  const headers = {
    ...headersFor(url.pathname),
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
  };
  const range = status === 200 ? /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '') : null;
  if (range) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > end) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Length': size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
});

server.listen(port, host, () => console.log(`Serving ${root} at http://${host}:${port}/`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
