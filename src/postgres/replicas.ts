import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQL } from 'drizzle-orm'
import type { Config, Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { executePrepared } from './prepared.js'
import { drizzleFor } from './transaction.js'

type Drizzle = Awaited<ReturnType<typeof drizzleFor>>
type ReplicaAdapter = PostgresAdapter & {
  drizzle: Drizzle & { $replicas?: Drizzle[] }
  lastWriteTimestamp?: number
  readReplicasAfterWriteInterval?: number
}

// Refused, reset, unreachable or ended connections, a server starting or shutting down, one with no
// connection left (53300), and a standby cancelling a query that conflicts with its recovery (40001).
const CONNECTION_CODES = new Set([
  '40001',
  '53300',
  '57P01',
  '57P02',
  '57P03',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'ETIMEDOUT',
])
const CONNECTION_MESSAGES =
  /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable|Query read timeout|replica did not answer/

/** Whether a failed read failed to reach its server, rather than on its query. */
export const isConnectionError = (error: unknown): boolean => {
  for (
    let current = error as { cause?: unknown; code?: string; message?: string } | undefined, depth = 0;
    current && depth < 5;
    depth += 1
  ) {
    if (current.code && (CONNECTION_CODES.has(current.code) || current.code.startsWith('08'))) return true
    if (CONNECTION_MESSAGES.test(current.message ?? '')) return true
    current = current.cause as typeof current
  }
  return false
}

const adapterOf = (payload: Payload) => payload.db as unknown as ReplicaAdapter

/** The host's read replicas (db-postgres `readReplicas`), none when it has none. */
export const replicasOf = (payload: Payload): Drizzle[] => adapterOf(payload).drizzle.$replicas ?? []

/**
 * Whether this instance wrote within Payload's read-after-write window
 * (`readReplicasAfterWriteInterval`): Payload then reads from the primary, and so does the plugin.
 */
const wroteJustNow = (adapter: ReplicaAdapter): boolean =>
  Boolean(adapter.lastWriteTimestamp) &&
  Date.now() - adapter.lastWriteTimestamp! < (adapter.readReplicasAfterWriteInterval ?? 2000)

/** How long a read waits for a replica before it asks the primary (a replica that hangs, not refuses). */
export const REPLICA_TIMEOUT_MS = 5000

/** `read`, or a connection error once the replica has not answered in `REPLICA_TIMEOUT_MS`. */
export const withinReplicaTimeout = async <T>(read: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('the read replica did not answer in time')), REPLICA_TIMEOUT_MS)
    timer.unref?.()
  })
  // The abandoned read settles later on its own; its result or error is of no interest.
  read.catch(() => undefined)
  try {
    return await Promise.race([read, late])
  } finally {
    clearTimeout(timer)
  }
}

/** A replica failed a read: said once a minute at most, so an outage is seen without flooding the log. */
let lastWarning = 0
export const warnReplicaFallback = (payload: Payload, error: unknown) => {
  if (Date.now() - lastWarning < 60_000) return
  lastWarning = Date.now()
  payload.logger.warn({
    err: error,
    msg: 'payload-newsroom: a read replica failed; reading from the primary',
  })
}

/**
 * Runs a delivery read's own statement: on a read replica when the host has some, else (or for
 * `primary` reads, such as an editor's draft, and when the replica cannot be reached) on the
 * primary. A replica that lags serves what it has; one that is down costs a retry, not the page.
 */
export const executeRead = async (
  payload: Payload,
  query: SQL,
  { prepared = true, primary = false }: { prepared?: boolean; primary?: boolean } = {},
): Promise<{ rows: unknown[] }> => {
  const run = (db: Drizzle) =>
    prepared ? executePrepared(db, query) : (db.execute(query) as Promise<{ rows: unknown[] }>)
  const replicas = replicasOf(payload)
  if (!primary && replicas.length && !wroteJustNow(adapterOf(payload))) {
    try {
      return await withinReplicaTimeout(run(replicas[Math.floor(Math.random() * replicas.length)]!))
    } catch (error) {
      if (!isConnectionError(error)) throw error
      warnReplicaFallback(payload, error)
    }
  }
  return run(await drizzleFor(payload))
}

/** How long the dispatcher waits for replicas to replay a change before it names it anyway. */
export const REPLICA_CATCH_UP_MS = 10_000

/**
 * Waits until every read replica has replayed what the primary has committed so far (at most
 * `REPLICA_CATCH_UP_MS`): a cache refilled after an invalidation must read the change, not the
 * replica's older state. A replica that cannot be reached counts as caught up (its reads go to the
 * primary). False when one is still behind at the deadline.
 */
export const replicasCaughtUp = async (payload: Payload): Promise<boolean> => {
  const replicas = replicasOf(payload)
  if (!replicas.length) return true
  const primary = (await drizzleFor(payload)) as unknown as { $primary?: Drizzle } & Drizzle
  const { rows } = (await (primary.$primary ?? primary).execute(
    sql`SELECT pg_current_wal_lsn()::text AS lsn`,
  )) as {
    rows: { lsn: string }[]
  }
  const lsn = rows[0]!.lsn
  const deadline = Date.now() + REPLICA_CATCH_UP_MS
  for (const replica of replicas) {
    for (;;) {
      let done = true
      try {
        // Null on a server that is not in recovery (a URL that names a primary): nothing to wait for.
        const replayed = (await withinReplicaTimeout(
          replica.execute(sql`SELECT coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, true) AS done`),
        )) as { rows: { done: boolean }[] }
        done = replayed.rows[0]?.done !== false
      } catch (error) {
        if (!isConnectionError(error)) throw error
      }
      if (done) break
      if (Date.now() > deadline) return false
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  return true
}

type Pool = {
  listenerCount: (event: string) => number
  on: (event: 'error', listener: (error: Error) => void) => void
}

/**
 * The primary's and the read replicas' pools get an `error` listener: db-postgres adds none, so a
 * server that restarts or shuts down (Ctrl-C reaches an embedded PostgreSQL with the app) would
 * end the whole app through an idle connection's error. The pool drops that connection and opens
 * a new one when asked; a replica's reads meanwhile fall back to the primary.
 */
export const withPoolsWatched = (db: Config['db']): Config['db'] => ({
  ...db,
  init: (args) => {
    const adapter = db.init(args) as ReturnType<Config['db']['init']> & Partial<ReplicaAdapter>
    if (adapter.name !== 'postgres' || typeof adapter.connect !== 'function') return adapter
    const connect = adapter.connect.bind(adapter)
    const watch = (pool: Pool | undefined, msg: string) => {
      if (pool && pool.listenerCount('error') === 0) {
        pool.on('error', (error) => adapter.payload?.logger.warn({ err: error, msg }))
      }
    }
    adapter.connect = async (options) => {
      await connect(options)
      watch((adapter as { pool?: Pool }).pool, 'payload-newsroom: an idle database connection failed')
      for (const replica of (adapter.drizzle as { $replicas?: { $client?: Pool }[] } | undefined)
        ?.$replicas ?? []) {
        watch(replica.$client, 'payload-newsroom: a read replica connection failed')
      }
    }
    return adapter
  },
})
