import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQL } from 'drizzle-orm'
import type { BaseDatabaseAdapter, Config, Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { integer, jsonb, pgTable, serial, text, timestamp } from '@payloadcms/db-postgres/drizzle/pg-core'

import { inList } from './inList.js'
import type { Invalidation } from '../options.js'

import { compileSql } from './compileSql.js'
import { literalOf } from './inTurn.js'
import { drizzleFor } from './transaction.js'
import { tableSql } from './tables.js'

/** The outbox of cache invalidations: written in the saving transaction, sent after commit. */
export const OUTBOX_TABLE = 'newsroom_invalidations'
/** The channel a commit with outbox rows notifies (PostgreSQL delivers NOTIFY only on commit). */
export const OUTBOX_CHANNEL = 'newsroom_invalidations'

/** A queued change: its own tags and paths, and the lookups the dispatcher makes after commit (cache/reach). */
export type QueuedChange = Invalidation & { reach: Partial<Record<string, (number | string)[]>> }
export type OutboxMessage = QueuedChange & { attempts: number; id: number }

type Adapter = Partial<PostgresAdapter> & {
  pgSchema?: { table: typeof pgTable }
  rawTables?: unknown
}

/**
 * Adds the outbox table to the adapter's schema once Payload has built it, so schema push and
 * `payload migrate:create` carry it, like the delivery indexes. Always there, whatever the
 * options, so turning `onInvalidate` on needs no migration.
 */
export const outboxTable = (adapter: Adapter) =>
  (adapter.pgSchema?.table ?? pgTable)(OUTBOX_TABLE, {
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { mode: 'string', precision: 3, withTimezone: true })
      .notNull()
      .defaultNow(),
    createdAt: timestamp('created_at', { mode: 'string', precision: 3, withTimezone: true })
      .notNull()
      .defaultNow(),
    id: serial('id').primaryKey(),
    lastError: text('last_error'),
    lockedUntil: timestamp('locked_until', { mode: 'string', precision: 3, withTimezone: true }),
    paths: jsonb('paths').notNull(),
    reach: jsonb('reach').notNull().default({}),
    tags: jsonb('tags').notNull(),
  })

/** The adapter with the outbox table in its schema (other adapters are left alone). */
export const withOutboxTable = (db: Config['db']): Config['db'] => ({
  ...db,
  init: (args) => {
    const adapter = db.init(args) as ReturnType<Config['db']['init']> & Adapter
    if (adapter.name !== 'postgres' || !Array.isArray(adapter.afterSchemaInit)) return adapter
    adapter.afterSchemaInit = [
      ...adapter.afterSchemaInit,
      ({ schema }) => {
        schema.tables[OUTBOX_TABLE] = outboxTable(adapter)
        return schema
      },
    ]
    return adapter
  },
})

const outbox = (payload: Payload) => tableSql(payload, OUTBOX_TABLE)

/** The rows of `changes` and the notification of the dispatchers (PostgreSQL sends it on commit). */
const outboxInsert = (payload: Payload, changes: QueuedChange[]): SQL => {
  const rows = changes.map(
    ({ paths, reach, tags }) =>
      sql`(${JSON.stringify(tags)}::jsonb, ${JSON.stringify(paths)}::jsonb, ${JSON.stringify(reach)}::jsonb)`,
  )
  return sql`WITH queued AS (
      INSERT INTO ${outbox(payload)} (tags, paths, reach) VALUES ${sql.join(rows, sql`, `)}
      RETURNING id
    ) SELECT pg_notify(${OUTBOX_CHANNEL}, '') FROM queued LIMIT 1`
}

type Transaction = { execute: (query: SQL | string) => PromiseLike<unknown> }

/** The changes each open transaction sends with its COMMIT. */
const sentWithCommit = new WeakMap<object, QueuedChange[]>()

const isCommit = (query: SQL | string) =>
  (typeof query === 'string'
    ? query
    : // drizzle's execute also takes query builders, which are not SQL: never a COMMIT.
      Array.isArray((query as { queryChunks?: unknown }).queryChunks)
      ? compileSql(query)?.sql
      : undefined
  )
    ?.trim()
    .toLowerCase() === 'commit'

/**
 * Makes drizzle's COMMIT of `tx` carry the changes queued in it: their INSERT and the COMMIT go in
 * one simple-protocol message, so a save pays no round trip for its outbox row. Should the INSERT
 * fail, PostgreSQL skips the COMMIT and drizzle rolls the save back. Values that cannot be
 * inlined (see runInTurn) send the INSERT just before the COMMIT.
 */
