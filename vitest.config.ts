/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Through Astro's Vite config, so tests can render .astro components with the Container API.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The sample archive is built once per run for the test files that only read it (tests/helpers/build.ts).
    globalSetup: ['tests/helpers/shared-builds.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Build tests run real Astro builds; two at a time is what a 2-core machine sustains.
    maxWorkers: 2,
  },
});
