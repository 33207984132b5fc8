import type { SQL } from 'drizzle-orm'

import { createHash } from 'node:crypto'

import { compileSql } from './compileSql.js'

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

/** PostgreSQL's answers when a pooler in transaction mode (PgBouncer, Supavisor) moved the connection. */
const LOST_PREPARED_STATEMENT = new Set(['26000', '42P05'])

/**
 * Runs `query` as a named prepared statement: each pooled connection parses it once and
 * PostgreSQL may keep one generic plan, which for a statement of many CTEs saves milliseconds a
 * call. The name is the text's hash, so statements for other collection names or limits never
 * collide. Goes through drizzle's session, so the adapter's query logger still sees it. Falls back
 * to a plain `execute` where drizzle's internals differ, and when a connection pooler in
 * transaction mode has lost the statement. With read replicas it runs on the primary (drizzle's
 * replica wrapper keeps the primary's session).
 */
export const executePrepared = async (db: Drizzle, query: SQL): Promise<{ rows: unknown[] }> => {
  const { dialect, session } = db as unknown as Internals
  const plain = async () => (await db.execute(query)) as { rows: unknown[] }
  if (!dialect?.sqlToQuery || !session?.prepareQuery) return plain()
  const compiled = compileSql(query) ?? dialect.sqlToQuery(query)
  const name = `newsroom_${createHash('sha1').update(compiled.sql).digest('hex').slice(0, 16)}`
  try {
    return await session.prepareQuery(compiled, undefined, name, false).execute()
  } catch (error) {
    const code =
      (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code
    if (code && LOST_PREPARED_STATEMENT.has(code)) return plain()
    throw error
  }
}
