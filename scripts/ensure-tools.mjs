#!/usr/bin/env node
// Makes sure the browser tests have the system tools they use, from Debian's packages (Playwright
// cannot download its own browser here): Chromium, CJK fonts, poppler (pdfinfo, pdftoppm) for the
// print tests and Java for the W3C HTML checker. Uses CHROMIUM_PATH if set. Missing packages are
// installed with apt-get when run as root; otherwise the command to run is printed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium-path.mjs';

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const hasCjkFont = () => {
  const run = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return run.status === 0 && run.stdout.trim() !== '';
};

const browser = chromiumPath();
const tools = [
  { what: `Chromium (${browser})`, pkg: 'chromium', present: () => existsSync(browser), own: !!process.env.CHROMIUM_PATH },
  { what: 'a Chinese font', pkg: 'fonts-noto-cjk', present: hasCjkFont },
  { what: 'pdfinfo and pdftoppm', pkg: 'poppler-utils', present: () => onPath('pdfinfo') && onPath('pdftoppm') },
  { what: 'Java (for the Nu HTML Checker)', pkg: 'default-jre-headless', present: () => onPath('java') },
];

const missing = tools.filter((t) => !t.present());
if (missing.length === 0) process.exit(0);

const packages = missing.map((t) => t.pkg);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt || missing.some((t) => t.own)) {
  console.error(
    [
      `Missing for the tests: ${missing.map((t) => t.what).join(', ')}.`,
      'Install them with:',
      `  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
      ...(missing.some((t) => t.own) ? ['or point CHROMIUM_PATH at a Chromium or Chrome binary that exists.'] : []),
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`Installing ${packages.join(', ')} with apt-get …`);
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
const still = missing.filter((t) => !t.present());
if (still.length > 0) {
  console.error(`apt-get finished but these are still missing: ${still.map((t) => t.what).join(', ')}.`);
  process.exit(1);
}
