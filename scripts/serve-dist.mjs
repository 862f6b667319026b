#!/usr/bin/env node
// `npm start`: serves the built site from dist/ the way the production servers do, with sirv:
// the headers of src/lib/headers.ts, precompressed .br/.gz files with Content-Encoding and Vary,
// directory index pages, the 404 page of the right language with status 404, byte ranges.
// Only files that exist under the root when the server starts can be served: sirv looks every
// request up in that list, so no spelling of `..` reaches another folder.
// Usage: node scripts/serve-dist.mjs [--port 4321] [--host 127.0.0.1] [--root dist]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative, resolve } from 'node:path';
import sirv from 'sirv';
import { PRIVATE_PATHS, contentTypeOf, headersFor } from '../src/lib/headers.ts';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const port = Number(args.port ?? process.env.PORT ?? 4321);
const host = args.host ?? '127.0.0.1';
const root = resolve(args.root ?? 'dist');

if (!existsSync(join(root, 'index.html'))) {
  console.error(`serve-dist: ${root}/index.html not found. Run "npm run build" first.`);
  process.exit(1);
}

const isPrivate = (path) => PRIVATE_PATHS.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));

/** The URL path of every file under the root, as sirv sees them. */
const FILES = new Set();
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else FILES.add(`/${relative(root, full).split('\\').join('/')}`);
  }
};
walk(root);

const serve = sirv(root, {
  dev: false,
  etag: true,
  brotli: true,
  gzip: true,
  dotfiles: false,
  setHeaders(res, pathname) {
    for (const [name, value] of Object.entries(headersFor(pathname))) res.setHeader(name, value);
    const type = contentTypeOf(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (type) res.setHeader('Content-Type', type);
  },
});

/** The path sirv looks up: decoded as sirv decodes it, or null when it cannot be decoded. */
function decoded(pathname) {
  try {
    return decodeURI(pathname);
  } catch {
    return null;
  }
}

function notFound(pathname, req, res) {
  const page = pathname.startsWith('/en/') ? '/en/404/index.html' : '/404.html';
  // A root without the site's 404 page (the kiosk bench's) still gets an answer, not a crash.
  const body = existsSync(join(root, page)) ? readFileSync(join(root, page)) : Buffer.from('Not found');
  res.writeHead(404, { ...headersFor(pathname), 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = decoded(url.pathname);
  if (path === null || isPrivate(path)) {
    notFound(url.pathname, req, res);
    return;
  }
  // Directory URLs without a trailing slash redirect, as static hosts do.
  if (!path.endsWith('/') && FILES.has(`${path}/index.html`)) {
    res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  // A range sirv would misread (a suffix `bytes=-N`, several ranges, start after end) is
  // ignored and the whole file sent, as HTTP allows.
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  if (req.headers.range && (!range || (range[2] && Number(range[2]) < Number(range[1])))) delete req.headers.range;
  serve(req, res, () => notFound(path, req, res));
});

server.listen(port, host, () => console.log(`Serving ${root} at http://${host}:${port}/`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