const carryWithCommit = (payload: Payload, tx: Transaction): QueuedChange[] => {
  const queued: QueuedChange[] = []
  sentWithCommit.set(tx, queued)
  const execute = tx.execute.bind(tx)
  tx.execute = (query) => {
    if (!queued.length || !isCommit(query)) return execute(query)
    const insert = outboxInsert(payload, queued.splice(0))
    const message = compileSql(sql.join([insert, sql.raw('commit')], sql`; `), literalOf)
    if (message) return execute(sql.raw(message.sql))
    return (async () => {
      await execute(insert)
      return execute(query)
    })()
  }
  return queued
}

/**
 * Queues an invalidation in the request's transaction: its row is written with the COMMIT and
 * rolled back with the save, and the dispatchers hear of it only once the save commits. Outside a
 * transaction it is written at once.
 */
export const enqueueInvalidation = async (
  payload: Payload,
  req: Partial<PayloadRequest>,
  change: QueuedChange,
): Promise<void> => {
  const db = await drizzleFor(payload, req)
  if (db === (payload.db as unknown as PostgresAdapter).drizzle) {
    await db.execute(outboxInsert(payload, [change]))
    return
  }
  ;(sentWithCommit.get(db) ?? carryWithCommit(payload, db as unknown as Transaction)).push(change)
}

/**
 * Changes whose transaction committed without them: a drizzle that commits some other way than
 * `tx.execute(sql\`commit\`)`. They are written after the commit, with a warning, rather than lost.
 */
export const sendLeftAfterCommit = (adapter: BaseDatabaseAdapter): void => {
  const commit = adapter.commitTransaction.bind(adapter)
  adapter.commitTransaction = async (incomingID) => {
    const id = incomingID instanceof Promise ? await incomingID : incomingID
    const tx = id === undefined || id === null ? undefined : adapter.sessions?.[String(id)]?.db
    await commit(id)
    const left = tx && typeof tx === 'object' ? sentWithCommit.get(tx)?.splice(0) : undefined
    if (!left?.length) return
    adapter.payload.logger.warn(
      'payload-newsroom: a commit went without its invalidation outbox rows; they are written after it',
    )
    try {
      await (await drizzleFor(adapter.payload)).execute(outboxInsert(adapter.payload, left))
    } catch (error) {
      // The save is committed: failing it now would have a client repeat it.
      adapter.payload.logger.error({ err: error, msg: 'payload-newsroom: the outbox rows were lost' })
    }
  }
}

/**
 * Takes up to `limit` due messages for `leaseSeconds`: rows another dispatcher holds are skipped,
 * and a lease that ran out (a dispatcher that died mid-call) makes its rows due again.
 */
export const claimInvalidations = async (
  payload: Payload,
  { leaseSeconds, limit }: { leaseSeconds: number; limit: number },
): Promise<OutboxMessage[]> => {
  const db = await drizzleFor(payload)
  const table = outbox(payload)
  const result = await db.execute(sql`UPDATE ${table} o
    SET locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = o.attempts + 1
    WHERE o.id IN (
      SELECT id FROM ${table}
      WHERE available_at <= now() AND (locked_until IS NULL OR locked_until < now())
      ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING o.id, o.tags, o.paths, o.reach, o.attempts`)
  return (result.rows as (QueuedChange & { attempts: number; id: number })[]).map((row) => ({
    attempts: Number(row.attempts),
    id: Number(row.id),
    paths: row.paths,
    reach: row.reach ?? {},
    tags: row.tags,
  }))
}

/** Sent: the messages leave the outbox. */
export const deleteInvalidations = async (payload: Payload, ids: number[]): Promise<void> => {
  if (!ids.length) return
  const db = await drizzleFor(payload)
  await db.execute(sql`DELETE FROM ${outbox(payload)} WHERE ${inList(sql`id`, ids)}`)
}

/** Failed: the messages are due again after `delaySeconds`, with the error kept for whoever looks. */
export const retryInvalidations = async (
  payload: Payload,
  ids: number[],
  { delaySeconds, error }: { delaySeconds: number; error: string },
): Promise<void> => {
  if (!ids.length) return
  const db = await drizzleFor(payload)
  await db.execute(sql`UPDATE ${outbox(payload)}
    SET locked_until = NULL, available_at = now() + make_interval(secs => ${delaySeconds}),
      last_error = ${error.slice(0, 2000)}
    WHERE ${inList(sql`id`, ids)}`)
}
