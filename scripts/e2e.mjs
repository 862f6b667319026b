// The browser tests: the site's specs in two workers, then the kiosk player's spec alone in one
// (see the projects in playwright.config.ts). Arguments go to both runs, so
// `npm run test:e2e -- tests/e2e/kiosk.spec.ts --repeat-each 5` runs only that spec.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
let failed = false;
for (const project of ['site', 'kiosk']) {
  const run = spawnSync('playwright', ['test', `--project=${project}`, '--pass-with-no-tests', ...args], { stdio: 'inherit' });
  if (run.error) console.error(run.error.message);
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
