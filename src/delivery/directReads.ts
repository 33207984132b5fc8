import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQL } from 'drizzle-orm'
import type {
  CollectionAfterReadHook,
  FlattenedField,
  Payload,
  PayloadRequest,
  SanitizedCollectionConfig,
  Where,
} from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'

import { isPluginHook, pluginConditionOf } from '../pluginHooks.js'
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
 * How the page's statement can read some fields of a collection itself: the columns, the
 * condition the caller's read access puts on the rows (null: none), and what `directDocs` needs
 * to run the collection's (the plugin's) `afterRead` hooks on them as the Local API would.
 */
export type DirectRead = {
  collection: SanitizedCollectionConfig
  columns: DirectColumn[]
  req: PayloadRequest
  where: null | ((alias: string) => SQL)
}

type Table = Record<string, { name?: string } | undefined>

/** Whether every read-phase hook of the collection is the plugin's own (checked on every call). */
export const hasOnlyPluginReadHooks = (payload: Payload, slug: string): boolean => {
  const hooks = payload.collections[slug as keyof Payload['collections']]?.config.hooks as
    Record<string, unknown[] | undefined> | undefined
  return READ_HOOKS.every((type) => (hooks?.[type] ?? []).every(isPluginHook))
}

type AnyField = {
  blocks?: { fields: AnyField[] }[]
  fields?: AnyField[]
  hooks?: { afterRead?: unknown[] }
  tabs?: { fields: AnyField[] }[]
}

/** Whether no field of `fields`, however deep, has an `afterRead` hook (one may read its siblings). */
const noFieldReadHooks = (fields: AnyField[]): boolean =>
  fields.every(
    (field) =>
      !field.hooks?.afterRead?.length &&
      noFieldReadHooks(field.fields ?? []) &&
      (field.tabs ?? []).every((tab) => noFieldReadHooks(tab.fields)) &&
      (field.blocks ?? []).every((block) => noFieldReadHooks(block.fields)),
  )

/**
 * Whether a read of the collection may leave out fields the caller never uses: no hook but the
 * plugin's and no field's `afterRead` hook could have read them.
 */
export const mayLeaveOutFields = (payload: Payload, slug: string): boolean => {
  const collection = payload.collections[slug as keyof Payload['collections']]?.config
  return (
    Boolean(collection) &&
    hasOnlyPluginReadHooks(payload, slug) &&
    noFieldReadHooks(collection!.fields as unknown as AnyField[])
  )
}

/**
 * The columns of `fields` when nothing between the table and a Local API read at depth 0 changes
 * them: no read hook but the plugin's, no field access or field hook, no localized, hidden,
 * virtual or many-valued field, no trash. Checked on every call (a few scans of the config), so
 * a hook added at run time counts at once.
 */
const plainColumns = (payload: Payload, slug: string, fields: readonly string[]): DirectColumn[] | null => {
  const collection = payload.collections[slug as keyof Payload['collections']]?.config
  const table = (payload.db as unknown as PostgresAdapter).tables?.[tableOf(payload, slug)] as
    Table | undefined
  if (!collection || !table || collection.trash || !hasOnlyPluginReadHooks(payload, slug)) return null
  const localized = Boolean(payload.config.localization)
  const columns: DirectColumn[] = []
  for (const name of fields) {
    const field = collection.flattenedFields.find((candidate) => candidate.name === name) as
      (FlattenedField & Record<string, any>) | undefined
    const column = table[name]?.name
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
    if (!plain) return null
    columns.push({ column, field: name, type: field.type as DirectColumn['type'] })
  }
  return columns
}

/**
 * Whether `value` is already what Payload would compare the column with: Payload converts other
 * values first (a JSON text, a date in any form, `''` for 0, `'null'`), which plain SQL would not.
 */
const comparesAsIs = (type: DirectColumn['type'], value: unknown): boolean =>
  type === 'text' || type === 'select'
    ? typeof value === 'string'
    : type === 'checkbox'
      ? typeof value === 'boolean'
      : type === 'number' && typeof value === 'number' && Number.isFinite(value)

/**
 * The rows `payload.find({ overrideAccess: false, user, depth: 0, select })` would give this
 * caller, as a condition on the table: none when the collection's read access allows every row,
 * `column = value` when it answers exactly `{ field: { equals: value } }` for a text, select,
 * checkbox or number field read directly, and no direct read (null) for any other answer.
 */
