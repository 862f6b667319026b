// npm run bench -- --soak: the kiosk page for an hour on 1-second fixture clips (3,600
// transitions) with random faults: 404s, truncated files, stalled responses, offline spells, a
// clock jump of ±1 h and a corrupt alert file. Prints transitions with a gap over 50 ms outside
// fault windows, black frames, the time back to the wall-clock position after each fault, and
// heap and DOM nodes at the end against after warm-up. A clock jump away from true time is
// followed by one back, so the skew stays within ±1 h; the page's own reloads are counted.
// Options: --soak-minutes N (default 60), --soak-port P (default 4395), --seed S, --soak-heap DIR
// (writes heap snapshots after warm-up and at the end there, to compare what is retained).
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { CLIPS, kioskFixtureRoot, memory } from './kiosk-fixture.mjs';
import { defineTransitionSampler } from './transition-sampler.mjs';

/**
 * Heap and nodes are compared with their size after this much of the run: by then the play log has
 * reached its cap of 100 entries (one a second with 1 s clips), the browser's timing buffers are
 * full and the JIT has compiled the loop's code, so what grows after it is growth, not start-up.
 */
const WARM_UP_MS = 5 * 60_000;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.mp4': 'video/mp4', '.vtt': 'text/vtt', '.svg': 'image/svg+xml' };

/** A small seeded generator, so a soak can be repeated fault for fault. */
function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** A static server whose answers the soak can break: per-path 404s, truncation and stalls. */
function faultyServer(root, port) {
  const faults = new Map();
  const hanging = new Set();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const fault = faults.get(path);
    if (fault === 'stall') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (fault === '404') return void res.writeHead(404).end('Not found');
    if (fault === 'corrupt-alert') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"message": {"zh": "假冒', 'utf8');
    let file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      return void res.writeHead(404).end('Not found');
    }
    let body = readFileSync(file);
    if (fault === 'truncate') body = body.subarray(0, Math.floor(body.length / 2));
    const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-cache' };
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
      if (start >= body.length) return void res.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Content-Length': end - start + 1 });
      return void res.end(body.subarray(start, end + 1));
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length }).end(body);
  });
  server.listen(port, '127.0.0.1');
  return {
    set: (path, fault) => faults.set(path, fault),
    clear: (path) => {
      faults.delete(path);
      for (const res of hanging) res.destroy();
    },
    close: () => {
      for (const res of hanging) res.destroy();
      server.close();
    },
  };
}

/**
 * Runs in the page before its scripts: a Date.now() the soak can jump, and a sampler that checks
 * every animation frame for a moving video on top, transitions and their gaps, black frames and
 * the distance from the wall-clock position. Its counters are kept in sessionStorage across the
 * page's own reloads (the watchdog's, the nightly one), which it counts; times are the real wall
 * clock, since performance.now() starts again at a reload.
 */
