// The kiosk page on short test clips, for the kiosk bench, the soak and the portrait browser test.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const FIXTURES = 'tests/fixtures/kiosk';
/**
 * Three 1-second clips (tests/fixtures/kiosk), each with a 360×640 portrait cut that shows its
 * number over 竖屏, so a portrait screen's picture tells which cut plays.
 */
export const CLIPS = [1, 2, 3].map((i) => ({
  id: `short-${i}`,
  src: `/media/short-${i}.mp4`,
  durationSeconds: 1,
  portrait: { src: `/media/short-${i}.portrait.mp4`, durationSeconds: 1 },
}));

/**
 * A temporary site root with the built bank kiosk page (from `dist`) playing CLIPS, with their
 * portrait cuts, as its only reel, with no schedule. Nothing is cached offline, unless `offline`:
 * then the page lists every clip file with its SHA-256 to cache, and the root has the kiosk's
 * service worker and the files it precaches. Remove it when done.
 */
export function kioskFixtureRoot(dist, name, { offline = false } = {}) {
  const root = mkdtempSync(join(tmpdir(), `fz-kiosk-${name}-`));
  writeFileSync(join(root, 'index.html'), `<!doctype html><title>${name}</title>`);
  symlinkSync(resolve(dist, '_astro'), join(root, '_astro'));
  mkdirSync(join(root, 'media'));
  for (const c of CLIPS) {
    copyFileSync(join(FIXTURES, `${c.id}.mp4`), join(root, 'media', `${c.id}.mp4`));
    copyFileSync(join(FIXTURES, `${c.id}.portrait.mp4`), join(root, 'media', `${c.id}.portrait.mp4`));
    copyFileSync(join(FIXTURES, `${c.id}.zh.vtt`), join(root, 'media', `${c.id}.zh.vtt`));
  }
  const data = /(<script type="application\/json" data-kiosk="data"[^>]*>)([\s\S]*?)(<\/script>)/;
  const html = readFileSync(join(dist, 'kiosk/bank/index.html'), 'utf8');
  const current = JSON.parse(data.exec(html)[2]);
  const clips = CLIPS.map((c) => ({ id: c.id, src: c.src, captions: { zh: `/media/${c.id}.zh.vtt`, en: `/media/${c.id}.zh.vtt` }, poster: '', durationSeconds: c.durationSeconds, portrait: c.portrait }));
  const sha256 = (url) => createHash('sha256').update(readFileSync(join(root, url))).digest('hex');
  const media = offline ? clips.flatMap((c) => [c.src, c.portrait.src, c.captions.zh].map((url) => ({ url, sha256: sha256(url), clip: c.id }))) : [];
  const reel = { ...current, venue: 'bank', reels: [{ key: 'default', clips }], schedule: [], media };
  if (offline) {
    // The worker installs only when every file it precaches is there.
    cpSync(join(dist, 'kiosk'), join(root, 'kiosk'), { recursive: true });
    cpSync(join(dist, 'favicon.svg'), join(root, 'favicon.svg'));
    // The bank page is written anew below: no compressed copy of the built one may be served.
    for (const f of readdirSync(join(root, 'kiosk/bank')).filter((f) => f !== 'index.html')) rmSync(join(root, 'kiosk/bank', f));
  }
  mkdirSync(join(root, 'kiosk/bank'), { recursive: true });
  writeFileSync(join(root, 'kiosk/bank/index.html'), html.replace(data, (_, open, _old, close) => `${open}${JSON.stringify(reel)}${close}`));
  cpSync(join(dist, 'kiosk/alert.json'), join(root, 'kiosk/alert.json'));
  return root;
}

/**
 * The page's JS heap after garbage collection, and its DOM nodes. With `snapshot`, a path, the
 * heap is also written there as a .heapsnapshot file (for the soak's --soak-heap), to compare
 * what is retained.
 */
export async function memory(page, snapshot = null) {
  const cdp = await page.context().newCDPSession(page);
  // Twice: objects freed by the first collection's finalizers and weak callbacks go in the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  if (snapshot) {
    const chunks = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    writeFileSync(snapshot, chunks.join(''));
  }
  await cdp.detach();
  return { heap: usedSize, nodes };
}
