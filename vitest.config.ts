import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end files (a browser over the built docs site) run in `npm run test:e2e`, which CI runs
    // after `npm test`: they cost more than the rest of a file's share of the one-minute suite.
    exclude: ['test/**/*.e2e.test.ts', 'node_modules/**'],
    // Two workers on two cores: many suites wait on child processes, sockets and Chromium, and the
    // default (cores - 1) runs them one at a time.
    maxWorkers: 2,
    // Files share a worker's module cache: a fresh import of Prism per file was a third of the run.
    // Every file holds its own state (servers on port 0, fresh keys); checked with shuffled file order.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
