#!/usr/bin/env node
// npm run bench: prints the site's figures as tables. It measures, it does not judge: targets
// are printed beside the numbers. It builds the site itself; it needs Chromium.
// `npm run bench -- search` runs one section (build, weight, clips, search, kiosk, lighthouse) on dist/.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.mjs';
import { kioskBench } from './bench-kiosk.mjs';
import { kioskSoak } from './bench-soak.mjs';
import { checkerBench, checkerWeight } from './bench-check.mjs';
import { ask, loadQuestions, score, settled } from './search-questions.mjs';

const DIST = 'dist';
// E2E_PORT lets two checkouts run the bench side by side, as it does for the browser tests.
const PORT = Number(process.env.E2E_PORT ?? 4391);
const BASE = `http://127.0.0.1:${PORT}`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function table(title, head, rows) {
  const widths = head.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${title}\n${line(head)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
}

/** Bytes a page needs on first view, from its HTML and the CSS and JS it links (gzip -9). */
function pageWeight(path) {
  const file = join(DIST, path, path.endsWith('.html') ? '' : 'index.html');
  const html = fetchedMarkup(readFileSync(file, 'utf8'));
  const assets = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/[^"]+\.(css|js|woff2?|ttf|otf))"/g)].map((m) => ({ path: m[1], kind: m[2] }));
  const sum = (...kinds) => assets.filter((a) => kinds.includes(a.kind)).reduce((n, a) => n + gz(join(DIST, a.path)), 0);
  return {
    html: gz(file),
    css: sum('css'),
    js: sum('js'),
    fonts: sum('woff', 'woff2', 'ttf', 'otf'),
    requests: 1 + assets.length,
    // The first response as nginx and `npm start` send it to a browser that accepts gzip.
    first: statSync(`${file}.gz`).size,
    blocking: renderBlocking(html),
  };
}

/**
 * A page's markup as a reader with JavaScript on and 长者模式 off gets it: a stylesheet written by a
 * script (长者模式's, only when the reader chose the mode) or inside <noscript> (the same, without
 * JavaScript) is not fetched, so script bodies and <noscript> are left out.
 */
function fetchedMarkup(html) {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>|<noscript>[\s\S]*?<\/noscript>/g, (tag) => (tag.startsWith('<script') ? tag.slice(0, tag.indexOf('>') + 1) : ''));
}

/** Requests the browser must finish before it paints: stylesheets, and classic scripts in the head. */
function renderBlocking(markup) {
  const head = markup.slice(0, markup.indexOf('</head>'));
  const styles = markup.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/g) ?? [];
  const scripts = head.match(/<script\b(?![^>]*\b(type="module"|defer|async)\b)[^>]*\bsrc=[^>]*>/g) ?? [];
  return styles.length + scripts.length;
}

function weights() {
  const pages = [
    ['home', '/'],
    ['scam article', '/scams/online-loans/'],
    ['audience article', '/audiences/students/'],
    ['guide', '/report/'],
    ['figures', '/stats/'],
    ['news item', firstNews()],
    ['lesson', '/lessons/middle-school/'],
    ['search, before a query', '/search/'],
    ['clip library', '/videos/'],
    ['clip page', '/videos/online-loans/'],
    ['clip embed', '/embed/online-loans/'],
  ];
  table(
    'Page weight on first view (gzip -9; media and posters excluded; the site uses system fonts; targets: articles ≤ 30 KB total, JS ≤ 10 KB; first response of articles, guides, news and lessons ≤ 14 KB gzip and nothing render-blocking; 长者模式, when chosen, and pages without JavaScript fetch one stylesheet)',
    ['page', 'HTML', 'CSS', 'JS', 'fonts', 'total', 'requests', 'first response (.gz)', 'render-blocking requests'],
    pages.map(([name, path]) => {
      const w = pageWeight(path);
      return [`${name} ${path}`, kb(w.html), kb(w.css), kb(w.js), kb(w.fonts), kb(w.html + w.css + w.js + w.fonts), w.requests, kb(w.first), w.blocking];
    }),
  );
}

