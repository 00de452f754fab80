import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests start real servers and child processes; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', './tests/reporters/summaryLine.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit-and-integration',
          // tests/** takes in tests/integration and tests/fuzz (bounded here, seeded; `npm run fuzz` runs many more cases).
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          // The suites that prove the PostgreSQL stores behave as the SQLite ones, run again with
          // every test server on a database of one throwaway cluster (tests/integration/helpers/testStorage.ts).
          name: 'postgres',
          include: ['tests/integration/{collaboration,versions,webhooks,compaction,durability,writeApi,accounts}.test.ts'],
          env: { FULLCOURT_TEST_STORAGE: 'postgres' },
          globalSetup: ['tests/integration/helpers/postgresGlobalSetup.ts'],
          setupFiles: ['tests/integration/helpers/postgresSkip.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Browser tests drive Debian's Chromium against a production build of apps/web, built once.
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
