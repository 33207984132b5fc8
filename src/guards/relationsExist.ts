import type { CollectionBeforeChangeHook, CollectionSlug, Field, PayloadRequest } from 'payload'

import { dataFieldsOf, memoized, valueAt } from './dataFields.js'
import { existingIDsSql, idsIn } from '../postgres/existingIDs.js'
import { runInTurn } from '../postgres/inTurn.js'
import { deferCheck, type PendingCheck } from '../postgres/pendingChecks.js'
import { drizzleFor } from '../postgres/transaction.js'
import { refuse } from './refuse.js'

type Relation = { hasMany: boolean; path: string[]; relationTo: string | string[] }

/** Relationship and upload fields reachable through groups, rows, collapsibles and tabs. */
export const relationsOf = (fields: Field[]): Relation[] =>
  memoized(fields, relationsOf, () =>
    dataFieldsOf(fields).flatMap(({ field, path }): Relation[] =>
      field.type === 'relationship' || field.type === 'upload'
        ? [{ hasMany: Boolean(field.hasMany), path, relationTo: field.relationTo }]
        : [],
    ),
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Is `id` one the collection's id column can hold (else PostgreSQL answers an error, a 500)? */
export const idIsWellFormed = (req: PayloadRequest, collection: CollectionSlug, id: unknown): boolean => {
  const target = req.payload.collections[collection]
  if (!target) return false
  if (typeof id !== 'string' && typeof id !== 'number') return false
  if (
    target.customIDType === 'number' ||
    (!target.customIDType && req.payload.db.defaultIDType === 'number')
  ) {
    const value = typeof id === 'number' ? id : /^-?\d{1,16}$/.test(id) ? Number(id) : NaN
    // Payload's own ids are PostgreSQL `serial` (positive integers): a larger number would abort
    // the transaction with "out of range" instead of being a missing document.
    if (target.customIDType) return Number.isSafeInteger(value)
    return Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647
  }
  const text = String(id)
  const uuids = !target.customIDType && (req.payload.db as { idType?: string }).idType === 'uuid'
  return uuids ? UUID.test(text) : text.length > 0 && text.length <= 255
}

const keyOf = ({ collection, id }: Reference) => `${collection}\u0000${String(id)}`

/**
 * Payload checks only the shape of a relationship id; an id that does not exist reaches the
 * foreign key and comes back as a 500. Refuse it with a 400 naming the field instead, with one
 * statement per related collection, all in one round trip. A reference the stored document already
 * holds is known to exist (its foreign key held; deleting the target removes the reference).
 * With `defer`, the statements go with the save's next round trip instead (see pendingChecks):
 * for collections whose hooks read no referenced document before their first statement.
 */
export const refuseUnknownRelations =
  ({ defer = false }: { defer?: boolean } = {}): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    const checks: PendingCheck[] = []
    for (const relation of relationsOf(collection.fields)) {
      const value = valueAt(data, relation.path)
      if (value === undefined) continue
      const path = relation.path.join('.')
      const stored = new Set(
        referencesOf(valueAt(originalDoc, relation.path), relation.relationTo).map(keyOf),
      )
      const byCollection = new Map<CollectionSlug, Set<string>>()
      for (const reference of referencesOf(value, relation.relationTo)) {
        const { collection: target, id } = reference
        if (!idIsWellFormed(req, target, id)) refuse(req, path, 'errorRelationInvalid', { id: String(id) })
        if (stored.has(keyOf(reference))) continue
        byCollection.set(target, (byCollection.get(target) ?? new Set()).add(String(id)))
      }
      for (const [target, ids] of byCollection) {
        checks.push({
          statement: existingIDsSql(req, target, [...ids]),
          verify: (rows) => {
            const existing = idsIn(rows)
            const missing = [...ids].find((id) => !existing.has(id))
            if (missing !== undefined)
              refuse(req, path, 'errorRelationUnknown', { collection: target, id: missing })
          },
        })
      }
    }
    if (!checks.length || (defer && checks.every((check) => deferCheck(originalDoc, check)))) return data
    const results = await runInTurn(
      await drizzleFor(req.payload, req),
      ...checks.map((check) => check.statement),
    )
    checks.forEach((check, index) => check.verify(results[index]!.rows))
    return data
  }
