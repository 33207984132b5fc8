import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

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

/**
 * Runs `first` (a lock) and then `second` in one round trip, `second` with a snapshot taken after
 * `first` has finished, as two separate statements would: both go in one simple-protocol message,
 * and under READ COMMITTED each statement of a message takes its own snapshot. That protocol has
 * no parameters, so values are inlined (quotes doubled); when one is not a safe integer or a
 * string without backslashes and NUL, the two statements are sent one after the other instead.
 * Returns both results.
 */
export const runInTurn = async (db: Drizzle, first: SQL, second: SQL): Promise<[Result, Result]> => {
  const dialect = (db as unknown as { dialect?: Dialect }).dialect
  const { params } = dialect?.sqlToQuery(sql`${first}; ${second}`) ?? { params: [null] }
  if (!dialect || !params.every(inlinable)) {
    const firstResult = (await db.execute(first)) as Result
    return [firstResult, (await db.execute(second)) as Result]
  }
  const { sql: text } = dialect.sqlToQuery(sql`${first}; ${second}`.inlineParams())
  const results = (await db.execute(sql.raw(text))) as unknown as Result[]
  // Each argument must be one statement without comments; anything else is a caller's mistake.
  if (!Array.isArray(results) || results.length !== 2)
    throw new Error('payload-newsroom: runInTurn expects two statements, one in each argument')
  return [results[0]!, results[1]!]
}
