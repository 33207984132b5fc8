import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import { lockThenRead } from '../postgres/advisoryLock.js'
import { hasPublishedRow } from '../postgres/articleStatus.js'
import { valueAfterSave } from '../savedData.js'
import { slugsOf, takenSlugs, takenSlugsSql } from '../postgres/takenSlugs.js'
import { fallbackSlug, slugCandidates, toSlug } from './toSlug.js'

const BATCH = 20

/**
 * Locks the base slug until commit, then finds the first of `base`, `base-2`, `base-3`, ... that
 * no other document or draft uses; the lock and the first lookup share a round trip.
 */
const lockFirstFreeSlug = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  base: string,
  selfID: number | string | undefined,
  versioned: boolean,
  save: unknown,
) => {
  for (let from = 1; ; from += BATCH) {
    const candidates = slugCandidates(base, from, BATCH)
    const taken =
      from === 1
        ? slugsOf(
            await lockThenRead(
              req,
              `newsroom:slug:${collection}:${base}`,
              takenSlugsSql(req, collection, candidates, selfID, versioned),
              save,
            ),
          )
        : await takenSlugs(req, collection, candidates, selfID, versioned)
    const free = candidates.find((candidate) => !taken.has(candidate))
    if (free) return free
  }
}

/**
 * Chooses a unique slug before the insert. A unique-index violation would abort the whole
 * transaction (no retry possible), so concurrent saves of one base slug are serialised with
 * an advisory lock held until commit, and the check covers documents and drafts.
 * Payload's `slugField` then finds the slug already set and leaves it alone.
 */
export const ensureUniqueSlug =
  ({
    fallbackPrefix,
    titleField,
  }: {
    fallbackPrefix: string
    titleField: string
  }): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    const versioned = Boolean(collection.versions?.drafts)
    const selfID: number | string | undefined = operation === 'update' ? originalDoc?.id : undefined
    const requested = typeof data.slug === 'string' && data.slug.trim() !== '' ? data.slug : undefined
    let base: string
    if (operation === 'create') {
      base = toSlug(requested ?? data[titleField])
    } else {
      const stored = originalDoc?.slug as string | undefined
      const regenerate = data.generateSlug === true
      const manualChange = requested !== undefined && requested !== stored
      const published =
        versioned &&
        (regenerate || manualChange) &&
        (await hasPublishedRow(req, collection.slug as CollectionSlug, selfID))
      if (published && !manualChange) {
        // A published article's address is public: a title change must not move it.
        return { ...data, generateSlug: false, slug: stored }
      }
      if (!regenerate && !manualChange) return data
      base = toSlug(regenerate && !manualChange ? valueAfterSave(titleField, data, originalDoc) : requested)
    }
    if (!base) base = fallbackSlug(fallbackPrefix, new Date())
    const slug = await lockFirstFreeSlug(
      req,
      collection.slug as CollectionSlug,
      base,
      selfID,
      versioned,
      originalDoc,
    )
    return { ...data, generateSlug: false, slug }
  }
