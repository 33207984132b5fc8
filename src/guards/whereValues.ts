import type { CollectionSlug, FlattenedField, PayloadRequest } from 'payload'

import { idIsWellFormed } from './relationsExist.js'
import { isNumeric, isStorableDate } from './valueShapes.js'

/** What a `where` path names: an id of a collection, or a field; null when the plugin cannot tell. */
type Target = { collection: CollectionSlug; kind: 'id' } | { field: FlattenedField; kind: 'field' } | null

const collectionFields = (req: PayloadRequest, slug: string): FlattenedField[] | undefined =>
  req.payload.collections[slug as CollectionSlug]?.config.flattenedFields

/** Follows a dotted path through groups and single relationships, as Payload's queries do. */
const targetOf = (req: PayloadRequest, collection: CollectionSlug, path: string): Target => {
  let slug = collection
  let fields = collectionFields(req, slug)
  const segments = path.split('.')
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1
    if (segment === 'id' && last) return { collection: slug, kind: 'id' }
    const field = fields?.find((candidate) => candidate.name === segment)
    if (!field) return null
    if (last) return { field, kind: 'field' }
    if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      slug = field.relationTo as CollectionSlug
      fields = collectionFields(req, slug)
    } else if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
      fields = field.flattenedFields
    } else {
      return null
    }
  }
  return null
}

const isScalar = (value: unknown) => value === null || ['boolean', 'number', 'string'].includes(typeof value)

/** Does one compared value fit what the path holds (an id, a number, a date)? */
const fitsTarget = (req: PayloadRequest, target: NonNullable<Target>, value: unknown): boolean => {
  if (!isScalar(value)) return false
  if (value === null || value === 'null') return true
  if (target.kind === 'id') return idIsWellFormed(req, target.collection, value)
  const { field } = target
  switch (field.type) {
    case 'date':
      return isStorableDate(value)
    case 'number':
      return isNumeric(value)
    case 'relationship':
    case 'upload':
      return (
        typeof field.relationTo !== 'string' || idIsWellFormed(req, field.relationTo as CollectionSlug, value)
      )
    default:
      return true
  }
}

const LIST_OPERATORS = new Set(['all', 'in', 'not_in'])
// Geometry and JSON queries take objects of their own; Payload validates them.
const STRUCTURED_OPERATORS = new Set(['intersects', 'near', 'within'])
const STRUCTURED_FIELDS = new Set(['json', 'point', 'richText'])

/**
 * The first `where` path whose compared value the database cannot take (an id beyond the integer
 * range, a year 20000, an object where a value belongs), or null. Payload passes such values to
 * PostgreSQL, which answers an error (a 500).
 */
export const misshapenWherePath = (
  req: PayloadRequest,
  collection: CollectionSlug,
  where: unknown,
): null | string => {
  if (!where || typeof where !== 'object') return null
  for (const [key, condition] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      for (const nested of Array.isArray(condition) ? condition : [condition]) {
        const found = misshapenWherePath(req, collection, nested)
        if (found !== null) return found
      }
      continue
    }
    const target = targetOf(req, collection, key)
    if (!target || !condition || typeof condition !== 'object') continue
    if (target.kind === 'field' && STRUCTURED_FIELDS.has(target.field.type)) continue
    const polymorphic =
      target.kind === 'field' && 'relationTo' in target.field && Array.isArray(target.field.relationTo)
    if (polymorphic) continue
    for (const [operator, value] of Object.entries(condition)) {
      if (STRUCTURED_OPERATORS.has(operator)) continue
      if (operator === 'exists') {
        if (!['boolean', 'string'].includes(typeof value)) return key
        continue
      }
      const values = LIST_OPERATORS.has(operator)
        ? Array.isArray(value)
          ? value
          : typeof value === 'string'
            ? value.split(',')
            : [value]
        : [value]
      if (!values.every((item) => fitsTarget(req, target, item))) return key
    }
  }
  return null
}
