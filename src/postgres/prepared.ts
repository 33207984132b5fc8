import type { SQL } from 'drizzle-orm'

import { createHash } from 'node:crypto'

type Drizzle = Awaited<ReturnType<typeof import('./transaction.js').drizzleFor>>
type Internals = {
  dialect?: { sqlToQuery: (query: SQL) => { params: unknown[]; sql: string } }
  session?: {
    prepareQuery: (
      query: { params: unknown[]; sql: string },
      fields: undefined,
      name: string,
      arrayMode: boolean,
    ) => { execute: () => Promise<{ rows: unknown[] }> }
  }
}

/**
 * Runs `query` as a named prepared statement: each pooled connection parses and plans it once
 * and then reuses the plan, which for a statement of many CTEs saves milliseconds a call. The
 * name is the text's hash, so statements for other collection names or limits never collide.
 * Goes through drizzle's session, so the adapter's query logger still sees it; falls back to a
 * plain `execute` where drizzle's internals differ (read-replica wrappers).
 */
export const executePrepared = async (db: Drizzle, query: SQL): Promise<{ rows: unknown[] }> => {
  const { dialect, session } = db as unknown as Internals
  if (!dialect?.sqlToQuery || !session?.prepareQuery) return (await db.execute(query)) as { rows: unknown[] }
  const compiled = dialect.sqlToQuery(query)
  const name = `newsroom_${createHash('sha1').update(compiled.sql).digest('hex').slice(0, 16)}`
  return session.prepareQuery(compiled, undefined, name, false).execute()
}
