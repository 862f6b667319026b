#!/usr/bin/env node
// Makes sure the browser tests have Debian's Chromium (Playwright cannot download its own here).
// Uses CHROMIUM_PATH if set; otherwise /usr/bin/chromium, installing it with apt-get when run as root.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium-path.mjs';

const path = chromiumPath();
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (process.env.CHROMIUM_PATH || !isRoot || !hasApt) {
  console.error(
    [
      `Chromium was not found at ${path}.`,
      'The browser tests use Debian\'s Chromium. Install it with:',
      '  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk',
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log('Chromium is missing: installing Debian\'s chromium and fonts-noto-cjk with apt-get …');
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
