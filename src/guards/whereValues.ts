import type { CollectionSlug, FlattenedField, PayloadRequest } from 'payload'

import { idIsWellFormed } from './relationsExist.js'
import { isNumeric, isStorableDate } from './valueShapes.js'

/** What a `where` path names: an id of a collection, or a field; null when nothing. */
type Target = { collection: CollectionSlug; kind: 'id' } | { field: FlattenedField; kind: 'field' } | null

const collectionFields = (req: PayloadRequest, slug: string): FlattenedField[] | undefined =>
  req.payload.collections[slug as CollectionSlug]?.config.flattenedFields

/** The single collection a relationship, upload or join field leads to, if it is one. */
const singleTarget = (field: FlattenedField): null | string => {
  if (field.type === 'join') return typeof field.collection === 'string' ? field.collection : null
  if (field.type === 'relationship' || field.type === 'upload')
    return typeof field.relationTo === 'string' ? field.relationTo : null
  return null
}

const localeCodes = (req: PayloadRequest): string[] =>
  req.payload.config.localization ? req.payload.config.localization.localeCodes : []

/**
 * Follows a path as Payload's queries do (`__` for `.`, `_id` for `id`, versions' `version.` and
 * `parent`, a locale code after a localized field) through groups, relationships and joins.
 */
const targetOf = (req: PayloadRequest, collection: CollectionSlug, rawPath: string): Target => {
  let path = rawPath === '_id' ? 'id' : rawPath.replace(/__/g, '.')
  if (path === 'parent') return { collection, kind: 'id' }
  if (path.startsWith('version.')) path = path.slice('version.'.length)
  let slug = collection
  let fields = collectionFields(req, slug)
  const segments = path.split('.')
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!
    if (segment === 'id' && index === segments.length - 1) return { collection: slug, kind: 'id' }
    const field = fields?.find((candidate) => candidate.name === segment)
    if (!field) return null
    if ('localized' in field && field.localized && localeCodes(req).includes(segments[index + 1] ?? ''))
      index++
    const target = singleTarget(field)
    if (index === segments.length - 1) {
      return field.type === 'join' && target
        ? { collection: target as CollectionSlug, kind: 'id' }
        : { field, kind: 'field' }
    }
    if (target) {
      slug = target as CollectionSlug
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

/** Does one compared value fit what the path holds (an id, a number, a date, an option)? */
const fitsTarget = (req: PayloadRequest, target: NonNullable<Target>, value: unknown): boolean => {
  if (!isScalar(value)) return false
  if (value === null || value === 'null') return true
  if (target.kind === 'id') return idIsWellFormed(req, target.collection, value)
  const { field } = target
  switch (field.type) {
    case 'checkbox':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
    case 'date':
      return isStorableDate(value)
    case 'number':
      return isNumeric(value)
    case 'select':
      return field.options.some((option) => (typeof option === 'string' ? option : option.value) === value)
    default: {
      const target = singleTarget(field)
      return target ? idIsWellFormed(req, target as CollectionSlug, value) : true
    }
  }
}

/** Payload's operators; `all` has no implementation in the PostgreSQL adapter (a TypeError, 500). */
const LIST_OPERATORS = new Set(['in', 'not_in'])
const TEXT_OPERATORS = new Set(['contains', 'like', 'not_like'])
const GEO_OPERATORS = new Set(['intersects', 'near', 'within'])
const VALUE_OPERATORS = new Set([
  'equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'not_equals',
])
// ILIKE needs text; on numbers and ids the adapter compares for equality instead.
const TEXT_FIELDS = new Set(['code', 'email', 'json', 'richText', 'text', 'textarea'])
const EQUALITY_FIELDS = new Set(['number', 'relationship', 'upload'])

/** Deepest `and`/`or` nesting and most compared values a query may have. */
export const MAX_WHERE_DEPTH = 16
export const MAX_WHERE_VALUES = 1000

const fitsOperator = (req: PayloadRequest, target: NonNullable<Target>, operator: string, value: unknown) => {
  const field = target.kind === 'field' ? target.field : null
  if (operator === 'exists') return typeof value === 'boolean' || value === 'true' || value === 'false'
  if (GEO_OPERATORS.has(operator)) return field?.type === 'point'
  if (field && ['json', 'point', 'richText'].includes(field.type)) return true
  if (TEXT_OPERATORS.has(operator)) {
    if (typeof value !== 'string') return false
    if (!field) return fitsTarget(req, target, value)
    if (TEXT_FIELDS.has(field.type)) return true
    return EQUALITY_FIELDS.has(field.type) && fitsTarget(req, target, value)
  }
  if (LIST_OPERATORS.has(operator)) {
    const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]
    return values.every((item) => fitsTarget(req, target, item))
  }
  return VALUE_OPERATORS.has(operator) && fitsTarget(req, target, value)
}

/**
 * The first `where` path whose condition the database cannot answer (an id beyond the integer
 * range, a year 20000, an unknown option, `like` on a date, an object where a value belongs, an
 * operator the PostgreSQL adapter lacks), `where` itself when the query is nested deeper than
 * MAX_WHERE_DEPTH or compares more than MAX_WHERE_VALUES values, or null. Payload would pass such
 * conditions on and answer the database's error, a 500. Walks with its own stack.
 */
export const misshapenWherePath = (
  req: PayloadRequest,
  collection: CollectionSlug,
  where: unknown,
): null | string => {
  const stack: [condition: unknown, depth: number][] = [[where, 0]]
  let compared = 0
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (!node || typeof node !== 'object') continue
    if (depth > MAX_WHERE_DEPTH) return 'where'
    for (const [key, condition] of Object.entries(node)) {
      const lower = key.toLowerCase()
      if (lower === 'and' || lower === 'or') {
        for (const nested of Array.isArray(condition) ? condition : [condition])
          stack.push([nested, depth + 1])
        continue
      }
      const target = targetOf(req, collection, key)
      if (!target || !condition || typeof condition !== 'object') continue
      for (const [operator, value] of Object.entries(condition)) {
        compared += Array.isArray(value)
          ? value.length
          : typeof value === 'string'
            ? value.split(',').length
            : 1
        if (compared > MAX_WHERE_VALUES) return 'where'
        if (!fitsOperator(req, target, operator, value)) return key
      }
    }
  }
  return null
}

