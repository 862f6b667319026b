// Kiosk figures for npm run bench: transition gaps, and heap and DOM growth over 100
// transitions, for this site's kiosk player and, side by side, for video.js + videojs-playlist
// (the usual way to loop clips) playing the same short test clips.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { CLIPS, kioskFixtureRoot, memory } from './kiosk-fixture.mjs';
import { defineTransitionSampler } from './transition-sampler.mjs';

const WARM_UP = 10;
const TRANSITIONS = 100;

/** A site root with the built kiosk page playing the short clips, and the baseline page. */
function benchRoot(dist) {
  const root = kioskFixtureRoot(dist, 'bench');
  mkdirSync(join(root, 'vendor'));
  copyFileSync('node_modules/video.js/dist/video.min.js', join(root, 'vendor/video.min.js'));
  copyFileSync('node_modules/video.js/dist/video-js.min.css', join(root, 'vendor/video-js.min.css'));
  copyFileSync('node_modules/videojs-playlist/dist/videojs-playlist.min.js', join(root, 'vendor/videojs-playlist.min.js'));
  mkdirSync(join(root, 'baseline'));
  // Its own script and style files: the server sends the site's CSP, which refuses inline
  // scripts and the inline styles video.js would size its player with.
  writeFileSync(join(root, 'baseline/style.css'), 'body { margin: 0; background: #000; }\n#p, #p video { display: block; width: 1280px; height: 720px; }\n');
  writeFileSync(
    join(root, 'baseline/start.js'),
    `const p = videojs('p', { muted: true, autoplay: 'muted', controls: false });
p.playlist(${JSON.stringify(CLIPS.map((c) => ({ sources: [{ src: c.src, type: 'video/mp4' }] })))});
p.playlist.autoadvance(0);
p.playlist.repeat(true);
`,
  );
  writeFileSync(
    join(root, 'baseline/index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/vendor/video-js.min.css"><link rel="stylesheet" href="/baseline/style.css"></head>
<body><video-js id="p" muted playsinline preload="auto" width="1280" height="720"></video-js>
<script src="/vendor/video.min.js"></script><script src="/vendor/videojs-playlist.min.js"></script><script src="/baseline/start.js"></script>
</body></html>`,
  );
  return root;
}

/**
 * Runs in the page: resolves with the gaps of the next `count` transitions, in ms, and which cuts
 * were on top meanwhile (`portrait` for files named *.portrait.mp4, else `landscape`).
 */
function gapsOf(count) {
  return new Promise((resolve) => {
    const gaps = [];
    const cuts = new Set();
    // The baseline lays its controls over its video: look under them.
    const sampler = window.transitionSampler({ through: true, onGap: (_, ms) => gaps.push(ms) });
    const frame = (now) => {
      const { video } = sampler.frame(now);
      if (video?.currentSrc) cuts.add(/\.portrait\.mp4(\?|$)/.test(video.currentSrc) ? 'portrait' : 'landscape');
      if (gaps.length >= count) return resolve({ gaps: gaps.slice(0, count), cuts: [...cuts].sort().join(' + ') });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** A landscape screen, and a portrait one, on which the kiosk plays the portrait cuts. */
const LANDSCAPE = { width: 1280, height: 720 };
const PORTRAIT = { width: 720, height: 1280 };

async function measure(browser, base, path, viewport) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  await page.evaluate(defineTransitionSampler);
  await page.evaluate(gapsOf, WARM_UP);
  const before = await memory(page);
  const { gaps, cuts } = await page.evaluate(gapsOf, TRANSITIONS);
  const after = await memory(page);
  const media = await page.evaluate(() => document.querySelectorAll('video, audio').length);
  await context.close();
  return { gaps, cuts, before, after, media };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Measures both players and returns table rows. */
export async function kioskBench(browser, dist = 'dist') {
  const root = benchRoot(dist);
  const port = Number(process.env.KIOSK_BENCH_PORT ?? 4393);
  const server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(port), '--root', root], { stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      if (await fetch(`${base}/`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const rows = [];
    const players = [
      ['this kiosk (two stacked <video>), landscape', '/kiosk/bank/', LANDSCAPE],
      ['this kiosk, portrait screen (portrait cuts)', '/kiosk/bank/', PORTRAIT],
      ['video.js 8 + videojs-playlist 5', '/baseline/', LANDSCAPE],
    ];
    for (const [name, path, viewport] of players) {
      const { gaps, cuts, before, after, media } = await measure(browser, base, path, viewport);
      rows.push([
        name,
        `${viewport.width}×${viewport.height}, ${cuts}`,
        String(gaps.length),
        `${median(gaps).toFixed(0)} ms`,
        `${Math.max(...gaps).toFixed(0)} ms`,
        `${gaps.filter((g) => g > 0).length}`,
        `${(before.heap / 1048576).toFixed(1)} → ${(after.heap / 1048576).toFixed(1)} MB (${(after.heap / before.heap).toFixed(2)}×)`,
        `${before.nodes} → ${after.nodes} (${(after.nodes / before.nodes).toFixed(2)}×)`,
        String(media),
      ]);
    }
    return rows;
  } finally {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
}
