import type { CollectionBeforeOperationHook, Field, FieldAffectingData } from 'payload'

import { type DataField, dataFieldsOf, memoized, valueAt } from './dataFields.js'
import { refuse } from './refuse.js'

/** A date PostgreSQL's timestamp columns hold and JavaScript reads back: years 1 to 9999. */
export const isStorableDate = (value: unknown): boolean => {
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) return false
  const year = new Date(value).getUTCFullYear()
  return Number.isFinite(year) && year >= 1 && year <= 9999
}

export const isNumeric = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && (value.trim() === '' || Number.isFinite(Number(value.trim()))))

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)

/** A field's values in submitted data: one per locale when a localized field is saved for all at once. */
export const valuesOf = (field: FieldAffectingData, value: unknown, allLocales: boolean): unknown[] => {
  const perLocale = allLocales && 'localized' in field && field.localized && isPlainObject(value)
  const values = perLocale ? Object.values(value) : [value]
  return values.flatMap((item) =>
    'hasMany' in field && field.hasMany === true && Array.isArray(item) ? item : [item],
  )
}

const optionValues = (field: FieldAffectingData): string[] =>
  field.type === 'select'
    ? field.options.map((option) => (typeof option === 'string' ? option : option.value))
    : []

/** Does one value have the shape the field stores (before Payload's own conversions)? */
export const fitsField = (field: FieldAffectingData, value: unknown): boolean => {
  if (value === null || value === undefined) return true
  switch (field.type) {
    case 'checkbox':
      return typeof value === 'boolean' || value === 'true' || value === 'false' || value === ''
    case 'date':
      return isStorableDate(value)
    case 'email':
    case 'text':
    case 'textarea':
      return typeof value === 'string'
    case 'number':
      return isNumeric(value)
    case 'select':
      return typeof value === 'string' && optionValues(field).includes(value)
    // One id (or populated document) each: hasMany lists arrive here item by item, so an array is
    // a list given to a single relationship, which the database answers with a 500.
    case 'relationship':
    case 'upload':
      return !Array.isArray(value)
    default:
      return true
  }
}

/**
 * The first field path in `data` whose value the field cannot store, or null. Payload validates
 * values only after the collection's `beforeChange` hooks, and not at all on draft saves, where
 * `ai.usage: "magic"` or a date "gestern" reached PostgreSQL as a 500 and `priority: "hoch"` was
 * stored as null.
 */
export const misshapenField = (fields: DataField[], data: unknown, allLocales = false): null | string => {
  for (const { field, path } of fields) {
    const value = valueAt(data, path)
    if (value === undefined) continue
    if (!valuesOf(field, value, allLocales).every((item) => fitsField(field, item))) return path.join('.')
  }
  return null
}

/** The paths of named groups, nested ones included (a group given `null` is a 500 in Payload's hooks). */
const groupPathsOf = (fields: Field[], parent: string[] = []): string[][] =>
  fields.flatMap((field): string[][] => {
    if (field.type === 'group' && 'name' in field && field.name) {
      const path = [...parent, field.name]
      return [path, ...groupPathsOf(field.fields, path)]
    }
    if (field.type === 'group' || field.type === 'row' || field.type === 'collapsible') {
      return groupPathsOf(field.fields, parent)
    }
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        groupPathsOf(tab.fields, 'name' in tab && tab.name ? [...parent, tab.name] : parent),
      )
    }
    return []
  })

/** Refuses a save whose values do not fit their fields, naming the first such field (400). */
export const refuseMisshapenValues: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  if (!data || typeof data !== 'object') return args
  for (const groupPath of memoized(collection.fields, groupPathsOf, groupPathsOf)) {
    const value = valueAt(data, groupPath)
    if (value !== undefined && !isPlainObject(value)) refuse(req, groupPath.join('.'), 'errorValueInvalid')
  }
  // A save for every locale at once (`?locale=all`) carries `{ de, en }` for localized fields: each is checked.
  const path = misshapenField(dataFieldsOf(collection.fields), data, req.locale === 'all')
  if (path !== null) refuse(req, path, 'errorValueInvalid')
  return args
}
