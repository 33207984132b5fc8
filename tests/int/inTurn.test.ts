import { sql } from '@payloadcms/db-postgres'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'

import { runInTurn } from '../../src/postgres/inTurn.js'
import { drizzleFor } from '../../src/postgres/transaction.js'
import { recordQueries } from '../helpers/instance.js'
import { startPayload, type TestContext } from '../helpers/payload.js'

let ctx: TestContext
beforeAll(async () => {
  ctx = await startPayload()
  await ctx.query('CREATE TABLE in_turn (id serial PRIMARY KEY, name text NOT NULL)')
})
afterAll(async () => ctx?.stop())

/** Runs `fn` inside a transaction of the adapter's pool, as a save's hooks do. */
const inTransaction = async <T>(fn: (db: Awaited<ReturnType<typeof drizzleFor>>) => Promise<T>) => {
  const db = await drizzleFor(ctx.payload)
  return (db as unknown as { transaction: (fn: (tx: unknown) => Promise<T>) => Promise<T> }).transaction(
    (tx) => fn(tx as Awaited<ReturnType<typeof drizzleFor>>),
  )
}

test('the second statement sees what the lock holder committed while the first waited', async () => {
  const holder = new pg.Client({ connectionString: ctx.databaseUrl })
  await holder.connect()
  try {
    await holder.query('BEGIN')
    await holder.query('SELECT pg_advisory_xact_lock(4711)')
    await holder.query(`INSERT INTO in_turn (name) VALUES ('vom Halter')`)
    const waiting = inTransaction((db) =>
      runInTurn(db, sql`SELECT pg_advisory_xact_lock(${4711})`, sql`SELECT name FROM in_turn`),
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    await holder.query('COMMIT')
    const [, { rows }] = await waiting
    // One statement (a lock in a CTE, say) would read with the snapshot taken before the wait.
    expect(rows).toEqual([{ name: 'vom Halter' }])
  } finally {
    await holder.end()
  }
})

test('sends both statements in one message, values inlined with their quotes doubled', async () => {
  const name = `O'Brien; DROP TABLE in_turn; --`
  const queries = await recordQueries(() =>
    inTransaction((db) =>
      runInTurn(db, sql`INSERT INTO in_turn (name) VALUES (${name})`, sql`SELECT count(*) AS n FROM in_turn`),
    ),
  )
  expect(queries.filter((query) => query.includes('in_turn'))).toHaveLength(1)
  const rows = await ctx.query<{ name: string }>('SELECT name FROM in_turn WHERE name = $1', [name])
  expect(rows).toEqual([{ name }])
})

test('three statements go in one message too, run in their order', async () => {
  const queries = await recordQueries(() =>
    inTransaction(async (db) => {
      const results = await runInTurn(
        db,
        sql`INSERT INTO in_turn (name) VALUES (${'erste'})`,
        sql`INSERT INTO in_turn (name) VALUES (${'zweite'})`,
        sql`SELECT name FROM in_turn WHERE name IN (${'erste'}, ${'zweite'}) ORDER BY id`,
      )
      expect(results).toHaveLength(3)
      expect(results[2]!.rows).toEqual([{ name: 'erste' }, { name: 'zweite' }])
    }),
  )
  expect(queries.filter((query) => query.includes('in_turn'))).toHaveLength(1)
})

test('a value with a backslash or NUL is bound, in two statements, never inlined', async () => {
  const name = String.raw`C:\Pfad\' OR TRUE --`
  const queries = await recordQueries(() =>
    inTransaction((db) =>
      runInTurn(
        db,
        sql`INSERT INTO in_turn (name) VALUES (${name})`,
        sql`SELECT name FROM in_turn WHERE name = ${name}`,
      ),
    ),
  )
  expect(queries.filter((query) => query.includes('in_turn'))).toHaveLength(2)
  expect(queries.join('\n')).not.toContain('Pfad')
  expect(await ctx.query('SELECT name FROM in_turn WHERE name = $1', [name])).toEqual([{ name }])
})

test('a number that is not a safe integer is bound, in two statements, never inlined', async () => {
  const queries = await recordQueries(() =>
    inTransaction((db) =>
      runInTurn(db, sql`SELECT ${1.5}::float8 AS x`, sql`SELECT ${2 ** 53}::numeric AS big`),
    ),
  )
  expect(queries.filter((query) => query.includes('SELECT'))).toHaveLength(2)
})
