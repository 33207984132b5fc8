import { afterAll, beforeAll, expect, test } from 'vitest'

import { startPayload, type TestContext } from '../helpers/payload.js'

let ctx: TestContext
beforeAll(async () => {
  ctx = await startPayload()
})
afterAll(async () => ctx?.stop())

type Pool = {
  idleCount: number
  listenerCount: (event: string) => number
  query: (sql: string) => Promise<unknown>
}

test('the app survives its idle database connections being ended, and reconnects', async () => {
  const pool = (ctx.payload.db as unknown as { pool: Pool }).pool
  expect(pool.listenerCount('error')).toBeGreaterThan(0)
  // Idle connections to end: a few reads in parallel leave them in the pool.
  await Promise.all(Array.from({ length: 4 }, () => ctx.payload.find({ collection: 'regions', limit: 1 })))
  expect(pool.idleCount).toBeGreaterThan(0)
  // As a restart or a stop of the server does (57P01); without a listener each is an uncaught exception.
  await ctx.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle'`,
  )
  await new Promise((resolve) => setTimeout(resolve, 300))
  const found = await ctx.payload.find({ collection: 'regions', limit: 1 })
  expect(found.docs).toBeDefined()
})