function firstNews() {
  const dir = join(DIST, 'news');
  const item = readdirSync(dir).find((d) => statSync(join(dir, d)).isDirectory());
  return `/news/${item}/`;
}

function dirBytes(dir, filter = () => true) {
  return readdirSync(dir).reduce((n, f) => {
    const full = join(dir, f);
    return n + (statSync(full).isDirectory() ? dirBytes(full, filter) : filter(f) ? statSync(full).size : 0);
  }, 0);
}

const QUERIES = {
  zh: ['刷单', '杀猪盘', '安全账户', '屏幕共享', '注销校园贷', '退款', '解冻费', '通缉令', '验证码', '收款账户'],
  en: ['refund', 'safe account', 'screen sharing', 'pig butchering', 'campus loan', 'boss', 'upfront fee', 'verification code', 'part-time job', 'arrest warrant'],
};

/**
 * Search as readers meet it, through the /search/ page's own box: the question set's share with
 * the right page in the top three and with no result; cold, the first query in a freshly opened
 * /search/ (once it has loaded what it loads before a question, and at its load event); warm, each
 * new question after the first in one page (submit to results on screen).
 */
async function searchFigures(browser) {
  const questions = loadQuestions();
  const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8'));
  const quality = [];
  const latency = [];
  for (const [lang, prefix] of [['zh', ''], ['en', '/en']]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // CPU time of the page's main thread: unlike the clock, it hardly grows when other work
    // shares the machine, so it shows what a query costs the page on a quiet one.
    const cpuSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value;
    await page.goto(`${BASE}${prefix}/search/`);
    await ask(page, [QUERIES[lang][0]]);
    await settled(page);
    const answers = [];
    const busy = [];
    for (const q of questions[lang]) {
      const before = await cpuSeconds();
      answers.push(...(await ask(page, [q.q])));
      busy.push((await cpuSeconds()) - before);
    }
    await context.close();
    const { top3, empty, misses } = score(questions[lang], answers);
    const pct = (x) => `${(x * 100).toFixed(0)} %`;
    quality.push([lang, answers.length, pct(top3), pct(empty), misses.join(' / ') || '–']);

    // Cold: each query the first in a freshly opened page, asked once the page has loaded what
    // it loads before a question (as a reader's first question comes, after reading the page and
    // typing), and asked the moment the load event fires, which no reader does.
    const cold = [];
    const atLoad = [];
    for (const q of QUERIES[lang]) {
      for (const [times, wait] of [[cold, true], [atLoad, false]]) {
        const fresh = await browser.newContext();
        const p = await fresh.newPage();
        await p.goto(`${BASE}${prefix}/search/`);
        if (wait) await settled(p);
        times.push((await ask(p, [q]))[0].ms);
        await fresh.close();
      }
    }
    const warm = answers.map((a) => a.ms);
    const key = Object.keys(entry.languages).find((k) => k.startsWith(lang));
    const hash = entry.languages[key].hash;
    const indexBytes = dirBytes(join(DIST, 'pagefind'), (f) => !/\.(gz|br)$/.test(f) && (f.startsWith(`${key}_`) || f.includes(hash)));
    latency.push([
      lang,
      `${median(cold).toFixed(0)} ms`,
      `${median(atLoad).toFixed(0)} ms`,
      `${median(warm).toFixed(1)} ms`,
      `${Math.max(...warm).toFixed(1)} ms`,
      `${(median(busy) * 1000).toFixed(1)} ms`,
      entry.languages[key].page_count,
      kb(indexBytes),
    ]);
  }
  table(
    'Search answers: tests/fixtures/search-questions.yaml through /search/ (goals: top three ≥ 90 %, no result 0 %; tests fail below 80 % / above 0 %)',
    ['index', 'questions', 'right page in top three', 'no result', 'questions missed'],
    quality,
  );
  table(
    `Search latency, submit to results laid out (targets: first query cold ≤ 200 ms, a new query warm ≤ 10 ms median); load average ${loadavg()[0].toFixed(1)} at the end: other work inflates the times, less the main thread's CPU`,
    ['index', 'cold median', 'cold, asked at the load event', 'warm median', 'warm max', 'warm main-thread CPU median', 'pages', 'index size'],
    latency,
  );
}