function instrument(clipSeconds) {
  const realNow = Date.now.bind(Date);
  const KEY = 'fz-soak';
  const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  const soak = {
    skewMs: 0,
    transitions: 0,
    gaps: [],
    black: 0,
    /** Black frames in the first 3 s after a page load: the page starting, not a transition. */
    startupBlack: 0,
    windows: [],
    recoveries: [],
    pending: null,
    events: {},
    /** Kiosk events outside fault windows, with the last fault before them, to explain them. */
    unexplained: [],
    reloads: [],
    lastFault: null,
    ...saved,
    fault(name, ms, label) {
      const now = realNow();
      // The last fault not back in position by now never was before this one: count it so.
      if (this.pending) this.recoveries.push({ name: this.pending.name, label: this.pending.label, playingMs: this.pending.playingMs ?? Number.POSITIVE_INFINITY, ms: Number.POSITIVE_INFINITY });
      // Gaps up to 2 s after the fault ends still count as the fault's.
      this.windows.push([now, now + ms + 2000]);
      this.pending = { name, label, endsAt: now + ms, playingMs: null };
      this.lastFault = { label, endsAt: now + ms };
    },
    /**
     * The harness itself stops the page (garbage collection and heap snapshots for the memory
     * figures): a window from now until `done()` is called, and 2 s after, as for a fault.
     */
    measuring() {
      const window = [realNow(), Number.POSITIVE_INFINITY];
      this.windows.push(window);
      return () => (window[1] = realNow() + 2000);
    },
    /** Counting starts after the warm-up. */
    reset() {
      Object.assign(this, { transitions: 0, gaps: [], black: 0, startupBlack: 0, events: {}, unexplained: [], reloads: [] });
    },
    save() {
      const { fault, measuring, reset, save, ...data } = this;
      // Infinity does not survive JSON: a recovery that never came is stored as null.
      sessionStorage.setItem(KEY, JSON.stringify(data, (_, v) => (v === Number.POSITIVE_INFINITY ? null : v)));
    },
  };
  for (const r of soak.recoveries) for (const k of ['ms', 'playingMs']) if (r[k] === null) r[k] = Number.POSITIVE_INFINITY;
  const loadedAt = realNow();
  if (saved) soak.reloads.push({ at: new Date(loadedAt).toISOString().slice(11, 19), why: saved.lastEvent ?? 'unknown' });
  window.__soak = soak;
  addEventListener('pagehide', () => soak.save());
  Date.now = () => realNow() + soak.skewMs;
  const total = clipSeconds.reduce((a, b) => a + b, 0);
  const starts = clipSeconds.map((_, i) => clipSeconds.slice(0, i).reduce((a, b) => a + b, 0));
  const inWindow = (t) => soak.windows.some(([a, b]) => t >= a && t <= b);
  const sampler = window.transitionSampler({
    onGap(_at, ms) {
      soak.transitions++;
      if (ms > 50) soak.gaps.push({ at: realNow(), gap: ms, inFault: inWindow(realNow() - 400) });
    },
  });
  const frame = (perfNow) => {
    requestAnimationFrame(frame);
    if (!document.querySelector('[data-kiosk="root"]') || !document.querySelector('.stage')) return;
    const now = realNow();
    const { video: v, moving: ok } = sampler.frame(perfNow);
    const holding = !document.querySelector('[data-kiosk="hold"]').hidden;
    // A black frame: a video on top with no picture to show, and no hold card over it.
    if (!holding && (!v || v.readyState < 2)) {
      if (now - loadedAt < 3000) soak.startupBlack++;
      else soak.black++;
    }
    // Back after a fault: first a moving video on top, then the clip on top and its time agreeing
    // with the wall clock within 0.3 s.
    if (soak.pending && now >= soak.pending.endsAt && ok && soak.pending.playingMs === null) soak.pending.playingMs = now - soak.pending.endsAt;
    if (soak.pending && now >= soak.pending.endsAt) {
      const id = v?.dataset.clip;
      const index = id ? Number(id.replace(/\D+/g, '')) - 1 : -1;
      const expected = (Date.now() / 1000) % total;
      const at = index >= 0 ? starts[index] + v.currentTime : Number.NaN;
      const diff = Math.abs(((at - expected + total * 1.5) % total) - total / 2);
      if (ok && diff <= 0.3) {
        soak.recoveries.push({ name: soak.pending.name, label: soak.pending.label, playingMs: soak.pending.playingMs, ms: now - soak.pending.endsAt });
        soak.pending = null;
      } else if (now - soak.pending.endsAt > 55_000) {
        soak.recoveries.push({ name: soak.pending.name, label: soak.pending.label, playingMs: soak.pending.playingMs ?? Number.POSITIVE_INFINITY, ms: Number.POSITIVE_INFINITY });
        soak.pending = null;
      }
    }
  };
  requestAnimationFrame(frame);
  // What the kiosk itself did outside fault windows (skips, nudges, card, reloads), from the event
  // it notes on its root: explains a gap that no fault caused.
  new MutationObserver((records) => {
    for (const r of records) {
      const last = r.target.getAttribute('data-last-event') ?? '';
      const [event, ...rest] = last.split(' ');
      if (event === 'reload') soak.lastEvent = rest.join(' ');
      const now = realNow();
      if (!['skip', 'nudge', 'hold', 'reload'].includes(event) || inWindow(now)) continue;
      const why = event === 'skip' ? `skip: ${rest.join(' ').split(': ').slice(1).join(': ')}` : event;
      soak.events[why] = (soak.events[why] ?? 0) + 1;
      const after = soak.lastFault ? `${((now - soak.lastFault.endsAt) / 1000).toFixed(1)} s after ${soak.lastFault.label}` : 'before any fault';
      soak.unexplained.push(`${new Date(now).toISOString().slice(11, 19)} ${last} (${after})`);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-last-event'] });
}

/** Runs `measure` inside a window the soak does not count gaps in: it pauses the page. */
async function measured(page, measure) {
  await page.evaluate(() => (window.__soakDone = window.__soak.measuring()));
  try {
    return await measure();
  } finally {
    await page.evaluate(() => window.__soakDone());
  }
}

const FAULTS = ['404', 'truncate', 'stall', 'offline', 'clock+1h', 'clock-1h', 'corrupt-alert'];

/** Runs the soak and returns table rows. */
export async function kioskSoak(browser, { dist = 'dist', minutes = 60, port = 4395, seed = 20261201, heapDir = null, log = () => {} } = {}) {
  const root = kioskFixtureRoot(dist, 'soak');
  const server = faultyServer(root, port);
  const rand = random(seed);
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    // One script, so the sampler is defined before the instrument uses it.
    await page.addInitScript({ content: `(${defineTransitionSampler})();(${instrument})(${JSON.stringify(CLIPS.map((c) => c.durationSeconds))});` });
    await page.goto(`http://127.0.0.1:${port}/kiosk/bank/`);
    const endAt = Date.now() + minutes * 60_000;
    const warmUpMs = Math.min(WARM_UP_MS, (minutes * 60_000) / 4);
    const warmUpMinutes = +(warmUpMs / 60_000).toFixed(1);
    await page.waitForTimeout(warmUpMs);
    // Before the first measurement: Playwright's own script, compiled in the page at the first
    // evaluate(), would otherwise count as the kiosk's growth.
    await page.evaluate(() => window.__soak.reset());
    const before = await measured(page, () => memory(page, heapDir && join(heapDir, 'warm.heapsnapshot')));
    const counts = Object.fromEntries(FAULTS.map((f) => [f, 0]));
    // One fault a minute, at a random moment in it, lasting 5 to 15 s.
    while (Date.now() < endAt - 30_000) {
      const minuteEnd = Math.min(Date.now() + 60_000, endAt - 20_000);
      await page.waitForTimeout(rand() * Math.max(0, minuteEnd - Date.now() - 20_000));
      let fault = FAULTS[Math.floor(rand() * FAULTS.length)];
      // A clock jump away from true time goes back to it the next time: the skew stays within
      // ±1 h, as a screen whose clock is set wrong and then corrected by NTP.
      if (fault.startsWith('clock')) {
        const skew = await page.evaluate(() => window.__soak.skewMs);
        if (skew !== 0) fault = skew > 0 ? 'clock-1h' : 'clock+1h';
      }
      const clip = CLIPS[Math.floor(rand() * CLIPS.length)];
      const ms = 5_000 + Math.floor(rand() * 10_000);
      counts[fault]++;
      const what = ['404', 'truncate', 'stall'].includes(fault) ? `${fault} ${clip.id}` : fault;
      const label = `${new Date().toISOString().slice(11, 19)} ${what}${fault.startsWith('clock') ? '' : ` for ${(ms / 1000).toFixed(0)} s`}`;
      log(`soak: ${label}`);
      await page.evaluate(([name, length, text]) => window.__soak.fault(name, length, text), [fault, fault.startsWith('clock') ? 0 : ms, label]);
      if (fault === 'offline') await context.setOffline(true);
      else if (fault === 'clock+1h' || fault === 'clock-1h') await page.evaluate((d) => (window.__soak.skewMs += d), fault === 'clock+1h' ? 3_600_000 : -3_600_000);
      else if (fault === 'corrupt-alert') server.set('/kiosk/alert.json', 'corrupt-alert');
      else server.set(clip.src, fault);
      await page.waitForTimeout(fault.startsWith('clock') ? 0 : ms);
      if (fault === 'offline') await context.setOffline(false);
      else if (fault === 'corrupt-alert') server.clear('/kiosk/alert.json');
      else if (!fault.startsWith('clock')) server.clear(clip.src);
      await page.waitForTimeout(Math.max(0, minuteEnd - Date.now()));
    }
    await page.waitForTimeout(Math.max(0, endAt - Date.now()));
    const after = await measured(page, () => memory(page, heapDir && join(heapDir, 'end.heapsnapshot')));
    const soak = await page.evaluate(() => {
      const s = window.__soak;
      const infinite = (r) => ({ ...r, ms: Number.isFinite(r.ms) ? r.ms : -1, playingMs: Number.isFinite(r.playingMs) ? r.playingMs : -1 });
      return {
        transitions: s.transitions,
        gaps: s.gaps,
        black: s.black,
        startupBlack: s.startupBlack,
        recoveries: s.recoveries.map(infinite),
        events: s.events,
        unexplained: s.unexplained,
        reloads: s.reloads,
        alertShown: !document.querySelector('[data-kiosk="alert"]').hidden,
      };
    });
    for (const r of soak.recoveries) for (const k of ['ms', 'playingMs']) if (r[k] < 0) r[k] = Number.POSITIVE_INFINITY;
    const outside = soak.gaps.filter((g) => !g.inFault);
    for (const g of outside) log(`soak: gap outside fault windows at ${new Date(g.at).toISOString().slice(11, 19)}: ${g.gap.toFixed(0)} ms`);
    for (const line of soak.unexplained) log(`soak: kiosk event outside fault windows: ${line}`);
    for (const r of soak.reloads) log(`soak: page reloaded at ${r.at} (${r.why})`);
    const seconds = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'never (not before 55 s or the next fault)');
    for (const r of soak.recoveries) log(`soak: after ${r.label}: playing again ${seconds(r.playingMs)}, back in wall-clock position ${seconds(r.ms)}`);
    const finite = soak.recoveries.map((r) => r.ms).filter(Number.isFinite);
    const never = soak.recoveries.length - finite.length;
    const recovery = (name, key) => {
      const ms = soak.recoveries.filter((r) => r.name === name).map((r) => r[key]);
      if (ms.length === 0) return 'none';
      const finite = ms.filter(Number.isFinite);
      const never = ms.length - finite.length;
      return `${ms.length}×, max ${finite.length ? `${(Math.max(...finite) / 1000).toFixed(2)} s` : '-'}${never ? `, ${never} not before 55 s or the next fault` : ''}`;
    };
    return {
      rows: [
        ['soak length', `${minutes} min`, ''],
        ['transitions', String(soak.transitions), `${Math.round((minutes * 60_000 - warmUpMs) / 1000)} expected with 1 s clips after the warm-up`],
        ['page reloads', soak.reloads.length ? soak.reloads.map((r) => `${r.at} ${r.why}`).join('; ') : 'none', 'the nightly one at 04:00 Shanghai time is planned'],
        ['faults', FAULTS.map((f) => `${f} ${counts[f]}`).join(', '), ''],
        ['gaps > 50 ms outside fault windows', String(outside.length), outside.length ? `max ${Math.max(...outside.map((g) => g.gap)).toFixed(0)} ms` : 'goal 0'],
        ['gaps > 50 ms inside fault windows', String(soak.gaps.length - outside.length), ''],
        ['black frames', String(soak.black), 'goal 0'],
        ['black frames in the 3 s after a reload', String(soak.startupBlack), soak.reloads.length ? '' : 'no reload'],
        [
          'kiosk events outside fault windows',
          Object.entries(soak.events).map(([why, n]) => `${why} ${n}`).join(', ') || 'none',
          'skips, nudges and holds no fault caused',
        ],
        ...FAULTS.map((f) => [`playing again after ${f}`, recovery(f, 'playingMs'), '']),
        ...FAULTS.map((f) => [`back in wall-clock position after ${f}`, recovery(f, 'ms'), 'goal ≤ 2 s']),
        [
          'back in wall-clock position, any fault',
          `${soak.recoveries.length}×, max ${finite.length ? seconds(Math.max(...finite)) : '-'}${never ? `, ${never} never` : ''}`,
          'goal ≤ 2 s',
        ],
        [`JS heap after GC: after warm-up (${warmUpMinutes} min) → end`, `${Math.round(before.heap / 1024)} → ${Math.round(after.heap / 1024)} KB`, `${(after.heap / before.heap).toFixed(2)}× (goal ≤ 1.1×)${soak.reloads.length ? '; the page reloaded in between, so this compares two pages' : ''}`],
        [`DOM nodes: after warm-up → end`, `${before.nodes} → ${after.nodes}`, `${(after.nodes / before.nodes).toFixed(2)}× (goal ≤ 1.1×)`],
        ['alert shown from the corrupt file', soak.alertShown ? 'yes' : 'no', 'goal no'],
      ],
    };
  } finally {
    await context.close();
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
