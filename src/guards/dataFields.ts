import type { Field, FieldAffectingData } from 'payload'

export type DataField = { field: FieldAffectingData; path: string[] }

/**
 * Fields that hold a value at their own path, reachable through groups, rows, collapsibles and
 * tabs (named groups and tabs add to the path; arrays and blocks are not entered).
 */
export const dataFieldsOf = (fields: Field[]): DataField[] => memoized(fields, dataFieldsOf, collect)

const collect = (fields: Field[], parent: string[] = []): DataField[] =>
  fields.flatMap((field): DataField[] => {
    if (field.type === 'group') {
      return collect(field.fields, 'name' in field && field.name ? [...parent, field.name] : parent)
    }
    if (field.type === 'row' || field.type === 'collapsible') return collect(field.fields, parent)
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        collect(tab.fields, 'name' in tab && tab.name ? [...parent, tab.name] : parent),
      )
    }
    return 'name' in field && field.name
      ? [{ field: field as FieldAffectingData, path: [...parent, field.name] }]
      : []
  })

/** The value at a field path in submitted data, or undefined. */
export const valueAt = (data: unknown, path: string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    data,
  )

const memos = new WeakMap<object, WeakMap<Field[], unknown>>()

/**
 * `derive(fields)`, computed once per fields array: a collection's fields are fixed once Payload
 * has sanitized its config, and the guards ask on every save.
 */
export const memoized = <T>(fields: Field[], key: object, derive: (fields: Field[]) => T): T => {
  let byFields = memos.get(key)
  if (!byFields) memos.set(key, (byFields = new WeakMap()))
  if (!byFields.has(fields)) byFields.set(fields, derive(fields))
  return byFields.get(fields) as T
}
