// Kiosk figures for npm run bench: transition gaps, and heap and DOM growth over 100
// transitions, for this site's kiosk player and, side by side, for video.js + videojs-playlist
// (the usual way to loop clips) playing the same short test clips.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';

const FIXTURES = 'tests/fixtures/kiosk';
const CLIPS = [1, 2, 3].map((i) => ({ id: `short-${i}`, src: `/media/short-${i}.mp4`, seconds: 1 }));
const WARM_UP = 10;
const TRANSITIONS = 100;

/** A site root with the built kiosk page playing the short clips, and the baseline page. */
function benchRoot(dist) {
  const root = mkdtempSync(join(tmpdir(), 'fz-kiosk-bench-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>bench</title>');
  symlinkSync(resolve(dist, '_astro'), join(root, '_astro'));
  mkdirSync(join(root, 'media'));
  for (const c of CLIPS) {
    copyFileSync(join(FIXTURES, `${c.id}.mp4`), join(root, 'media', `${c.id}.mp4`));
    copyFileSync(join(FIXTURES, `${c.id}.zh.vtt`), join(root, 'media', `${c.id}.zh.vtt`));
  }
  const data = {
    venue: 'bank',
    reels: [{ key: 'default', clips: CLIPS.map((c) => ({ id: c.id, src: c.src, captions: { zh: `/media/${c.id}.zh.vtt`, en: `/media/${c.id}.zh.vtt` }, poster: '', durationSeconds: c.seconds })) }],
    schedule: [],
    media: [],
  };
  const kiosk = readFileSync(join(dist, 'kiosk/bank/index.html'), 'utf8').replace(
    /(<script type="application\/json" data-kiosk="data"[^>]*>)[\s\S]*?(<\/script>)/,
    (_, open, close) => `${open}${JSON.stringify(data)}${close}`,
  );
  mkdirSync(join(root, 'kiosk/bank'), { recursive: true });
  writeFileSync(join(root, 'kiosk/bank/index.html'), kiosk);
  mkdirSync(join(root, 'vendor'));
  copyFileSync('node_modules/video.js/dist/video.min.js', join(root, 'vendor/video.min.js'));
  copyFileSync('node_modules/video.js/dist/video-js.min.css', join(root, 'vendor/video-js.min.css'));
  copyFileSync('node_modules/videojs-playlist/dist/videojs-playlist.min.js', join(root, 'vendor/videojs-playlist.min.js'));
  mkdirSync(join(root, 'baseline'));
  writeFileSync(
    join(root, 'baseline/index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/vendor/video-js.min.css"></head>
<body style="margin:0;background:#000"><video-js id="p" muted playsinline preload="auto" width="1280" height="720"></video-js>
<script src="/vendor/video.min.js"></script><script src="/vendor/videojs-playlist.min.js"></script>
<script>
const p = videojs('p', { muted: true, autoplay: 'muted', controls: false });
p.playlist(${JSON.stringify(CLIPS.map((c) => ({ sources: [{ src: c.src, type: 'video/mp4' }] })))});
p.playlist.autoadvance(0);
p.playlist.repeat(true);
</script></body></html>`,
  );
  return root;
}

/**
 * Runs in the page: samples every animation frame and, for each transition (the visible video
 * changes source), adds up the frames around it in which no visible video was playing and
 * advancing. Resolves after `count` transitions.
 */
function sampler(count) {
  return new Promise((resolve) => {
    const gaps = [];
    const seen = new WeakMap();
    /** [time, ms] of recent frames with nothing moving on screen. */
    let bad = [];
    let src = null;
    let last = performance.now();
    const pending = [];
    const frame = (now) => {
      const v = document.elementsFromPoint(innerWidth / 3, innerHeight / 3).find((el) => el instanceof HTMLVideoElement) ?? null;
      const ok = !!v && !v.paused && !v.ended && v.readyState >= 2 && v.currentTime > (seen.get(v) ?? -1);
      for (const el of document.querySelectorAll('video')) seen.set(el, el.currentTime);
      if (!ok) bad.push([now, now - last]);
      bad = bad.filter(([t]) => now - t < 1500);
      if (v && v.currentSrc !== src) {
        if (src !== null) pending.push(now);
        src = v.currentSrc;
      }
      // A transition's gap: still frames from 600 ms before the new source to 400 ms after.
      while (pending.length && now - pending[0] >= 400) {
        const at = pending.shift();
        gaps.push(bad.filter(([t]) => t >= at - 600 && t <= at + 400).reduce((sum, [, ms]) => sum + ms, 0));
      }
      last = now;
      if (gaps.length >= count) return resolve(gaps);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return { heap: usedSize, nodes };
}

async function measure(browser, base, path) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  await page.evaluate(sampler, WARM_UP);
  const before = await memory(page);
  const gaps = await page.evaluate(sampler, TRANSITIONS);
  const after = await memory(page);
  const media = await page.evaluate(() => document.querySelectorAll('video, audio').length);
  await context.close();
  return { gaps, before, after, media };
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
    for (const [name, path] of [['this kiosk (two stacked <video>)', '/kiosk/bank/'], ['video.js 8 + videojs-playlist 5', '/baseline/']]) {
      const { gaps, before, after, media } = await measure(browser, base, path);
      rows.push([
        name,
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
