import type { CollectionBeforeChangeHook, Field } from 'payload'

import { dataFieldsOf, memoized, valueAt } from './dataFields.js'
import { refuse } from './refuse.js'

/** The longest text a field without its own `maxLength` takes: far above any name or headline. */
export const DEFAULT_TEXT_LIMIT = 10_000

export type TextLimit = { max: number; path: string[] }

/** Text-like fields reachable through groups, rows, collapsibles and tabs, with their limit. */
export const textLimitsOf = (fields: Field[]): TextLimit[] =>
  memoized(fields, textLimitsOf, () =>
    dataFieldsOf(fields).flatMap(({ field, path }): TextLimit[] =>
      field.type === 'text' || field.type === 'textarea' || field.type === 'email'
        ? [
            {
              max:
                'maxLength' in field && typeof field.maxLength === 'number'
                  ? field.maxLength
                  : DEFAULT_TEXT_LIMIT,
              path,
            },
          ]
        : [],
    ),
  )

/** The first limit a value in `data` exceeds (a text, or any text of a hasMany list), or null. */
export const firstOversized = (data: unknown, limits: TextLimit[]): null | TextLimit =>
  limits.find((limit) => {
    const value = valueAt(data, limit.path)
    // A list (hasMany), or one value per locale when a save carries all locales at once.
    const values = Array.isArray(value)
      ? value
      : value && typeof value === 'object'
        ? Object.values(value)
        : [value]
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
