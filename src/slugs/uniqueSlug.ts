import type {
  CollectionBeforeChangeHook,
  CollectionSlug,
  FieldHook,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { lockThenRead } from '../postgres/advisoryLock.js'
import { sentEarly } from '../postgres/pendingChecks.js'
import { isPluginHook, onlyPluginFields } from '../pluginHooks.js'
import { dataFieldsOf } from '../guards/dataFields.js'
import { hasPublishedRow } from '../postgres/articleStatus.js'
import { valueAfterSave } from '../savedData.js'
import { slugsOf, takenSlugs, takenSlugsSql } from '../postgres/takenSlugs.js'
import { fallbackSlug, MAX_SLUG_LENGTH, slugCandidates, toSlug } from './toSlug.js'

const BATCH = 20

/**
 * Locks the base slug until commit and looks up the first batch of candidates with a snapshot
 * taken once the lock is held, in one round trip that also takes the save's pending checks along.
 */
const lockAndLookUp = (
  req: PayloadRequest,
  collection: CollectionSlug,
  base: string,
  selfID: number | string | undefined,
  versioned: boolean,
  save: unknown,
): Promise<unknown[]> =>
  lockThenRead(
    req,
    // Candidates of long bases are cut for their suffix (slugCandidates): lock what they share.
    `newsroom:slug:${collection}:${base.slice(0, MAX_SLUG_LENGTH - 4)}`,
    takenSlugsSql(req, collection, slugCandidates(base, 1, BATCH), selfID, versioned),
    save,
  )

/** The first of `base`, `base-2`, `base-3`, ... that no other document or draft uses. */
const firstFreeSlug = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  base: string,
  selfID: number | string | undefined,
  versioned: boolean,
  firstBatch: unknown[],
) => {
  for (let from = 1; ; from += BATCH) {
    const candidates = slugCandidates(base, from, BATCH)
    const taken =
      from === 1 ? slugsOf(firstBatch) : await takenSlugs(req, collection, candidates, selfID, versioned)
    const free = candidates.find((candidate) => !taken.has(candidate))
    if (free) return free
  }
}

/** The slug a create asks for: the one sent, else the title's. Empty when neither gives one. */
const requestedBase = (data: Record<string, any>, titleField: string): string => {
  const requested = typeof data.slug === 'string' && data.slug.trim() !== '' ? data.slug : undefined
  return toSlug(requested ?? data[titleField])
}

/** A create's lock and first lookup, sent early (startUniqueSlug), by its `originalDoc`. */
const startedLookups = new WeakMap<object, { base: string; rows: Promise<unknown[]> }>()

/**
 * Sends a create's slug lock and first lookup (ensureUniqueSlug) as soon as the reference checks
 * are queued, so the round trip runs while the hooks between compute; ensureUniqueSlug awaits it.
 */
export const startUniqueSlug =
  ({ titleField }: { titleField: string }): CollectionBeforeChangeHook =>
  ({ collection, data, operation, originalDoc, req }) => {
    const base = operation === 'create' ? requestedBase(data, titleField) : ''
    if (!base || !originalDoc || typeof originalDoc !== 'object') return data
    const versioned = Boolean(collection.versions?.drafts)
    const rows = sentEarly(
      req,
      lockAndLookUp(req, collection.slug as CollectionSlug, base, undefined, versioned, originalDoc),
      'slug lock',
    )
    startedLookups.set(originalDoc, { base, rows })
    return data
  }

/** A new document's slug still being chosen, by its `originalDoc`: chosenSlug answers it. */
const slugsInChoice = new WeakMap<object, Promise<string>>()

/**
 * The slug field's beforeChange hook: the slug ensureUniqueSlug left to be chosen here, so its
 * lookup's round trip runs while Payload's field hooks and validation compute.
 */
export const chosenSlug: FieldHook = ({ originalDoc, value }) => {
  const chosen = originalDoc ? slugsInChoice.get(originalDoc) : undefined
  if (!chosen) return value
  slugsInChoice.delete(originalDoc!)
  return chosen
}

/** The ensureUniqueSlug hooks that may leave a create's slug to chosenSlug. */
const settlingHooks = new WeakSet<object>()

/**
 * Whether a create's slug may be settled in the slug field's hook (chosenSlug): no host code can
 * read it in between (no host beforeChange hook after ensureUniqueSlug, nothing but the plugin's
 * own fields), and the slug field still carries that hook. Asked on every create, so a hook added
 * at run time counts.
 */
export const settlesSlugLate = (collection: SanitizedCollectionConfig): boolean => {
  const hooks = collection.hooks?.beforeChange ?? []
  const at = hooks.findIndex((hook) => settlingHooks.has(hook))
  return (
    at >= 0 &&
    hooks.slice(at + 1).every(isPluginHook) &&
    onlyPluginFields(collection.fields) &&
    dataFieldsOf(collection.fields).some(
      ({ field, path }) =>
        path.length === 1 &&
        field.name === 'slug' &&
        'hooks' in field &&
        Boolean(field.hooks?.beforeChange?.includes(chosenSlug)),
    )
  )
}

/**
 * Chooses a unique slug before the insert. A unique-index violation would abort the whole
 * transaction (no retry possible), so concurrent saves of one base slug are serialised with
 * an advisory lock held until commit, and the check covers documents and drafts.
 * Payload's `slugField` then finds the slug already set and leaves it alone.
 */
export const ensureUniqueSlug = ({
  fallbackPrefix,
  titleField,
}: {
  fallbackPrefix: string
  titleField: string
}): CollectionBeforeChangeHook => {
  const ensure: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
    const versioned = Boolean(collection.versions?.drafts)
    const selfID: number | string | undefined = operation === 'update' ? originalDoc?.id : undefined
    const requested = typeof data.slug === 'string' && data.slug.trim() !== '' ? data.slug : undefined
    let base: string
    const started =
      originalDoc && typeof originalDoc === 'object' ? startedLookups.get(originalDoc) : undefined
    if (started) startedLookups.delete(originalDoc!)
    if (
      started &&
      operation === 'create' &&
      started.base === requestedBase(data, titleField) &&
      settlesSlugLate(collection)
    ) {
      const slugs = collection.slug as CollectionSlug
      // Payload gives the collection's afterChange hooks this object, not the fields' result.
      const saved = { ...data, generateSlug: false, slug: started.base }
      const chosen = started.rows
        .then((rows) => firstFreeSlug(req, slugs, started.base, undefined, versioned, rows))
        .then((slug) => (saved.slug = slug))
      // Its refusals are the field hook's to answer; a failed first lookup is logged by sentEarly.
      chosen.catch(() => {})
      slugsInChoice.set(originalDoc!, chosen)
      return saved
    }
    // Awaited whatever the slug now is: it carried the save's reference checks.
    const startedRows = started ? await started.rows : undefined
    if (operation === 'create') {
      base = requestedBase(data, titleField)
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
    const slugs = collection.slug as CollectionSlug
    const firstBatch =
      started?.base === base
        ? startedRows!
        : await lockAndLookUp(req, slugs, base, selfID, versioned, originalDoc)
    const slug = await firstFreeSlug(req, slugs, base, selfID, versioned, firstBatch)
    return { ...data, generateSlug: false, slug }
  }
  settlingHooks.add(ensure)
  return ensure
}
