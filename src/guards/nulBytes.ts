import type { CollectionBeforeChangeHook } from 'payload'

import { refuse } from './refuse.js'

/** The dotted path of the first string holding a NUL character, searching objects and arrays. */
export const findNulByte = (value: unknown, path: string[] = []): null | string => {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulByte(item, [...path, String(index)])
      if (found !== null) return found
    }
    return null
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulByte(item, [...path, key])
      if (found !== null) return found
    }
  }
  return null
}

/** PostgreSQL cannot store NUL in text; without this check the insert fails with a 500. */
export const refuseNulBytes: CollectionBeforeChangeHook = ({ data, req }) => {
  const path = findNulByte(data)
  if (path !== null) refuse(req, path, 'errorNulByte')
  return data
}
