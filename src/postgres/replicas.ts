import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQL } from 'drizzle-orm'
import type { Config, Payload } from 'payload'

import { executePrepared } from './prepared.js'
import { drizzleFor } from './transaction.js'

type Drizzle = Awaited<ReturnType<typeof drizzleFor>>
type ReplicaAdapter = PostgresAdapter & {
  drizzle: Drizzle & { $replicas?: Drizzle[] }
  lastWriteTimestamp?: number
  readReplicasAfterWriteInterval?: number
}

// Refused, reset or ended connections, a server starting or shutting down (SQLSTATE 08, 57P01-03).
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
])

/** Whether a failed read failed to reach its server, rather than on its query. */
export const isConnectionError = (error: unknown): boolean => {
  for (
    let current = error as { cause?: unknown; code?: string; message?: string } | undefined, depth = 0;
    current && depth < 5;
    depth += 1
  ) {
    if (current.code && (CONNECTION_CODES.has(current.code) || current.code.startsWith('08'))) return true
    if (/Connection terminated|connect ECONNREFUSED/.test(current.message ?? '')) return true
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
      return await run(replicas[Math.floor(Math.random() * replicas.length)]!)
    } catch (error) {
      if (!isConnectionError(error)) throw error
    }
  }
  return run(await drizzleFor(payload))
}

type Pool = {
  listenerCount: (event: string) => number
  on: (event: 'error', listener: (error: Error) => void) => void
}

/**
 * Read replicas' pools get an `error` listener: db-postgres adds none, so a replica that restarts
 * would end the whole app through an idle connection's error. Its reads fall back to the primary.
 */
export const withReplicaPoolsWatched = (db: Config['db']): Config['db'] => ({
  ...db,
  init: (args) => {
    const adapter = db.init(args) as ReturnType<Config['db']['init']> & Partial<ReplicaAdapter>
    if (adapter.name !== 'postgres' || typeof adapter.connect !== 'function') return adapter
    const connect = adapter.connect.bind(adapter)
    adapter.connect = async (options) => {
      await connect(options)
      for (const replica of (adapter.drizzle as { $replicas?: { $client?: Pool }[] } | undefined)
        ?.$replicas ?? []) {
        const pool = replica.$client
        if (pool && pool.listenerCount('error') === 0) {
          pool.on('error', (error) =>
            adapter.payload?.logger.warn({
              err: error,
              msg: 'payload-newsroom: a read replica connection failed',
            }),
          )
        }
      }
    }
    return adapter
  },
})
