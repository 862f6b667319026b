import { kioskReportUrl } from './kiosk-report.ts';
import { HEADER_CONTENT_SECURITY_POLICY, kioskContentSecurityPolicy, QUERY_PAGES, REFERRER_POLICY, referrerPolicyFor } from './security.ts';

/**
 * The response headers of every path, written once. `npm run build` turns these rules into
 * `dist/_headers` (Cloudflare Pages, Netlify) and `dist/nginx/fanzha.conf`, and `npm start`
 * applies them directly, so no server can send something the others do not.
 */

/** A header value, or null: the path must not carry a header an enclosing rule sends. */
export type HeaderValue = string | null;

export interface HeaderRule {
  /** A URL path. Ending in `/`, the rule covers that folder and everything below it; otherwise that one path. */
  path: string;
  /** Why the rule exists; written as a comment into the generated files. */
  why: string;
  /** Header name → value; the more specific rule wins, header by header. */
  headers: Readonly<Record<string, HeaderValue>>;
}

const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';
const FRAMEABLE = {
  'Content-Security-Policy': `${HEADER_CONTENT_SECURITY_POLICY}; frame-ancestors *`,
  'X-Frame-Options': null,
};

export const HEADER_RULES: readonly HeaderRule[] = [
  {
    path: '/',
    why: 'Every response: the directives every page shares plus framing, which only a header can forbid; pages are revalidated on each visit.',
    headers: {
      'Content-Security-Policy': `${HEADER_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': REFERRER_POLICY,
      'Permissions-Policy': PERMISSIONS_POLICY,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Strict-Transport-Security': 'max-age=31536000',
      'Cache-Control': 'no-cache',
    },
  },
  { path: '/embed/', why: 'Clip embeds are made to be framed by school sites: any origin may frame them.', headers: FRAMEABLE },
  { path: '/en/embed/', why: 'Clip embeds are made to be framed by school sites: any origin may frame them.', headers: FRAMEABLE },
  {
    path: '/_astro/',
    why: 'Scripts and styles are named by their content hash, so a name never changes content.',
    headers: { 'Cache-Control': 'public, max-age=31536000, immutable' },
  },
  {
    path: '/media/',
    why: 'Clips, captions and posters change only when they are rendered again; phones and screens keep them a week.',
    headers: { 'Cache-Control': 'public, max-age=604800' },
  },
  ...QUERY_PAGES.map((path) => ({
    path,
    why: 'The address carries the words a reader searched for: no referrer leaves the page, and nginx logs no request for it.',
    headers: { 'Referrer-Policy': referrerPolicyFor(path) },
  })),
  { path: '/kiosk/alert.json', why: 'Screens must see a new alert at once.', headers: { 'Cache-Control': 'no-cache' } },
  { path: '/kiosk/sw.js', why: 'Screens must pick up a new service worker at once.', headers: { 'Cache-Control': 'no-cache' } },
  ...kioskReportRules(kioskReportUrl()),
];

/** With KIOSK_REPORT_URL set, kiosk pages may post their heartbeat to that one origin. */
function kioskReportRules(reportUrl: string | null): HeaderRule[] {
  if (!reportUrl) return [];
  const why = 'Screens post their heartbeat to the receiver KIOSK_REPORT_URL names, and to no other origin.';
  return [{ path: '/kiosk/', why, headers: { 'Content-Security-Policy': `${kioskContentSecurityPolicy(reportUrl, HEADER_CONTENT_SECURITY_POLICY)}; frame-ancestors 'none'` } }];
}

/**
 * Files operators replace on the server by hand. The build writes no .br/.gz beside them and
 * nginx sends them as they are: a compressed copy of the old file would be sent instead.
 */
export const REPLACED_ON_SERVER = ['/kiosk/alert.json'] as const;

/** Files the build writes for the servers themselves; no server hands them out. */
export const PRIVATE_PATHS = ['/_headers', '/nginx/'] as const;

/** The type of every kind of file the site serves, by extension; the build fails on a file of another kind. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  xml: 'application/xml',
  xsl: 'application/xml',
  txt: 'text/plain',
  vtt: 'text/vtt',
  webmanifest: 'application/manifest+json',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  ico: 'image/x-icon',
  mp4: 'video/mp4',
  webm: 'video/webm',
  woff2: 'font/woff2',
  pdf: 'application/pdf',
  wasm: 'application/wasm',
  // Pagefind's index chunks, already compressed by Pagefind.
  pf_fragment: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pagefind: 'application/octet-stream',
};

/** Text types: served as UTF-8, and precompressed as .br and .gz by the build. */
export const isTextType = (type: string) => /^text\/|[/+](json|xml|javascript)$|^image\/svg\+xml$/.test(type);

/** The Content-Type header for a file name, with the charset for text; undefined for an unknown kind. */
export function contentTypeOf(fileName: string): string | undefined {
  const type = CONTENT_TYPES[/\.([^./]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''];
  if (!type) return undefined;
  return isTextType(type) ? `${type}; charset=utf-8` : type;
}

const matches = (rulePath: string, urlPath: string) => (rulePath.endsWith('/') ? urlPath.startsWith(rulePath) : urlPath === rulePath);

/** Throws, naming the rule, on a rule without a path, a malformed header, or two values for one path and header. */
export function checkRules(rules: readonly HeaderRule[]): void {
  const seen = new Map<string, HeaderValue>();
  for (const [i, rule] of rules.entries()) {
    const name = `header rule ${i + 1} (${JSON.stringify(rule.why ?? '')})`;
    if (typeof rule.path !== 'string' || !rule.path.startsWith('/')) throw new Error(`${name}: names no path (got ${JSON.stringify(rule.path)})`);
    if (/[\s*?#"$\\]/.test(rule.path)) throw new Error(`${name}: path ${rule.path}: use a plain path, without wildcards, quotes or spaces`);
    if (!rule.why?.trim()) throw new Error(`${name}: path ${rule.path}: say why the rule exists`);
    if (Object.keys(rule.headers).length === 0) throw new Error(`${name}: path ${rule.path}: sets no header`);
    for (const [header, value] of Object.entries(rule.headers)) {
      if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(header)) throw new Error(`${name}: path ${rule.path}: bad header name ${JSON.stringify(header)}`);
      if (value !== null && (!value.trim() || /["$\\\r\n]/.test(value))) {
        throw new Error(`${name}: path ${rule.path}: ${header}: the value must be one line without quotes, $ or \\ (got ${JSON.stringify(value)})`);
      }
      const key = `${rule.path}\n${header.toLowerCase()}`;
      if (seen.has(key) && seen.get(key) !== value) {
        throw new Error(`${name}: path ${rule.path}: ${header} is ${JSON.stringify(value)} here and ${JSON.stringify(seen.get(key))} in an earlier rule for the same path`);
      }
      seen.set(key, value);
    }
  }
}

/** The headers a response for `urlPath` carries: every matching rule, the more specific one winning. */
export function headersFor(urlPath: string, rules: readonly HeaderRule[] = HEADER_RULES): Record<string, string> {
  const byName = new Map<string, [string, HeaderValue]>();
  const applicable = rules.filter((r) => matches(r.path, urlPath)).sort((a, b) => a.path.length - b.path.length);
  for (const rule of applicable) {
    for (const [header, value] of Object.entries(rule.headers)) byName.set(header.toLowerCase(), [header, value]);
  }
  const out: Record<string, string> = {};
  for (const [header, value] of byName.values()) if (value !== null) out[header] = value;
  return out;
}

const valueOf = (headers: Record<string, string>, name: string) =>
  Object.entries(headers).find(([h]) => h.toLowerCase() === name.toLowerCase())?.[1];

/** Folders and files of the built site, as a tree. */
interface Tree {
  files: string[];
  dirs: Map<string, Tree>;
}
function treeOf(filePaths: readonly string[]): Tree {
  const root: Tree = { files: [], dirs: new Map() };
  for (const path of filePaths) {
    const parts = path.replace(/^\//, '').split('/');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      if (!node.dirs.has(part)) node.dirs.set(part, { files: [], dirs: new Map() });
      node = node.dirs.get(part)!;
    }
    node.files.push(parts.at(-1)!);
  }
  return root;
}

/** Cloudflare Pages accepts at most this many rules in `_headers`. */
export const HEADERS_FILE_MAX_RULES = 100;

/**
 * `_headers` for Cloudflare Pages and Netlify. Cloudflare applies every rule that matches a path
 * and joins repeated headers with a comma; Netlify lets the later rule win; neither knows an
 * override. So each header is written only where one rule matches: a header that differs below
 * a folder is listed for that folder's own entries instead of `/folder/*`. `files` are the URL
 * paths of every built file (`/scams/x/index.html`).
 */
export function headersFile(files: readonly string[], rules: readonly HeaderRule[] = HEADER_RULES): string {
  checkRules(rules);
  const tree = treeOf(files);
  const blocks = new Map<string, Map<string, string>>();
  const put = (pattern: string, header: string, value: string | undefined) => {
    if (value === undefined) return;
    if (!blocks.has(pattern)) blocks.set(pattern, new Map());
    blocks.get(pattern)!.set(header, value);
  };
  const names = new Map<string, string>();
  for (const rule of rules) for (const h of Object.keys(rule.headers)) if (!names.has(h.toLowerCase())) names.set(h.toLowerCase(), h);

  for (const header of names.values()) {
    // Paths where this header changes from what the enclosing rule sends.
    const turns = rules
      .filter((r) => Object.keys(r.headers).some((h) => h.toLowerCase() === header.toLowerCase()))
      .map((r) => r.path)
      .filter((path) => {
        const inherited = valueOf(headersFor(path, rules.filter((r) => r.path !== path)), header);
        return inherited !== valueOf(headersFor(path, rules), header);
      });
    const at = (path: string) => valueOf(headersFor(path, rules), header);
    const walk = (dir: string, node: Tree | undefined) => {
      if (!turns.some((t) => t !== dir && t.startsWith(dir))) {
        put(`${dir}*`, header, at(dir));
        return;
      }
      put(dir, header, at(dir));
      const exact = new Set([...(node?.files ?? []).map((f) => dir + f), ...turns.filter((t) => !t.endsWith('/') && t.startsWith(dir) && !t.slice(dir.length).includes('/'))]);
      for (const path of [...exact].sort()) put(path, header, at(path));
      const dirs = new Set([...(node?.dirs.keys() ?? [])].map((d) => `${dir}${d}/`));
      for (const t of turns) if (t.startsWith(dir) && t !== dir) dirs.add(dir + t.slice(dir.length).split('/')[0] + '/');
      for (const sub of [...dirs].sort()) walk(sub, node?.dirs.get(sub.slice(dir.length, -1)));
    };
    walk('/', tree);
  }

  if (blocks.size > HEADERS_FILE_MAX_RULES) {
    throw new Error(`_headers: ${blocks.size} rules, more than the ${HEADERS_FILE_MAX_RULES} Cloudflare Pages accepts; add fewer top-level folders or header rules`);
  }
  const order = [...blocks.keys()].sort((a, b) => (a === '/*' ? -1 : b === '/*' ? 1 : a.localeCompare(b)));
  const lines = [
    '# Response headers for Cloudflare Pages, Netlify and hosts that read _headers the same way.',
    '# Written by `npm run build` from src/lib/headers.ts: change the rules there, not here.',
    '# Every header is listed under exactly one pattern that matches a path, because these hosts',
    '# apply all matching patterns and join or replace repeated headers.',
  ];
  for (const pattern of order) {
    lines.push(pattern);
    for (const [header, value] of blocks.get(pattern)!) lines.push(`  ${header}: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface NginxOptions {
  /** The `listen` parameters: a port or address:port, optionally followed by ssl, http2, default_server. */
  listen: string;
  /** The folder the built site is copied to. */
  root: string;
  /** server_name; `_` answers any host name. */
  serverName: string;
  /** Whether nginx has the brotli_static module (Debian: libnginx-mod-http-brotli-static). */
  brotli: boolean;
  /** Files included inside the block, for what only the server knows (TLS certificates); a pattern that matches nothing is fine. */
  include?: string;
}

const nginxLocation = (path: string) => (path === '/' ? 'location /' : path.endsWith('/') ? `location ^~ ${path}` : `location = ${path}`);

/**
 * An nginx `server {}` block: every rule's headers with `add_header … always` (nginx drops
 * the enclosing level's add_header lines in a location that has its own, so each location
 * lists all of its headers), the 404 page of the path's language, the site's file types, and
 * precompressed .br/.gz files served as they are.
 */
export function nginxConfig(options: NginxOptions, rules: readonly HeaderRule[] = HEADER_RULES): string {
  checkRules(rules);
  const { listen, root, serverName, brotli, include } = options;
  if (!/^[\w.:[\]]+( (ssl|http2|default_server|reuseport))*$/.test(listen)) throw new Error(`nginx: listen: not an address or port: ${JSON.stringify(listen)}`);
  if (!/^\/[^\s;"'{}$]*$/.test(root)) throw new Error(`nginx: root: not an absolute path without spaces: ${JSON.stringify(root)}`);
  if (include !== undefined && !/^\/[^\s;"'{}$]*$/.test(include)) throw new Error(`nginx: include: not an absolute path without spaces: ${JSON.stringify(include)}`);
  if (!/^[\w.*-]+$/.test(serverName)) throw new Error(`nginx: server_name: not a host name: ${JSON.stringify(serverName)}`);

  const notFound = (path: string) => (path.startsWith('/en/') ? '/en/404/' : '/404.html');
  const why = new Map<string, string[]>();
  for (const rule of rules) why.set(rule.path, [...(why.get(rule.path) ?? []), rule.why]);
  const paths = [...new Set(['/', '/en/', ...rules.map((r) => r.path)])].sort();

  const textTypes = [...new Set(Object.values(CONTENT_TYPES).filter(isTextType))].filter((t) => t !== 'text/html');
  const types = new Map<string, string[]>();
  for (const [ext, type] of Object.entries(CONTENT_TYPES)) types.set(type, [...(types.get(type) ?? []), ext]);

  const out = [
    '# nginx server block for the 反诈 site, written by `npm run build` from src/lib/headers.ts.',
    '# Change the rules there, not here. Include this file from the http {} block',
    '# (Debian: copy it to /etc/nginx/sites-enabled/) and set listen, server_name and root.',
    'server {',
    `    listen ${listen};`,
    `    server_name ${serverName};`,
    `    root ${root};`,
    '    index index.html;',
    '    server_tokens off;',
    '    # Redirects (a folder without its slash) keep the host and port the client used.',
    '    absolute_redirect off;',
    '',
    '    # Only the types the site uses; everything else is a download.',
    '    types {',
    ...[...types].map(([type, exts]) => `        ${type} ${exts.join(' ')};`),
    '    }',
    '    default_type application/octet-stream;',
    '    charset utf-8;',
    `    charset_types ${textTypes.join(' ')};`,
    '',
    '    # The build writes .gz and .br beside every text file; send them as they are.',
    '    gzip_static on;',
    '    gzip_vary on;',
    '    gzip_proxied any;',
    brotli ? '    brotli_static on;' : '    # brotli_static: this build found no brotli module (Debian: libnginx-mod-http-brotli-static).',
    '',
    '    error_page 404 /404.html;',
    ...(include ? ['', '    # The server\'s own lines, such as ssl_certificate and ssl_certificate_key.', `    include ${include};`] : []),
  ];
  for (const path of paths) {
    out.push('');
    for (const line of why.get(path) ?? [path === '/en/' ? 'English pages: the English 404 page.' : '']) if (line) out.push(`    # ${line}`);
    out.push(`    ${nginxLocation(path)} {`);
    for (const [header, value] of Object.entries(headersFor(path, rules))) out.push(`        add_header ${header} "${value}" always;`);
    if ((REPLACED_ON_SERVER as readonly string[]).includes(path)) out.push('        gzip_static off;', ...(brotli ? ['        brotli_static off;'] : []));
    if ((QUERY_PAGES as readonly string[]).includes(path)) out.push('        access_log off;');
    out.push(`        error_page 404 ${notFound(path)};`);
    out.push('    }');
  }
  out.push('');
  out.push('    # What the build writes for servers is not for readers.');
  for (const path of PRIVATE_PATHS) out.push(`    ${nginxLocation(path)} { return 404; }`);
  out.push('}');
  return `${out.join('\n')}\n`;
}