/**
 * A clip page and its embed, in Chromium: what the first view fetches, and the JavaScript and CSS
 * that pressing play (by keyboard) adds. Sizes are the files' gzip -9; the poster and the film
 * are shown apart.
 */
async function clipFigures(browser) {
  const rows = [];
  for (const path of ['/videos/online-loans/', '/en/embed/online-loans/']) {
    const page = await browser.newPage();
    const fetched = [];
    page.on('request', (req) => fetched.push(new URL(req.url()).pathname));
    await page.goto(`${BASE}${path}`, { waitUntil: 'networkidle' });
    const before = [...fetched];
    const play = page.getByRole('button', { name: /^(播放视频|Play video)/ });
    await play.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('video')?.currentTime > 0.5, null, { timeout: 20_000 });
    const after = fetched.slice(before.length);
    await page.close();
    const size = (paths, test) => paths.filter(test).reduce((n, p) => n + gz(join(DIST, p.endsWith('/') ? `${p}index.html` : p)), 0);
    const text = (p) => !/\.(jpg|png|mp4)$/.test(p);
    const poster = before.filter((p) => p.endsWith('.jpg')).reduce((n, p) => n + statSync(join(DIST, p)).size, 0);
    rows.push([
      path,
      kb(size(before, text)),
      kb(poster),
      // video.js reads this flag, and the module that sets it is loaded with it.
      before.some((p) => p.endsWith('.js') && readFileSync(join(DIST, p), 'utf8').includes('VIDEOJS_NO_DYNAMIC_STYLE')) ? 'yes' : 'no',
      kb(size(after, (p) => p.endsWith('.js'))),
      kb(size(after, (p) => p.endsWith('.css'))),
    ]);
  }
  table(
    'Clip pages: first view and after pressing play (gzip -9; targets: first view ≤ 20 KB, JavaScript after play ≤ 90 KB)',
    ['page', 'first view (HTML, CSS, JS, captions)', 'poster (JPEG)', 'video.js before play', 'JS after play', 'CSS after play'],
    rows,
  );
}

