// The kiosk page on short test clips, for the kiosk bench and the soak.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const FIXTURES = 'tests/fixtures/kiosk';
/** Three 1-second clips (tests/fixtures/kiosk). */
export const CLIPS = [1, 2, 3].map((i) => ({ id: `short-${i}`, src: `/media/short-${i}.mp4`, durationSeconds: 1 }));

/**
 * A temporary site root with the built bank kiosk page (from `dist`) playing CLIPS as its only
 * reel, with no schedule and nothing to cache offline. Remove it when done.
 */
export function kioskFixtureRoot(dist, name) {
  const root = mkdtempSync(join(tmpdir(), `fz-kiosk-${name}-`));
  writeFileSync(join(root, 'index.html'), `<!doctype html><title>${name}</title>`);
  symlinkSync(resolve(dist, '_astro'), join(root, '_astro'));
  mkdirSync(join(root, 'media'));
  for (const c of CLIPS) {
    copyFileSync(join(FIXTURES, `${c.id}.mp4`), join(root, 'media', `${c.id}.mp4`));
    copyFileSync(join(FIXTURES, `${c.id}.zh.vtt`), join(root, 'media', `${c.id}.zh.vtt`));
  }
  const data = /(<script type="application\/json" data-kiosk="data"[^>]*>)([\s\S]*?)(<\/script>)/;
  const html = readFileSync(join(dist, 'kiosk/bank/index.html'), 'utf8');
  const current = JSON.parse(data.exec(html)[2]);
  const clips = CLIPS.map((c) => ({ id: c.id, src: c.src, captions: { zh: `/media/${c.id}.zh.vtt`, en: `/media/${c.id}.zh.vtt` }, poster: '', durationSeconds: c.durationSeconds }));
  const reel = { ...current, venue: 'bank', reels: [{ key: 'default', clips }], schedule: [], media: [] };
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
