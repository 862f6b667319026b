// Writes dist/kiosk/sw.js, the kiosk screens' service worker, with Workbox.
//
// Precached: the four kiosk pages, the scripts and styles they load, the reel files
// (/kiosk/<venue>.json) and the QR codes, with Workbox's own revision hashes. The media
// (/media/*) come from a cache that answers range requests with 206 from a full cached copy;
// each kiosk page fills that cache with its whole reel after the first visit, the landscape and
// portrait cuts of every clip (a screen can be turned), each file checked against its SHA-256, so
// a reload with the network gone plays the loop.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateSW } from 'workbox-build';

const DIST = 'dist';
const venues = readdirSync(join(DIST, 'kiosk')).filter((name) => statSync(join(DIST, 'kiosk', name)).isDirectory() && name !== 'qr');
if (venues.length === 0) throw new Error('dist/kiosk/: no kiosk pages; run "astro build" first');

// The assets each kiosk page loads, read from the built HTML.
const assets = new Set();
for (const venue of venues) {
  const html = readFileSync(join(DIST, 'kiosk', venue, 'index.html'), 'utf8');
  for (const m of html.matchAll(/(?:src|href)="\/(_astro\/[^"]+)"/g)) assets.add(m[1]);
  for (const m of html.matchAll(/(?:src|href)="\/(favicon\.svg)"/g)) assets.add(m[1]);
}
// Scripts can import shared chunks.
for (const file of [...assets].filter((a) => a.endsWith('.js'))) {
  for (const m of readFileSync(join(DIST, file), 'utf8').matchAll(/["'](?:\.\/|\/_astro\/)([\w.-]+\.js)["']/g)) assets.add(`_astro/${m[1]}`);
}

const { count, size, warnings } = await generateSW({
  globDirectory: DIST,
  globPatterns: [...venues.map((v) => `kiosk/${v}/index.html`), 'kiosk/*.json', 'kiosk/qr/**/*.svg', ...assets],
  globIgnores: ['kiosk/alert.json'],
  swDest: join(DIST, 'kiosk/sw.js'),
  mode: 'production',
  inlineWorkboxRuntime: true,
  sourcemap: false,
  skipWaiting: true,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  // Manifest URLs are relative to the worker (/kiosk/); make them absolute site paths.
  modifyURLPrefix: { '': '/' },
  directoryIndex: 'index.html',
  // ?at=, ?lang= and ?debug= all open the same cached page.
  ignoreURLParametersMatching: [/.*/],
  runtimeCaching: [
    {
      urlPattern: ({ url }) => url.pathname.startsWith('/media/'),
      handler: 'CacheFirst',
      options: {
        cacheName: 'kiosk-media',
        rangeRequests: true,
        matchOptions: { ignoreSearch: true, ignoreVary: true },
        // Only the kiosk page writes this cache, after checking each file's SHA-256 against the
        // reel (src/kiosk/offline.ts); a response from the network passes through unstored.
        plugins: [{ cacheWillUpdate: async () => null }],
      },
    },
  ],
});
for (const warning of warnings) console.warn(`kiosk-sw: ${warning}`);
if (count < venues.length + assets.size) throw new Error(`kiosk-sw: precached ${count} files, expected at least ${venues.length + assets.size}`);
console.log(`kiosk-sw: dist/kiosk/sw.js precaches ${count} files (${(size / 1024).toFixed(0)} KB) for ${venues.join(', ')}`);
