import type { CollectionBeforeOperationHook, CollectionSlug, FlattenedField, PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import { findNulByte } from './nulBytes.js'
import { refuse } from './refuse.js'
import { idIsWellFormed } from './relationsExist.js'
import { misshapenWherePath, whereCrossesHiddenField, wherePaths } from './whereValues.js'

/** The collections a relationship, upload or join field leads to. */
const targetsOf = (field: FlattenedField): string[] => {
  if (field.type === 'relationship' || field.type === 'upload') {
    return Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
  }
  if (field.type === 'join') return Array.isArray(field.collection) ? field.collection : [field.collection]
  return []
}

/** May this request read every document of a collection (its read access answers plainly `true`)? */
const readsAll = async (req: PayloadRequest, slug: string): Promise<boolean> => {
  const collection = req.payload.collections[slug as keyof typeof req.payload.collections]
  const read = collection?.config.access?.read
  if (!read) return false
  return (await read({ req })) === true
}

/**
 * Does a sort path cross a relationship into a collection this request may not read in full?
 * Payload checks a sort path's field access but not the related documents' access, so
 * `related-links?sort=target.title` would order by the titles of unpublished articles.
 */
export const sortCrossesHiddenData = async (
  req: PayloadRequest,
  fields: FlattenedField[],
  path: string,
  /** Refuse any hop: Payload cannot sort a join list through a relationship (a 500), editors included. */
  anyHop = false,
): Promise<boolean> => {
  const segments = path.replace(/^-/, '').replace(/__/g, '.').split('.')
  let current = fields
  for (const [index, segment] of segments.entries()) {
    const field = current.find((candidate) => candidate.name === segment)
    if (!field) return false
    const rest = segments.length - index - 1
    const targets = targetsOf(field)
    if (targets.length && rest > 0) {
      if (rest === 1 && segments[index + 1] === 'id') return false
      if (anyHop) return true
      for (const target of targets) if (!(await readsAll(req, target))) return true
      const next = req.payload.collections[targets[0] as keyof typeof req.payload.collections]
      current = next?.config.flattenedFields ?? []
      continue
    }
    if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) current = field.flattenedFields
    else return false
  }
  return false
}

const sortsOf = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []).filter(
    (item): item is string => typeof item === 'string' && item.trim() !== '',
  )

type ReadArgs = { joins?: unknown; sort?: unknown; where?: unknown }
type JoinArgs = { sort?: unknown; where?: unknown }

/** Operations that take a `where`: reads, counts, and bulk updates and deletes. */
const QUERYING_OPERATIONS = new Set(['count', 'countVersions', 'delete', 'read', 'readDistinct', 'update'])
/** Operations whose answer lists documents in an order. */
const READING_OPERATIONS = new Set(['read', 'readDistinct'])

const joinsOf = (joins: unknown): [string, JoinArgs | null][] =>
  joins && typeof joins === 'object'
    ? Object.entries(joins).map(([path, join]) => [
        path,
        join && typeof join === 'object' ? (join as JoinArgs) : null,
      ])
    : []

/** The collection a join field of these fields lists. */
const joinTarget = (fields: FlattenedField[], path: string): CollectionSlug | null => {
  const field = fields.find((candidate) => candidate.name === path)
  return field?.type === 'join' && typeof field.collection === 'string'
    ? (field.collection as CollectionSlug)
    : null
}

/**
 * Query parameters are data: a NUL character anywhere in `where`, `sort` or `joins`, or a compared
 * value the column cannot hold, is a 400 (PostgreSQL would answer an error, a 500); a sort through
 * a relationship into documents the caller may not read is a 400 naming `sort`.
 */
export const refuseHiddenQueries: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  const { id } = args as { id?: unknown }
  // `/api/regions/abc` or an id beyond the integer range is no document (404), not a database error (500).
  if (id !== undefined && !idIsWellFormed(req, collection.slug as CollectionSlug, id))
    throw new NotFound(req.t)
  if (!QUERYING_OPERATIONS.has(operation)) return args
  const read = args as ReadArgs
  for (const name of ['where', 'sort', 'joins'] as const) {
    const path = findNulByte(read[name])
    if (path !== null) refuse(req, name, 'errorNulByte')
  }
  if (misshapenWherePath(req, collection.slug as CollectionSlug, read.where) !== null)
    refuse(req, 'where', 'errorValueInvalid')
  for (const [joinPath, join] of joinsOf(read.joins)) {
    const target = joinTarget(collection.flattenedFields, joinPath)
    if (target && join && misshapenWherePath(req, target, join.where) !== null)
      refuse(req, `joins.${joinPath}.where`, 'errorValueInvalid')
  }
  if (overrideAccess) return args
  for (const path of wherePaths(read.where)) {
    if (await whereCrossesHiddenField(req, collection.slug as CollectionSlug, path))
      refuse(req, 'where', 'errorWhereHidden', { path: path.slice(0, 100) })
  }
  if (!READING_OPERATIONS.has(operation)) return args
  for (const sort of sortsOf(read.sort)) {
    if (await sortCrossesHiddenData(req, collection.flattenedFields, sort))
      refuse(req, 'sort', 'errorSortHidden', { path: sort.slice(0, 100) })
  }
  for (const [joinPath, join] of joinsOf(read.joins)) {
    const target = joinTarget(collection.flattenedFields, joinPath)
    const fields = target ? req.payload.collections[target]?.config.flattenedFields : undefined
    for (const sort of sortsOf(join?.sort)) {
      if (fields && (await sortCrossesHiddenData(req, fields, sort, true)))
        refuse(req, `joins.${joinPath}.sort`, 'errorSortHidden', { path: sort.slice(0, 100) })
    }
  }
  return args
}
