import type { CollectionBeforeOperationHook, FieldAffectingData } from 'payload'

import { type DataField, dataFieldsOf, valueAt } from '../fields/dataFields.js'
import { refuse } from './refuse.js'

const isNumeric = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && (value.trim() === '' || Number.isFinite(Number(value.trim()))))

const isDate = (value: unknown): boolean =>
  (typeof value === 'string' || typeof value === 'number' || value instanceof Date) &&
  !Number.isNaN(new Date(value).getTime())

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
      return isDate(value)
    case 'email':
    case 'text':
    case 'textarea':
      return typeof value === 'string' || typeof value === 'number'
    case 'number':
      return isNumeric(value)
    case 'select':
      return typeof value === 'string' && optionValues(field).includes(value)
    default:
      return true
  }
}

const hasMany = (field: FieldAffectingData) => 'hasMany' in field && field.hasMany === true

/**
 * The first field path in `data` whose value the field cannot store, or null. Payload validates
 * values only after the collection's `beforeChange` hooks, and not at all on draft saves, where
 * `ai.usage: "magic"` or a date "gestern" reached PostgreSQL as a 500 and `priority: "hoch"` was
 * stored as null.
 */
export const misshapenField = (fields: DataField[], data: unknown): null | string => {
  for (const { field, path } of fields) {
    const value = valueAt(data, path)
    if (value === undefined) continue
    const values = hasMany(field) && Array.isArray(value) ? value : [value]
    if (!values.every((item) => fitsField(field, item))) return path.join('.')
  }
  return null
}

/** Refuses a save whose values do not fit their fields, naming the first such field (400). */
export const refuseMisshapenValues: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  // A save for every locale at once carries `{ de, en }` objects; Payload's validation judges those.
  if (!data || typeof data !== 'object' || req.locale === 'all') return args
  const path = misshapenField(dataFieldsOf(collection.fields), data)
  if (path !== null) refuse(req, path, 'errorValueInvalid')
  return args
}
