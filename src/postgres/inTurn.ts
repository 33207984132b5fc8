import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import { compileSql } from './compileSql.js'

type Drizzle = Awaited<ReturnType<typeof import('./transaction.js').drizzleFor>>
type Dialect = { sqlToQuery: (query: SQL) => { params: unknown[]; sql: string } }
type Result = { rows: unknown[] }

/**
 * A value that reads the same inlined as bound, whatever `standard_conforming_strings` says (a
 * non-integer or huge number would be a numeric literal, compared without the column's index).
 */
const inlinable = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isSafeInteger(value)) ||
  (typeof value === 'string' && !/[\\\0]/.test(value))

/** An inlinable value as drizzle inlines it (`sqlToQuery` of `inlineParams()`); else null. */
export const literalOf = (value: unknown): null | string =>
  !inlinable(value) ? null : typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value)

/**
 * Runs `statements` in one round trip, each with a snapshot taken after the one before has
 * finished (a lock, then reads that see what the previous holder committed), as separate
 * statements would: all go in one simple-protocol message, and under READ COMMITTED each statement
 * of a message takes its own snapshot. That protocol has no parameters, so values are inlined
 * (quotes doubled); when one is not a safe integer or a string without backslashes and NUL, the
 * statements are sent one after the other instead. Returns their results in order.
 */
export const runInTurn = async (db: Drizzle, ...statements: SQL[]): Promise<Result[]> => {
  const dialect = (db as unknown as { dialect?: Dialect }).dialect
  const message = sql.join(statements, sql`; `)
  if (statements.length > 1) {
    const inlined = compileSql(message, literalOf)
    if (inlined) return executeMessage(db, inlined.sql, statements.length)
  }
  // What compileSql leaves to drizzle: its own writer decides.
  const { params } = dialect?.sqlToQuery(message) ?? { params: [null] }
  if (!dialect || statements.length === 1 || !params.every(inlinable)) {
    const results: Result[] = []
    for (const statement of statements) results.push((await db.execute(statement)) as Result)
    return results
  }
  return executeMessage(db, dialect.sqlToQuery(message.inlineParams()).sql, statements.length)
}

/** One simple-protocol message of `count` statements; their results in order. */
const executeMessage = async (db: Drizzle, text: string, count: number): Promise<Result[]> => {
  const results = (await db.execute(sql.raw(text))) as unknown as Result[]
  // Each argument must be one statement without comments; anything else is a caller's mistake.
  if (!Array.isArray(results) || results.length !== count)
    throw new Error('payload-newsroom: runInTurn expects one statement in each argument')
  return results
}
