import { sql } from '@payloadcms/db-postgres/drizzle'
import { PgDialect, pgTable, serial } from '@payloadcms/db-postgres/drizzle/pg-core'
import { expect, test } from 'vitest'

import { compileSql } from '../../src/postgres/compileSql.js'

const drizzleOf = (query: ReturnType<typeof sql>) => {
  const { params, sql: text } = new PgDialect().sqlToQuery(query)
  return { params, sql: text }
}

test('compileSql writes what drizzle writes for templates, raw text, joins, identifiers and values', () => {
  const when = new Date('2026-12-03T10:00:00.000Z')
  const inner = sql`SELECT ${sql.identifier('we"ird')}.id FROM ${sql.identifier('articles')} a WHERE a.slug = ${'a-slug'}`
  const query = sql`WITH me AS (${inner}), x AS (SELECT ${sql.raw(`'region'`)}, ${null}::text, ${42}, ${true}, ${when})
    SELECT * FROM me WHERE id IN (${sql.join(
      [1, 2, 3].map((id) => sql`${id}`),
      sql`, `,
    )}) ${sql``}
    ${sql.empty()} AND ${sql.join([sql`a = ${'x'}`, sql`b = ${{ json: [1] }}`], sql` AND `)} ${undefined}`
  const ours = compileSql(query)
  expect(ours).toEqual(drizzleOf(query))
  expect(ours!.sql).toContain('"we""ird".id')
  expect(ours!.params).toEqual(['a-slug', null, 42, true, when, 1, 2, 3, 'x', { json: [1] }])
})

test('compileSql with a literal writer inlines as drizzle does, and gives up where the writer does', () => {
  const literal = (value: unknown) =>
    typeof value === 'string'
      ? `'${value.replace(/'/g, "''")}'`
      : typeof value === 'number'
        ? String(value)
        : null
  const query = sql`SELECT pg_advisory_xact_lock(${7}); SELECT slug FROM ${sql.identifier('articles')}
    WHERE slug IN (${sql.join(
      ["o'brien", 'x'].map((slug) => sql`${slug}`),
      sql`, `,
    )})`
  expect(compileSql(query, literal)).toEqual({
    params: [],
    sql: new PgDialect().sqlToQuery(query.inlineParams()).sql,
  })
  expect(compileSql(sql`SELECT ${null}`, literal)).toBeNull()
})

test('compileSql leaves to drizzle what it does not write itself', () => {
  const table = pgTable('things', { id: serial('id').primaryKey() })
  expect(compileSql(sql`SELECT * FROM ${table}`)).toBeNull()
  expect(compileSql(sql`SELECT ${table.id}`)).toBeNull()
  expect(compileSql(sql`SELECT ${sql.placeholder('id')}`)).toBeNull()
  expect(compileSql(sql`SELECT ${sql.param(1)}`)).toBeNull()
  expect(compileSql(sql`SELECT ${[1, 2]}`)).toBeNull()
  const inline = sql`SELECT ${1}`.inlineParams()
  expect(compileSql(sql`SELECT * WHERE ${inline}`)).toBeNull()
  expect(compileSql(inline)).toBeNull()
})
