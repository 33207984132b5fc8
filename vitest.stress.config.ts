import { defineConfig } from 'vitest/config'

// `npm run test:stress`: the slow checks against the production build (two app processes on one
// database). One file at a time; they share the machine with the servers they start.
export default defineConfig({
  test: {
    globalSetup: ['tests/setup/postgres.ts'],
    hookTimeout: 600_000,
    include: ['tests/stress/**/*.test.ts'],
    maxWorkers: 1,
    // Past lexical's top-level-await entries, which Node 20 may never settle (docs/silent-exits.md).
    execArgv: ['--conditions=development'],
    pool: 'forks',
    testTimeout: 180_000,
  },
})
