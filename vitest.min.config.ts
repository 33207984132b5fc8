import { defineConfig } from 'vitest/config'
export default defineConfig({
  test: { globalSetup: ['tests/setup/postgres.ts'], include: ['tests/unit/zzfail.test.ts'] },
})
