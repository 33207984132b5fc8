import type { PayloadRequest } from 'payload'

import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import { runWithPendingChecks } from './pendingChecks.js'

import { drizzleFor } from './transaction.js'

/**
 * The request's transaction, which a transaction-scoped lock needs: outside one PostgreSQL
 * releases it at the end of the statement and the check it guards is void, so refuse loudly.
 */
const transactionOf = async (req: PayloadRequest) => {
  const transactionID = req.transactionID ? await req.transactionID : undefined
  if (transactionID === undefined) {
    throw new Error(
      'payload-newsroom: this save needs a database transaction (was it run with disableTransaction?)',
    )
  }
  return drizzleFor(req.payload, req)
}

const keyOf = (key: string) => sql`hashtextextended(${key}, 0)`

const lockSql = (key: string) => sql`SELECT pg_advisory_xact_lock(${keyOf(key)})`

/**
 * Takes a PostgreSQL advisory lock held until the request's transaction ends. Serialises
 * check-then-insert work (free slug, region moves) across requests and app instances without
 * touching the rows themselves. Keys are hashed to 64 bits.
 */
export const lockUntilCommit = async (req: PayloadRequest, key: string): Promise<void> => {
  const db = await transactionOf(req)
  await db.execute(lockSql(key))
}

/**
 * `lockUntilCommit`, then `read` with a snapshot taken once the lock is held (so it sees what the
 * previous holder committed), in one round trip (runInTurn) that also takes the save's pending
 * checks along (pendingChecks; `save` is its `originalDoc`). Returns the rows of `read`.
 */
export const lockThenRead = async (
  req: PayloadRequest,
  key: string,
  read: SQL,
  save?: unknown,
): Promise<unknown[]> => {
  const db = await transactionOf(req)
  return (await runWithPendingChecks(db, save, lockSql(key), read))[1]!.rows
}

/**
 * Like `lockUntilCommit`, but never waits: false when another transaction holds the lock. Public
 * submissions use it, so a burst from one sender cannot park pool connections on a lock.
 */
export const tryLockUntilCommit = async (req: PayloadRequest, key: string): Promise<boolean> => {
  const db = await transactionOf(req)
  const { rows } = await db.execute(sql`SELECT pg_try_advisory_xact_lock(${keyOf(key)}) AS locked`)
  return (rows[0] as { locked?: boolean } | undefined)?.locked === true
}
