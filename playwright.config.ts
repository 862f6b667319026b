import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.mjs';
import { MAX_WORKERS } from './tests/e2e/ports';

// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // Two workers, one per core. Specs that start servers take their ports from workerPort()
  // (tests/e2e/ports.ts), a range of its own for each worker, so two never collide.
  workers: MAX_WORKERS,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['./tests/e2e/summary-reporter.ts']] : [['list'], ['./tests/e2e/summary-reporter.ts']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  // `npm run test:e2e` (scripts/e2e.mjs) runs the two projects one after the other: the kiosk
  // player is timed against the wall clock and real video, so it runs alone, in one worker, and
  // the other worker cannot starve its frames.
  projects: [
    { name: 'site', testIgnore: /kiosk\.spec\.ts$/ },
    { name: 'kiosk', testMatch: /kiosk\.spec\.ts$/, fullyParallel: false },
  ],
  // The suite runs against nginx with the server block the build writes, as deployed.
  webServer: {
    command: `node scripts/serve-nginx.ts --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
