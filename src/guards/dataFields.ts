import type { Field, FieldAffectingData } from 'payload'

export type DataField = { field: FieldAffectingData; path: string[] }

/**
 * Fields that hold a value at their own path, reachable through groups, rows, collapsibles and
 * tabs (named groups and tabs add to the path; arrays and blocks are not entered).
 */
export const dataFieldsOf = (fields: Field[], parent: string[] = []): DataField[] =>
  fields.flatMap((field): DataField[] => {
    if (field.type === 'group') {
      return dataFieldsOf(field.fields, 'name' in field && field.name ? [...parent, field.name] : parent)
    }
    if (field.type === 'row' || field.type === 'collapsible') return dataFieldsOf(field.fields, parent)
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        dataFieldsOf(tab.fields, 'name' in tab && tab.name ? [...parent, tab.name] : parent),
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
