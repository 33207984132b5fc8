import type { CollectionBeforeOperationHook } from 'payload'

import { refuse } from './refuse.js'

/** Deepest nesting a saved document may have: rich text of real articles stays far below it. */
export const MAX_NESTING = 256

/**
 * The top-level field of `data` holding a value nested deeper than `max` levels, or null.
 * Walks with its own stacks, so the check itself cannot overflow the call stack; only objects
 * are stacked (a long article has thousands of strings and numbers).
 */
export const deeplyNestedField = (data: unknown, max = MAX_NESTING): null | string => {
  if (!data || typeof data !== 'object') return null
  const values: object[] = []
  const depths: number[] = []
  for (const [field, top] of Object.entries(data)) {
    if (!top || typeof top !== 'object') continue
    values.push(top)
    depths.push(1)
    while (values.length) {
      const value = values.pop()!
      const depth = depths.pop()!
      if (depth > max) return field
      for (const child of Array.isArray(value) ? value : Object.values(value)) {
        if (!child || typeof child !== 'object') continue
        values.push(child)
        depths.push(depth + 1)
      }
    }
  }
  return null
}

/**
 * Payload's field hooks (rich text among them) walk documents recursively, so a body nested a
 * few thousand levels deep ends in a stack overflow and a 500. Refuse it first, naming the field.
 */
export const refuseDeepNesting: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const field = deeplyNestedField((args as { data?: unknown }).data)
  if (field !== null) refuse(req, field, 'errorTooDeep', { max: MAX_NESTING })
  return args
}
