import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

import type { ResolvedOptions } from '../options.js'

import { reviewedTextOf } from '../attribution/reviewedText.js'
import { refuse } from '../guards/refuse.js'
import { idOf } from '../idOf.js'
import { hasPublishedRow, lockArticleNotes } from '../postgres/articleStatus.js'
import { sentEarly } from '../postgres/pendingChecks.js'
import { readLatestInSave, valueAfterSave } from '../savedData.js'
import {
  appendOnlyProblems,
  type CorrectionKind,
  correctionKinds,
  isRetracted,
  type StoredCorrection,
} from './correctionKinds.js'

const problemMessages = {
  changed: 'errorCorrectionChanged',
  kindChanged: 'errorCorrectionChanged',
  removed: 'errorCorrectionRemoved',
} as const

/** What a reader reads of this save, in its locale: title, subtitle and the content as delivered. */
const readerText = (doc: Record<string, any> | undefined) =>
  reviewedTextOf('', { '': { content: doc?.content, subtitle: doc?.subtitle, title: doc?.title } })

const READER_TEXT_FIELDS = ['title', 'subtitle', 'content'] as const

/** Does this save change what readers read? Unchanged values (most saves) skip the walk of the text. */
const readerTextChanged = (before: Record<string, any>, data: Record<string, any>): boolean =>
  READER_TEXT_FIELDS.some(
    (name) => data[name] !== undefined && JSON.stringify(data[name]) !== JSON.stringify(before[name]),
  ) && readerText({ ...before, ...data }) !== readerText(before)

/** Locks the article's row and counts its stored notes (lockArticleNotes), keeping what invalidation needs. */
const lockNotes = (
  options: ResolvedOptions,
  req: PayloadRequest,
  articles: string,
  before: Record<string, any>,
) =>
  lockArticleNotes(
    req,
    articles,
    before.id,
    // What readers were served, for the cache invalidation (cache/invalidation).
    options.onInvalidate
      ? { authorsSlug: options.collections.authors.slug, regionsSlug: options.collections.regions.slug }
      : undefined,
    before,
  )

/** An update's row lock, sent early (startNotesLock), by its `originalDoc`. */
const startedLocks = new WeakMap<object, Promise<null | number>>()

/**
 * Sends an update's row lock (enforceCorrections) as soon as the reference checks are queued, so
 * the round trip runs while the hooks up to enforceCorrections compute; that hook awaits it.
 */
export const startNotesLock =
  (options: ResolvedOptions): CollectionBeforeChangeHook =>
  ({ collection, data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !originalDoc || typeof originalDoc !== 'object') return data
    const locked = sentEarly(req, lockNotes(options, req, collection.slug, originalDoc), 'row lock')
    startedLocks.set(originalDoc, locked)
    return data
  }

/**
 * Corrections once published are append-only (Pressekodex Ziffer 3; § 20 MStV for a
 * counterstatement): stored notes keep their kind and text and cannot be removed, a wrong one is
 * superseded by a new one; `at` and `by` are the server's. Also keeps `contentModifiedAt` (the
 * last correction or change of title, subtitle or content after first publication) and
 * `retractedAt`. The admin's `newCorrection` is appended here and emptied on every save.
 */
