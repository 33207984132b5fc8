import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQL } from 'drizzle-orm'
import type { FlattenedField, Payload, PayloadRequest, Where } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'

import { isPluginHook } from '../pluginHooks.js'
import { tableOf } from '../postgres/tables.js'

/** The read-phase hooks: any of them, unless the plugin's own, may change what a read returns. */
const READ_HOOKS = ['beforeOperation', 'beforeRead', 'afterRead', 'afterOperation'] as const

/** Field types whose stored column is, at depth 0, the value a Local API read returns. */
const PLAIN_TYPES = [
  'checkbox',
  'date',
  'json',
  'number',
  'relationship',
  'select',
  'text',
  'upload',
] as const

/** A field the statement reads, by its column. */
type DirectColumn = { column: string; field: string; type: (typeof PLAIN_TYPES)[number] }

/**
 * How the page's statement can read some fields of a collection itself: the columns, and the
 * condition the caller's read access puts on the rows (null: none).
 */
export type DirectRead = { columns: DirectColumn[]; where: null | SQL }

type Table = Record<string, { name?: string } | undefined>

const columnsCache = new WeakMap<object, Map<string, DirectColumn[] | null>>()

/**
 * The columns of `fields` when nothing between the table and a Local API read at depth 0 changes
 * them: no read hook but the plugin's, no field access or field hook, no localized, hidden,
 * virtual or many-valued field, no trash. Derived from the configuration alone, so kept per
 * collection configuration.
 */
const plainColumns = (payload: Payload, slug: string, fields: readonly string[]): DirectColumn[] | null => {
  const collection = payload.collections[slug as keyof Payload['collections']]?.config
  if (!collection) return null
  const byFields = columnsCache.get(collection) ?? new Map<string, DirectColumn[] | null>()
  columnsCache.set(collection, byFields)
  const key = fields.join(',')
  if (byFields.has(key)) return byFields.get(key)!
  const table = (payload.db as unknown as PostgresAdapter).tables?.[tableOf(payload, slug)] as
    Table | undefined
  const hooks = collection.hooks as Record<string, unknown[] | undefined>
  const hooksAreOurs = READ_HOOKS.every((type) => (hooks?.[type] ?? []).every(isPluginHook))
  const localized = Boolean(payload.config.localization)
  const columns = fields.map((name): DirectColumn | null => {
    const field = collection.flattenedFields.find((candidate) => candidate.name === name) as
      (FlattenedField & Record<string, any>) | undefined
    const column = table?.[name]?.name
    const plain =
      field &&
      column &&
      (PLAIN_TYPES as readonly string[]).includes(field.type) &&
      !field.access?.read &&
      !field.hooks?.afterRead?.length &&
      !field.hidden &&
      !field.virtual &&
      !field.hasMany &&
      typeof (field.relationTo ?? '') === 'string' &&
      !(localized && field.localized)
    return plain ? { column, field: name, type: field.type as DirectColumn['type'] } : null
  })
  const result =
    table && hooksAreOurs && !collection.trash && columns.every(Boolean) ? (columns as DirectColumn[]) : null
  byFields.set(key, result)
  return result
}

const isScalar = (value: unknown): value is boolean | number | string =>
  ['boolean', 'number', 'string'].includes(typeof value)

/**
 * The rows `payload.find({ overrideAccess: false, user, depth: 0, select })` would give this
 * caller, as a condition on the table: none when the collection's read access allows every row,
 * `column = value` when it answers exactly `{ field: { equals: value } }` for a field read
 * directly, and no direct read (null) for any other answer.
 */
const accessCondition = async (
  payload: Payload,
  slug: string,
  columns: DirectColumn[],
  caller: { req?: PayloadRequest; user: null | PayloadRequest['user'] },
  alias: string,
): Promise<{ where: null | SQL } | null> => {
  const read = payload.collections[slug as keyof Payload['collections']]!.config.access.read
  const req = caller.req ?? (await createLocalReq({}, payload))
  // As Payload's find sets it before it asks the access function.
  req.user = caller.user ?? null
  const answer = (await read({ req })) as boolean | Where
  if (answer === true) return { where: null }
  const entries = typeof answer === 'object' && answer ? Object.entries(answer) : []
  if (entries.length !== 1) return null
  const [field, condition] = entries[0]!
  const operators = condition && typeof condition === 'object' ? Object.entries(condition) : []
  const column = columns.find((candidate) => candidate.field === field)
  if (!column || operators.length !== 1 || operators[0]![0] !== 'equals' || !isScalar(operators[0]![1]))
    return null
  return { where: sql`${sql.identifier(alias)}.${sql.identifier(column.column)} = ${operators[0]![1]}` }
}

/**
 * Whether the page's one statement may read `fields` of `slug` itself, for this caller, giving
 * what the Local API read gives; `fields` must include any field the access answer names.
 */
export const directReadOf = async (
  payload: Payload,
  slug: string,
  fields: readonly string[],
  caller: { req?: PayloadRequest; user: null | PayloadRequest['user'] },
  alias: string,
): Promise<DirectRead | null> => {
  const columns = plainColumns(payload, slug, fields)
  if (!columns) return null
  const access = await accessCondition(payload, slug, columns, caller, alias)
  return access ? { columns, where: access.where } : null
}

/**
 * A row as the Local API returns it at depth 0: `id` and each field, dates as ISO strings with
 * milliseconds (Payload stores them at that precision), numbers as numbers.
 */
export const directDocJson = (read: DirectRead, alias: string): SQL => {
  const value = ({ column, type }: DirectColumn) => {
    const ref = sql`${sql.identifier(alias)}.${sql.identifier(column)}`
    return type === 'date' ? sql`to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : ref
  }
  const pairs = read.columns.map((column) => sql`${column.field}::text, ${value(column)}`)
  return sql`jsonb_build_object('id', ${sql.identifier(alias)}.id, ${sql.join(pairs, sql`, `)})`
}
