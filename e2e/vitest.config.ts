import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// End-to-end tests: `npm run test:e2e` (= vitest run --config e2e/vitest.config.ts).
// global-setup.ts starts the real app (`node scripts/start.mjs`) on free ports with a throwaway
// DATA_DIR; the specs drive Chromium from @sparticuz/chromium through playwright-core.
export default defineConfig({
  root,
  test: {
    root,
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // One app, one database: files run one after another so they never race on shared state.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Teardown stops the app (SIGTERM, PostgreSQL shuts down) and removes its DATA_DIR.
    teardownTimeout: 60_000,
  },
});
