import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // One PostgreSQL for the run; each test file gets its own fresh database (tests/helpers/payload.ts).
    globalSetup: ['tests/setup/postgres.ts'],
    hookTimeout: 180_000,
    include: ['tests/unit/**/*.test.ts', 'tests/int/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    maxWorkers: 2,
    // Past lexical's top-level-await entries, which Node 20 may never settle (docs/silent-exits.md).
    execArgv: ['--conditions=development'],
    pool: 'forks',
    testTimeout: 60_000,
  },
})
