import type { CollectionBeforeChangeHook, CollectionSlug, Field, PayloadRequest } from 'payload'

import { dataFieldsOf, valueAt } from '../fields/dataFields.js'
import { existingIDs } from '../postgres/existingIDs.js'
import { refuse } from './refuse.js'

type Relation = { hasMany: boolean; path: string[]; relationTo: string | string[] }

/** Relationship and upload fields reachable through groups, rows, collapsibles and tabs. */
export const relationsOf = (fields: Field[]): Relation[] =>
  dataFieldsOf(fields).flatMap(({ field, path }): Relation[] =>
    field.type === 'relationship' || field.type === 'upload'
      ? [{ hasMany: Boolean(field.hasMany), path, relationTo: field.relationTo }]
      : [],
  )

type Reference = { collection: CollectionSlug; id: unknown }

const referencesOf = (value: unknown, relationTo: string | string[]): Reference[] => {
  const items = Array.isArray(value) ? value : [value]
  return items.flatMap((item): Reference[] => {
    if (item === null || item === undefined || item === '') return []
    if (Array.isArray(relationTo)) {
      const polymorphic = item as { relationTo?: string; value?: unknown }
      return [{ collection: String(polymorphic?.relationTo) as CollectionSlug, id: polymorphic?.value }]
    }
    const id = item && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : item
    return [{ collection: relationTo as CollectionSlug, id }]
  })
}

export const idIsWellFormed = (req: PayloadRequest, collection: CollectionSlug, id: unknown): boolean => {
  const target = req.payload.collections[collection]
  if (!target) return false
  const idType = target.customIDType ?? req.payload.db.defaultIDType
  if (idType === 'number') {
    // Payload's own ids are PostgreSQL `serial` (integer): a larger number would abort the
    // transaction with "out of range" (a 500) instead of being a missing document.
    const max = target.customIDType ? Number.MAX_SAFE_INTEGER : 2_147_483_647
    const value = typeof id === 'number' ? id : /^[1-9]\d{0,15}$/.test(String(id)) ? Number(id) : NaN
    return Number.isSafeInteger(value) && value > 0 && value <= max
  }
  return (
    (typeof id === 'string' || typeof id === 'number') && String(id).length > 0 && String(id).length <= 255
  )
}

/**
 * Payload checks only the shape of a relationship id; an id that does not exist reaches the
 * foreign key and comes back as a 500. Refuse it with a 400 naming the field instead,
 * with one statement per related collection.
 */
export const refuseUnknownRelations: CollectionBeforeChangeHook = async ({ collection, data, req }) => {
  for (const relation of relationsOf(collection.fields)) {
    const value = valueAt(data, relation.path)
    if (value === undefined) continue
    const path = relation.path.join('.')
    const references = referencesOf(value, relation.relationTo)
    const byCollection = new Map<CollectionSlug, Set<string>>()
    for (const { collection: target, id } of references) {
      if (!idIsWellFormed(req, target, id)) refuse(req, path, 'errorRelationInvalid', { id: String(id) })
      byCollection.set(target, (byCollection.get(target) ?? new Set()).add(String(id)))
    }
    for (const [target, ids] of byCollection) {
      const existing = await existingIDs(req, target, [...ids])
      const missing = [...ids].find((id) => !existing.has(id))
      if (missing !== undefined)
        refuse(req, path, 'errorRelationUnknown', { collection: target, id: missing })
    }
  }
  return data
}
