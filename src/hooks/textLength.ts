import type { CollectionBeforeChangeHook, Field } from 'payload'

import { refuse } from './refuse.js'

/** The longest text a field without its own `maxLength` takes: far above any name or headline. */
export const DEFAULT_TEXT_LIMIT = 10_000

export type TextLimit = { max: number; path: string[] }

/** Text-like fields reachable through groups, rows, collapsibles and tabs, with their limit. */
export const textLimitsOf = (fields: Field[], parent: string[] = []): TextLimit[] =>
  fields.flatMap((field): TextLimit[] => {
    if (field.type === 'text' || field.type === 'textarea' || field.type === 'email') {
      const max =
        'maxLength' in field && typeof field.maxLength === 'number' ? field.maxLength : DEFAULT_TEXT_LIMIT
      return [{ max, path: [...parent, field.name] }]
    }
    if (field.type === 'group') {
      return textLimitsOf(field.fields, 'name' in field && field.name ? [...parent, field.name] : parent)
    }
    if (field.type === 'row' || field.type === 'collapsible') return textLimitsOf(field.fields, parent)
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        textLimitsOf(tab.fields, 'name' in tab && tab.name ? [...parent, tab.name] : parent),
      )
    }
    return []
  })

const valueAt = (data: unknown, path: string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    data,
  )

/** The first limit a value in `data` exceeds (a text, or any text of a hasMany list), or null. */
export const firstOversized = (data: unknown, limits: TextLimit[]): null | TextLimit =>
  limits.find((limit) => {
    const value = valueAt(data, limit.path)
    const values = Array.isArray(value) ? value : [value]
    return values.some((item) => typeof item === 'string' && item.length > limit.max)
  }) ?? null

/**
 * Field `validate` (and with it `maxLength`) does not run on draft saves, so a draft could
 * store a megabyte in a headline. Refuse over-long text on every save, naming the field.
 */
export const refuseOversizedText: CollectionBeforeChangeHook = ({ collection, data, req }) => {
  const oversized = firstOversized(data, textLimitsOf(collection.fields))
  if (oversized) refuse(req, oversized.path.join('.'), 'errorTooLong', { max: oversized.max })
  return data
}
