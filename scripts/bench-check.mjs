// The /check/ page's figures for `npm run bench`: its weight, how well it sorts the written corpus
// (tests/fixtures/check/messages.yaml) and how long an answer takes. Every message goes through
// the built page's own form in Chromium, so the figures are those of the code readers get.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';

const gz = (data) => gzipSync(data, { level: 9 }).length;
const pct = (n, of) => `${((100 * n) / of).toFixed(1)}% (${n}/${of})`;

/** Gzipped bytes of the checker's script and of the signal data block in dist/check/index.html. */
export function checkerWeight(dist) {
  const html = readFileSync(join(dist, 'check/index.html'), 'utf8');
  const data = /<script type="application\/json"[^>]*data-check-payload[^>]*>([\s\S]*?)<\/script>/.exec(html);
  if (!data) throw new Error(`${dist}/check/index.html: no data-check-payload block`);
  const scripts = [...html.matchAll(/<script[^>]+src="(\/[^"]+\.js)"/g)].map((m) => m[1]);
  const js = scripts.reduce((n, src) => n + gz(readFileSync(join(dist, src))), 0);
  return { js, data: gz(data[1]), scripts: scripts.length };
}

/** Runs every corpus message through /check/ and times long messages; returns rows for the tables. */
export async function checkerBench(browser, base) {
  const corpus = parse(readFileSync('tests/fixtures/check/messages.yaml', 'utf8'));
  const page = await browser.newPage();
  await page.goto(`${base}/check/`, { waitUntil: 'networkidle' });
  const run = (text) =>
    page.evaluate((value) => {
      const box = document.querySelector('textarea[name=message]');
      const result = document.querySelector('[data-check-result]');
      box.value = value;
      const start = performance.now();
      box.form.requestSubmit();
      const ms = performance.now() - start;
      return { verdict: result.dataset.verdict, categories: (result.dataset.categories ?? '').split(' ').filter(Boolean), ms };
    }, text);

  const byCategory = new Map();
  let flagged = 0;
  let right = 0;
  for (const m of corpus.scam) {
    const r = await run(m.text);
    const row = byCategory.get(m.category) ?? { n: 0, flagged: 0, right: 0 };
    row.n++;
    if (r.verdict !== 'no-known-signs') (row.flagged++, flagged++);
    if (r.categories[0] === m.category) (row.right++, right++);
    byCategory.set(m.category, row);
  }
  let warned = 0;
  let cautioned = 0;
  for (const m of corpus.ordinary) {
    const r = await run(m.text);
    if (r.verdict === 'warning') warned++;
    if (r.verdict === 'caution') cautioned++;
  }

  // Realistic long input: scam messages end to end, cut to the length.
  const long = (chars) => {
    let text = '';
    for (let i = 0; text.length < chars; i++) text += corpus.scam[i % corpus.scam.length].text + '\n';
    return text.slice(0, chars);
  };
  const timings = [];
  for (const chars of [2_000, 10_000]) {
    const text = long(chars);
    await run(text);
    const times = [];
    for (let i = 0; i < 20; i++) times.push((await run(text)).ms);
    times.sort((a, b) => a - b);
    timings.push([chars.toLocaleString('en'), `${times[10].toFixed(1)} ms`, `${times[19].toFixed(1)} ms`]);
  }
  await page.close();

  return {
    quality: [
      ['scam messages given warning or caution', pct(flagged, corpus.scam.length), '≥ 95% (test fails below 90%)'],
      ['scam messages whose first category is right', pct(right, corpus.scam.length), '≥ 85% (test fails below 80%)'],
      ['ordinary messages given warning', pct(warned, corpus.ordinary.length), '≤ 5% (test fails above 10%)'],
      ['ordinary messages given caution', pct(cautioned, corpus.ordinary.length), '–'],
    ],
    categories: [...byCategory].map(([slug, r]) => [slug, r.n, r.flagged, r.right]),
    timings,
  };
}