/** The `where` paths of a query (keys under `and` / `or` at any depth), each once. */
export const wherePaths = (where: unknown): string[] => {
  const paths = new Set<string>()
  const stack: [unknown, number][] = [[where, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (!node || typeof node !== 'object' || depth > MAX_WHERE_DEPTH) continue
    for (const [key, condition] of Object.entries(node)) {
      const lower = key.toLowerCase()
      if (lower === 'and' || lower === 'or') {
        for (const nested of Array.isArray(condition) ? condition : [condition])
          stack.push([nested, depth + 1])
      } else paths.add(key)
    }
  }
  return [...paths]
}

/**
 * Does a `where` path reach, through a relationship, a field this request may not read (an
 * author's `user`, a comment's `authorEmail`)? Payload refuses such a path itself, but for one of
 * three or more hops it leaves an unhandled promise rejection behind (Payload 3.90), which can end
 * a Node process: refused here first.
 */
export const whereCrossesHiddenField = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  path: string,
): Promise<boolean> => {
  let fields = collectionFields(req, collection)
  let hopped = false
  for (const segment of path.replace(/__/g, '.').split('.')) {
    const field = fields?.find((candidate) => candidate.name === segment)
    if (!field) return false
    const read = (field as { access?: { read?: (args: { req: PayloadRequest }) => unknown } }).access?.read
    if (hopped && read) {
      // An access function that needs more than the request cannot vouch for this path.
      const visible = await Promise.resolve()
        .then(() => read({ req }))
        .catch(() => false)
      if (!visible) return true
    }
    const target = singleTarget(field)
    if (target) {
      hopped = true
      fields = collectionFields(req, target)
    } else if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
      fields = field.flattenedFields
    } else return false
  }
  return false
}
