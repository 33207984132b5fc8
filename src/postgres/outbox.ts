import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Config, Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { integer, jsonb, pgTable, serial, text, timestamp } from '@payloadcms/db-postgres/drizzle/pg-core'

import { inList } from './inList.js'
import type { Invalidation } from '../options.js'

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

/**
 * Writes an invalidation in the request's transaction and notifies the dispatchers: both are
 * rolled back with the save, and the notification reaches them only once the save commits.
 */
export const enqueueInvalidation = async (
  payload: Payload,
  req: Partial<PayloadRequest>,
  { paths, reach, tags }: QueuedChange,
): Promise<void> => {
  const db = await drizzleFor(payload, req)
  await db.execute(sql`WITH queued AS (
      INSERT INTO ${outbox(payload)} (tags, paths, reach)
        VALUES (${JSON.stringify(tags)}::jsonb, ${JSON.stringify(paths)}::jsonb, ${JSON.stringify(reach)}::jsonb)
      RETURNING id
    ) SELECT pg_notify(${OUTBOX_CHANNEL}, '') FROM queued`)
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
