import type { CollectionBeforeChangeHook } from 'payload'

import { refuse } from './refuse.js'

/** The dotted path of the first string holding a NUL character, searching objects and arrays. */
export const findNulByte = (value: unknown): null | string => {
  // One path, grown and shrunk on the way: a save's rich text has thousands of nodes.
  const path: string[] = []
  const holdsNul = (node: unknown): boolean => {
    if (typeof node === 'string') return node.includes('\u0000')
    if (!node || typeof node !== 'object') return false
    for (const key of Object.keys(node)) {
      path.push(key)
      if (holdsNul((node as Record<string, unknown>)[key])) return true
      path.pop()
    }
    return false
  }
  return holdsNul(value) ? path.join('.') : null
}

/** PostgreSQL cannot store NUL in text; without this check the insert fails with a 500. */
export const refuseNulBytes: CollectionBeforeChangeHook = ({ data, req }) => {
  const path = findNulByte(data)
  if (path !== null) refuse(req, path, 'errorNulByte')
  return data
}
