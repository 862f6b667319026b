import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Concurrent tests (the frontmatter-error cases, one per copy of the project, two copies)
    // start two at a time, so none spends its time limit waiting for a copy.
    maxConcurrency: 2,
  },
});