export const enforceCorrections =
  (options: ResolvedOptions): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    const now = new Date().toISOString()
    const before = operation === 'update' ? originalDoc : undefined
    // A duplicate starts a new article: Payload passes the original as originalDoc (a plain create
    // gets an empty one), but none of its notes, dates or locks belong to the copy.
    const isDuplicate = operation === 'create' && Boolean(originalDoc && 'title' in originalDoc)
    const seen: StoredCorrection[] = Array.isArray(before?.corrections) ? before.corrections : []
    // Saves of one article take turns from here; one that read the notes before a concurrent save
    // committed works on the notes as they are now, so no confirmed note is written over.
    const started = before ? startedLocks.get(before) : undefined
    if (started) startedLocks.delete(before!)
    const current = before ? await (started ?? lockNotes(options, req, collection.slug, before)) : null
    const stored: StoredCorrection[] =
      before && current !== null && current !== seen.length
        ? await readNotes(req, collection.slug, before.id)
        : seen
    const sentValue = isDuplicate ? [] : data.corrections === undefined ? seen : data.corrections
    if (sentValue !== null && !Array.isArray(sentValue)) refuse(req, 'corrections', 'errorValueInvalid')
    let sent: StoredCorrection[] = (sentValue ?? []).filter(
      (item: unknown) => item && typeof item === 'object',
    )
    const fresh = data.newCorrection as { kind?: unknown; text?: unknown } | null | undefined
    if (fresh && typeof fresh.text === 'string' && fresh.text.trim()) {
      sent = [
        ...sent,
        { kind: (fresh.kind ?? 'correction') as StoredCorrection['kind'], text: fresh.text.trim() },
      ]
    }
    if (stored !== seen) {
      // Notes that appeared since this save's read are kept; its own edits apply to those it saw.
      const sentIDs = new Set(sent.map((item) => String(item.id)))
      const seenIDs = new Set(seen.map((item) => String(item.id)))
      sent = [
        ...stored.filter((item) => !seenIDs.has(String(item.id)) && !sentIDs.has(String(item.id))),
        ...sent,
      ]
    }
    const storedIDs = new Set(stored.map((item) => String(item.id)))
    sent.forEach((item, index) => {
      // Hooks run before Payload's validation, and drafts are not validated at all.
      if (
        !correctionKinds.includes(item.kind as CorrectionKind) &&
        !(item.kind == null && storedIDs.has(String(item.id)))
      ) {
        refuse(req, `corrections.${index}.kind`, 'errorValueInvalid')
      }
      const text = item.text as unknown
      const texts = req.locale === 'all' && text && typeof text === 'object' ? Object.values(text) : [text]
      if (!texts.every((value) => value == null || typeof value === 'string')) {
        refuse(req, `corrections.${index}.text`, 'errorValueInvalid')
      }
      if (
        !storedIDs.has(String(item.id)) &&
        !texts.some((value) => typeof value === 'string' && value.trim())
      ) {
        refuse(req, `corrections.${index}.text`, 'errorCorrectionTextRequired')
      }
    })

    // Locked once the article was ever published: its latest version, its row, or any version (a
    // cleared `publishedAt` or an unpublish in between unlocks nothing).
    const everPublished =
      Boolean(before) &&
      (before?._status === 'published' || (await wasEverPublished(req, collection.slug, before?.id)))
    const locked = stored.length > 0 && everPublished
    if (locked && req.context?.isRestoringVersion) {
      // A restore writes the version's other locales wholesale, past this hook: checked after the write.
      const notes = await readNotes(req, collection.slug, before?.id, 'all')
      req.context[NOTES_BEFORE_RESTORE] = notes
    }
    if (locked) {
      const [problem] = appendOnlyProblems(stored, sent)
      if (problem) {
        refuse(
          req,
          problem.kind === 'removed'
            ? 'corrections'
            : `corrections.${problem.index}.${problem.kind === 'kindChanged' ? 'kind' : 'text'}`,
          problemMessages[problem.kind],
          { number: problem.index + 1 },
        )
      }
    }

    const storedByID = new Map(stored.map((item) => [String(item.id), item]))
    const user = req.user?.collection === options.users ? req.user.id : null
    const corrections = sent.map((item) => {
      const kept = item.id ? storedByID.get(String(item.id)) : undefined
      // A stored note sent without its kind or text keeps them (the check above allowed it).
      return {
        ...item,
        at: kept?.at ?? now,
        by: kept ? idOf(kept.by) : user,
        kind: item.kind ?? kept?.kind,
        text: item.text !== undefined ? item.text : kept?.text,
      }
    })
    const added = corrections.some((item) => !item.id || !storedByID.has(String(item.id)))
    const textChanged = Boolean(before) && readerTextChanged(before!, data)
    return {
      ...data,
      contentModifiedAt:
        // After first publication, also while unpublished again: a change then is still an update.
        everPublished && (added || textChanged)
          ? now
          : (valueAfterSave('contentModifiedAt', undefined, before) ?? null),
      corrections,
      // Emptied on every save: it is the admin's form for the next note, not a stored value.
      newCorrection: { kind: 'correction', text: null },
      retractedAt: isRetracted(corrections) ? (before?.retractedAt ?? now) : null,
    }
  }

const NOTES_BEFORE_RESTORE = 'newsroomNotesBeforeRestore'

/**
 * The notes as stored now (the latest version, draft or not), read inside the save's transaction;
 * with `locale: 'all'`, each text as `{ [locale]: text }`.
 */
const readNotes = async (
  req: PayloadRequest,
  articles: string,
  id: unknown,
  locale?: 'all',
): Promise<StoredCorrection[]> => {
  const doc = await readLatestInSave<{ corrections?: StoredCorrection[] }>(req, {
    collection: articles,
    id,
    locale,
    select: { corrections: true },
  })
  return Array.isArray(doc?.corrections) ? doc.corrections : []
}

type LocalizedNote = Omit<StoredCorrection, 'text'> & { text?: null | Record<string, null | string> }

/**
 * After a restore of a published article: every note stored before is still there with its kind
 * and, in every locale, its text (a restore may bring back a version from before a translation).
 * A refusal rolls the restore back.
 */
export const keepNotesOnRestore: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  const before = req.context?.[NOTES_BEFORE_RESTORE] as LocalizedNote[] | undefined
  if (!before) return doc
  delete req.context[NOTES_BEFORE_RESTORE]
  const after = new Map(
    ((await readNotes(req, collection.slug, doc.id, 'all')) as LocalizedNote[]).map((note) => [
      String(note.id),
      note,
    ]),
  )
  // Without localization a text is a plain string.
  const byLocale = (text: LocalizedNote['text'] | string | undefined): Record<string, null | string> =>
    typeof text === 'string' ? { '': text } : (text ?? {})
  before.forEach((note, index) => {
    const kept = after.get(String(note.id))
    const keptTexts = byLocale(kept?.text)
    const textsKept = Object.entries(byLocale(note.text)).every(
      ([locale, text]) => !text?.trim() || keptTexts[locale]?.trim() === text.trim(),
    )
    if (!kept) refuse(req, 'corrections', 'errorCorrectionRemoved', { number: index + 1 })
    if (kept!.kind !== note.kind || !textsKept)
      refuse(req, 'corrections', 'errorCorrectionChanged', { number: index + 1 })
  })
  return doc
}

/** Has this article ever been published: its row now, or any version of it? */
const wasEverPublished = async (req: PayloadRequest, articles: string, id: unknown): Promise<boolean> => {
  if (await hasPublishedRow(req, articles, id)) return true
  const { totalDocs } = await req.payload.countVersions({
    collection: articles as CollectionSlug,
    overrideAccess: true,
    req,
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
  })
  return totalDocs > 0
}
