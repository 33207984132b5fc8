import type { SQL } from 'drizzle-orm'
import type { Config } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { entityKind } from './compileSql.js'
import { versionsTableOf } from './tables.js'

type Adapter = ReturnType<Config['db']['init']> & {
  execute?: (args: { sql?: SQL } & Record<string, unknown>) => unknown
  tables?: Record<string, unknown>
}

/** The text of Payload's statement with its table, columns and values left out, spaces collapsed. */
const CLEAR_LATEST = 'UPDATE SET latest = false WHERE != AND = AND <'

/** Is `statement` the `latest` clean-up of Payload's createVersion, on `table`? */
const isLatestCleanup = (statement: SQL, table: unknown): boolean => {
  const chunks = (statement as unknown as { queryChunks?: unknown[] }).queryChunks
  if (!Array.isArray(chunks) || chunks[1] !== table) return false
  const text = chunks
    .filter(
      (chunk) =>
        (chunk as { constructor?: Record<symbol, unknown> })?.constructor?.[entityKind] === 'StringChunk',
    )
    .map((chunk) => ((chunk as { value: string[] }).value ?? []).join(''))
    .join(' ')
  return text.replace(/\s+/g, ' ').trim() === CLEAR_LATEST
}

/**
 * Payload's createVersion (drizzle adapter 3.90) sets `latest = false` on every older version of
 * the saved document, also on those already false: an article keeping 50 versions rewrites 49
 * version rows and their indexes on every save. For the articles' versions this adds
 * `AND latest` to that statement, so a save rewrites the one row that was latest; the rows end
 * the same (a NULL flag, which Payload never writes, stays NULL; every read asks `latest = true`).
 * Any other statement, or a Payload that words this one differently, is left as it is.
 */
export const withLatestFlagsCleared = (
  db: Config['db'],
  { articles }: { articles: string },
): Config['db'] => ({
  ...db,
  init: (args) => {
    const adapter = db.init(args) as Adapter
    const execute = adapter.execute
    if (adapter.name !== 'postgres' || typeof execute !== 'function') return adapter
    adapter.execute = function (this: Adapter, call) {
      const table = adapter.tables?.[versionsTableOf(adapter.payload, articles)]
      const statement = call?.sql
      return execute.call(
        this,
        statement && table && isLatestCleanup(statement, table)
          ? { ...call, sql: sql`${statement} AND latest` }
          : call,
      )
    }
    return adapter
  },
})