const accessCondition = async (
  payload: Payload,
  slug: string,
  columns: DirectColumn[],
  req: PayloadRequest,
): Promise<{ where: DirectRead['where'] } | null> => {
  const read = payload.collections[slug as keyof Payload['collections']]!.config.access.read
  const answer = (await read({ req })) as boolean | Where
  if (answer === true) return { where: null }
  // The plugin's own answers carry their SQL, on columns that follow the same rules.
  const stated = pluginConditionOf(answer)
  if (stated) {
    const named = plainColumns(payload, slug, stated.fields)
    if (!named) return null
    const column = (alias: string) => (field: string) =>
      sql`${sql.identifier(alias)}.${sql.identifier(named.find((each) => each.field === field)!.column)}`
    return { where: (alias) => stated.sql(column(alias)) }
  }
  const entries = typeof answer === 'object' && answer ? Object.entries(answer) : []
  if (entries.length !== 1) return null
  const [field, condition] = entries[0]!
  const operators = condition && typeof condition === 'object' ? Object.entries(condition) : []
  const column = columns.find((candidate) => candidate.field === field)
  if (!column || operators.length !== 1 || operators[0]![0] !== 'equals') return null
  const value = operators[0]![1]
  if (!comparesAsIs(column.type, value)) return null
  return { where: (alias) => sql`${sql.identifier(alias)}.${sql.identifier(column.column)} = ${value}` }
}

/**
 * The request a Local API read of these options asks the access function with: Payload's own
 * `createLocalReq` of them (the caller's request, user and locale).
 */
export const accessRequestOf = (
  payload: Payload,
  options: { locale?: string; req?: PayloadRequest; user: null | PayloadRequest['user'] },
): Promise<PayloadRequest> => createLocalReq(options as Parameters<typeof createLocalReq>[0], payload)

/**
 * Whether the page's one statement may read `fields` of `slug` itself, for the caller whose
 * Local API request is `req` (accessRequestOf), giving what the Local API read gives; `fields`
 * must include any field the access answer names.
 */
export const directReadOf = async (
  payload: Payload,
  slug: string,
  fields: readonly string[],
  req: PayloadRequest,
): Promise<DirectRead | null> => {
  const columns = plainColumns(payload, slug, fields)
  if (!columns) return null
  // An access function that throws here (one written for requests the Local API would not make
  // for this page) leaves the read to the Local API, as before.
  const access = await accessCondition(payload, slug, columns, req).catch(() => null)
  const collection = payload.collections[slug as keyof Payload['collections']]!.config
  return access ? { collection, columns, req, where: access.where } : null
}

/**
 * A row as a JSON object of `id` and each field; dates and numbers as the text the driver
 * gets, which `directDoc` converts as Payload's read transform does.
 */
export const directDocJson = (read: DirectRead, alias: string): SQL => {
  const value = ({ column, type }: DirectColumn) => {
    const ref = sql`${sql.identifier(alias)}.${sql.identifier(column)}`
    return type === 'date' || type === 'number' ? sql`${ref}::text` : ref
  }
  const pairs = read.columns.map((column) => sql`${column.field}::text, ${value(column)}`)
  return sql`jsonb_build_object('id', ${sql.identifier(alias)}.id, ${sql.join(pairs, sql`, `)})`
}

/**
 * Rows of `directDocJson` as the Local API returns them at depth 0: values converted as
 * Payload's read transform converts them, then the collection's `afterRead` hooks (the
 * plugin's: `directReadOf` allows no other), run as Payload runs them on each document.
 */
export const directDocs = async (
  read: DirectRead,
  rows: Record<string, unknown>[],
): Promise<Record<string, unknown>[]> => {
  const hooks = (read.collection.hooks?.afterRead ?? []) as CollectionAfterReadHook[]
  const docs: Record<string, unknown>[] = []
  for (const json of rows) {
    let doc: Record<string, unknown> = { ...json }
    for (const { field, type } of read.columns) {
      const value = doc[field]
      if (typeof value !== 'string') continue
      if (type === 'date') doc[field] = new Date(value).toISOString()
      else if (type === 'number') doc[field] = Number.parseFloat(value)
    }
    for (const hook of hooks) {
      doc =
        (await hook({
          collection: read.collection,
          context: read.req.context,
          doc,
          findMany: true,
          overrideAccess: false,
          query: {},
          req: read.req,
        })) ?? doc
    }
    docs.push(doc)
  }
  return docs
}
