import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Two files at once, on two cores as on these machines: Vitest's default leaves one core idle,
    // and the longest files (the frontmatter-error builds, the two cuts' decoded frames) wait on
    // Astro and ffmpeg, not on each other.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Concurrent tests (the frontmatter-error cases, one per copy of the project, two copies)
    // start two at a time, so none spends its time limit waiting for a copy.
    maxConcurrency: 2,
  },
});