/** Lighthouse (mobile, its default) on the main page types. */
async function lighthouseScores() {
  const pages = ['/', '/scams/online-loans/', '/stats/', '/videos/', '/lessons/university/', '/quiz/students/'];
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const rows = [];
  try {
    for (const path of pages) {
      const { lhr } = await lighthouse(`${BASE}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
      const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const lost = Object.values(lhr.categories)
        .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr.audits[r.id]))
        .filter((a) => a.score !== null && a.score < 1)
        .map((a) => a.id);
      const ms = (id) => `${Math.round(lhr.audits[id]?.numericValue ?? NaN)} ms`;
      rows.push([path, score('performance'), ms('first-contentful-paint'), ms('largest-contentful-paint'), score('accessibility'), score('best-practices'), score('seo'), lost.join(', ') || '–']);
    }
  } finally {
    chrome.kill();
  }
  table('Lighthouse, mobile, served by `npm start` (target: 100)', ['page', 'performance', 'FCP', 'LCP', 'accessibility', 'best practices', 'SEO', 'audits below full score'], rows);
}

/** Generated news articles in the scale copy, half in each language. */
const GENERATED = 5000;

/**
 * Seconds for `npm run build` (astro build, Pagefind, the kiosk worker, the server files), step
 * by step, here and on a copy of the site with 5,000 generated news articles; beside the clock,
 * the CPU time the steps used (it grows less than the clock when other work shares the machine),
 * and the warnings the build printed.
 */
function buildTimes() {
  const steps = JSON.parse(readFileSync('package.json', 'utf8')).scripts.build.split('&&').map((s) => s.trim());
  /** A step without the variables set before it (NODE_OPTIONS="…" astro build → astro build). */
  const command = (step) => step.replace(/^(?:\w+=(?:"[^"]*"|\S+)\s+)+/, '');
  const timeBuild = (cwd) => {
    const env = { ...process.env, PATH: `${join(process.cwd(), 'node_modules/.bin')}:${process.env.PATH}` };
    const times = [];
    const warnings = [];
    for (const step of steps) {
      const cpu = childCpuSeconds();
      const start = performance.now();
      const run = spawnSync('sh', ['-c', step], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
      if (run.status !== 0) throw new Error(`${step} in ${cwd} failed:\n${run.stderr}`);
      times.push({ step, wall: (performance.now() - start) / 1000, cpu: childCpuSeconds() - cpu });
      warnings.push(...`${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /\bwarn(ing)?s?\b|\(!\)/i.test(line)));
    }
    return { times, warnings };
  };
  const dir = mkdtempSync(join(tmpdir(), 'fz-bench-'));
  try {
    for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'content', 'public', 'scripts']) cpSync(entry, join(dir, entry), { recursive: true });
    symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
    const news = readFileSync('content/news/2026-11-26-shanghai-police-results.mdx', 'utf8');
    const newsEn = readFileSync('content/en/news/2026-11-26-shanghai-police-results.mdx', 'utf8');
    for (let i = 0; i < GENERATED / 2; i++) {
      const name = `2026-01-01-generated-${String(i).padStart(4, '0')}.mdx`;
      writeFileSync(join(dir, 'content/news', name), news.replace(/^title: .*$/m, `title: 生成的预警第 ${i} 条`));
      writeFileSync(join(dir, 'content/en/news', name), newsEn.replace(/^title: .*$/m, `title: Generated alert number ${i}`));
    }
    const rows = [];
    for (const [name, cwd] of [['this site', process.cwd()], ['generated', dir]]) {
      const { times, warnings } = timeBuild(cwd);
      const sum = (ts) => ts.reduce((n, t) => ({ wall: n.wall + t.wall, cpu: n.cpu + t.cpu }), { wall: 0, cpu: 0 });
      const cell = (t) => `${t.wall.toFixed(1)} s (CPU ${t.cpu.toFixed(1)} s)`;
      const index = times.filter((t) => /^astro build|search-index/.test(command(t.step)));
      rows.push([name, countArticles(join(cwd, 'content')), cell(sum(index)), cell(sum(times)), ...times.map(cell), warnings.length]);
      for (const line of warnings) console.log(`  ${name}: ${line.trim()}`);
    }
    table(
      `Build time on this machine, step by step (target for 5,000 articles: build + index, that is astro build and the search index, ≤ 60 s, no warnings); load average ${loadavg()[0].toFixed(1)} at the end`,
      ['site', 'articles', 'build + index', 'npm run build', ...steps.map((s) => command(s).split(' ').slice(0, 2).join(' ')), 'warnings'],
      rows,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU seconds (user + system) of this process's finished children, from /proc (Linux). */
function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // cutime and cstime, fields 16 and 17 of the line, in clock ticks of 1/100 s.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

function countArticles(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.mdx')).length;
}

/**
 * Renders every clip from its storyboard, landscape and portrait, into a scratch folder and prints
 * the render time as a multiple of the clips' running time, counted once (target ≤ 2×).
 */
function clipRenderTimes() {
  const dir = mkdtempSync(join(tmpdir(), 'fz-bench-clips-'));
  try {
    const start = performance.now();
    // GNU time reports the CPU the renderer and its ffmpeg children used, which a busy machine does not inflate.
    const run = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, 'scripts/render-clips.ts', '--all', '--out', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (run.status !== 0) throw new Error(`npm run clips failed:\n${run.stderr}`);
    const seconds = (performance.now() - start) / 1000;
    const [, user, sys] = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr) ?? [];
    const cpu = Number(user) + Number(sys);
    const manifests = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
    const running = manifests.reduce((sum, m) => sum + m.durationSeconds, 0);
    table(
      `Clip rendering: every storyboard in both cuts (1280×720 and 1080×1920), SVG frames through resvg and ffmpeg (load average ${loadavg()[0].toFixed(1)}; target ≤ 2× the running time)`,
      ['clips', 'running time', 'render time (wall)', 'multiple (wall)', 'CPU time', 'multiple (CPU)'],
      [[manifests.length, `${running.toFixed(0)} s`, `${seconds.toFixed(0)} s`, `${(seconds / running).toFixed(2)}×`, `${cpu.toFixed(0)} s`, `${(cpu / running).toFixed(2)}×`]],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- search kiosk` runs only the sections named, on the dist/ already built. */
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const wants = (section) => only.length === 0 || only.includes(section);

async function main() {
  if (wants('build')) buildTimes();
  if (wants('weight')) weights();
  if (wants('clips')) clipRenderTimes();
  if (!['weight', 'search', 'check', 'kiosk', 'lighthouse'].some(wants)) return;
  const server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(PORT)], { stdio: 'ignore' });
  try {
    await waitFor(`${BASE}/`);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      if (wants('weight')) await clipFigures(browser);
      if (wants('search')) await searchFigures(browser);
      if (wants('check')) await checkerFigures(browser);
      if (wants('kiosk')) {
        table(
          'Kiosk transitions: 1 s test clips (tests/fixtures/kiosk) on a landscape and a portrait screen, 10 warm-up transitions then 100 (targets: 0 ms gap, growth ≤ 1.3×)',
          ['player', 'screen, cuts on top', 'transitions', 'gap median', 'gap max', 'transitions with a gap', 'JS heap', 'DOM nodes', 'media elements'],
          await kioskBench(browser, DIST),
        );
      }
    } finally {
      await browser.close();
    }
    if (wants('lighthouse')) await lighthouseScores();
  } finally {
    server.kill();
  }
}

/** The /check/ page: weight, quality on the written corpus, and time to answer. */
async function checkerFigures(browser) {
  const w = checkerWeight(DIST);
  table('Message checker /check/: weight (gzip -9; target: JS + signal data ≤ 20 KB)', ['script', 'signal data', 'together', 'script files'], [
    [kb(w.js), kb(w.data), kb(w.js + w.data), w.scripts],
  ]);
  const figures = await checkerBench(browser, BASE);
  table('Message checker on tests/fixtures/check/messages.yaml, through the page in Chromium', ['figure', 'measured', 'goal'], figures.quality);
  table('Message checker, scam messages by category', ['category', 'messages', 'warning or caution', 'right first category'], figures.categories);
  table('Message checker: time from submit to the answer on screen (20 runs; target for 2,000 characters: ≤ 50 ms)', ['characters', 'median', 'max'], figures.timings);
}

async function waitFor(url) {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the static server did not answer at ${url}`);
}

/** `npm run bench -- --soak [--soak-minutes N] [--soak-port P] [--seed S] [--soak-dist DIR] [--soak-heap DIR]`: only the kiosk soak, on a built site (dist/). */
async function soak() {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 && process.argv[at + 1] !== undefined ? Number(process.argv[at + 1]) : fallback;
  };
  const minutes = option('soak-minutes', 60);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'] });
  try {
    const path = (name, fallback) => {
      const at = process.argv.indexOf(`--${name}`);
      return at > 0 ? process.argv[at + 1] : fallback;
    };
    const { rows } = await kioskSoak(browser, {
      dist: path('soak-dist', DIST),
      minutes,
      port: option('soak-port', 4395),
      seed: option('seed', 20261201),
      heapDir: path('soak-heap', null),
      log: (line) => console.log(line),
    });
    table(`Kiosk soak: ${minutes} min on 1 s test clips with random faults (goals: 0 gaps outside faults, 0 black frames, back within 2 s, growth ≤ 1.1×)`, ['measure', 'value', 'note'], rows);
  } finally {
    await browser.close();
  }
}

if (process.argv.includes('--soak')) await soak();
else await main();
