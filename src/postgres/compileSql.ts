import type { SQL } from 'drizzle-orm'

/** drizzle's own class tag (`is()` compares it); a symbol from the global registry, so any copy of drizzle shares it. */
export const entityKind = Symbol.for('drizzle:entityKind')

type Chunk = { constructor?: Record<symbol, unknown> } & Record<string, unknown>
/** `SQL` as its writer sees it (`shouldInlineParams` is private in drizzle's types). */
type Statement = { queryChunks: unknown[]; shouldInlineParams?: boolean }

/**
 * The text and bound values of a statement made of drizzle's `sql` templates, `sql.raw`,
 * `sql.join` and `sql.identifier`, exactly as PostgreSQL's dialect writes them (`$1`, `"name"`).
 * drizzle's own writer asks every chunk whether it is each of a dozen classes, which for the
 * page's facts statement (a few hundred chunks) costs 0.2 ms a call; this asks once.
 * Null for any other chunk (a table, column, `sql.param`, placeholder, list or wrapper), which
 * the caller then leaves to drizzle's `sqlToQuery`. With `inline`, each value is written as the
 * literal it returns instead of bound (null: a value it cannot inline, and no text).
 */
export const compileSql = (
  query: SQL,
  inline?: (value: unknown) => null | string,
): { params: unknown[]; sql: string } | null => {
  const params: unknown[] = []
  let text = ''
  const bind = (value: unknown): boolean => {
    const literal = inline ? inline(value) : `$${params.push(value)}`
    if (literal === null) return false
    text += literal
    return true
  }
  const write = (chunks: readonly unknown[]): boolean => {
    for (const chunk of chunks) {
      if (chunk === undefined) continue
      if (typeof chunk === 'function' || Array.isArray(chunk)) return false
      if (chunk === null || typeof chunk !== 'object') {
        if (!bind(chunk)) return false
        continue
      }
      const { constructor } = chunk as Chunk
      const kind = constructor?.[entityKind]
      if (kind === 'StringChunk') text += ((chunk as Chunk).value as string[]).join('')
      else if (kind === 'Name') text += `"${((chunk as Chunk).value as string).replace(/"/g, '""')}"`
      else if (kind === 'SQL') {
        const nested = chunk as unknown as Statement
        if (nested.shouldInlineParams || !write(nested.queryChunks)) return false
      } else if (kind !== undefined || typeof (chunk as Chunk).getSQL === 'function') return false
      // A value drizzle binds as it is (a Date, a JSON object).
      else if (!bind(chunk)) return false
    }
    return true
  }
  const statement = query as unknown as Statement
  return !statement.shouldInlineParams && write(statement.queryChunks) ? { params, sql: text } : null
}
