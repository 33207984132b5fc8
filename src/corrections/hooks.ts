import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedOptions } from '../options.js'

import { reviewedTextOf } from '../attribution/reviewedText.js'
import { refuse } from '../guards/refuse.js'
import { idOf } from '../idOf.js'
import { hasPublishedRow } from '../postgres/articleStatus.js'
import { valueAfterSave } from '../savedData.js'
import { appendOnlyProblems, isRetracted, type StoredCorrection } from './correctionKinds.js'

const problemMessages = {
  changed: 'errorCorrectionChanged',
  kindChanged: 'errorCorrectionChanged',
  removed: 'errorCorrectionRemoved',
} as const

/** What a reader reads of this save, in its locale: title, subtitle and the content as delivered. */
const readerText = (doc: Record<string, unknown> | undefined) =>
  reviewedTextOf('', { '': { content: doc?.content, subtitle: doc?.subtitle, title: doc?.title } })

/**
 * Corrections once published are append-only (Pressekodex Ziffer 3; § 20 MStV for a
 * counterstatement): stored notes keep their kind and text and cannot be removed, a wrong one is
 * superseded by a new one; `at` and `by` are the server's. Also keeps `contentModifiedAt` (the
 * last correction or change of title, subtitle or content after first publication) and
 * `retractedAt`. The admin's `newCorrection` is appended here and stored nowhere else.
 */
export const enforceCorrections =
  (options: ResolvedOptions): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    const now = new Date().toISOString()
    const stored: StoredCorrection[] = Array.isArray(originalDoc?.corrections) ? originalDoc.corrections : []
    const sentValue = data.corrections === undefined ? stored : data.corrections
    if (sentValue !== null && !Array.isArray(sentValue)) refuse(req, 'corrections', 'errorValueInvalid')
    let sent: StoredCorrection[] = (sentValue ?? []).filter(
      (item: unknown) => item && typeof item === 'object',
    )
    const fresh = data.newCorrection as { kind?: unknown; text?: unknown } | undefined
    if (fresh && typeof fresh.text === 'string' && fresh.text.trim()) {
      sent = [
        ...sent,
        { kind: (fresh.kind ?? 'correction') as StoredCorrection['kind'], text: fresh.text.trim() },
      ]
    }

    // Published: its row is, or a draft over it was published once (`publishedAt` stays set).
    const published =
      Boolean(originalDoc) &&
      (originalDoc?._status === 'published' ||
        (Boolean(originalDoc?.publishedAt) && (await hasPublishedRow(req, collection.slug, originalDoc?.id))))
    if (stored.length > 0 && (published || originalDoc?.publishedAt)) {
      const [problem] = appendOnlyProblems(stored, sent)
      if (problem) {
        refuse(
          req,
          problem.kind === 'removed' ? 'corrections' : `corrections.${problem.index}.text`,
          problemMessages[problem.kind],
          {
            number: problem.index + 1,
          },
        )
      }
    }

    const storedByID = new Map(stored.map((item) => [String(item.id), item]))
    const user = req.user?.collection === options.users ? req.user.id : null
    const corrections = sent.map((item) => {
      const before = item.id ? storedByID.get(String(item.id)) : undefined
      return { ...item, at: before?.at ?? now, by: before ? idOf(before.by) : user }
    })
    const added = corrections.some((item) => !item.id || !storedByID.has(String(item.id)))
    const textChanged =
      Boolean(originalDoc) &&
      readerText({ ...originalDoc, ...data } as Record<string, unknown>) !== readerText(originalDoc)
    const { newCorrection: _dropped, ...rest } = data
    return {
      ...rest,
      contentModifiedAt:
        published && (added || textChanged)
          ? now
          : (valueAfterSave('contentModifiedAt', undefined, originalDoc) ?? null),
      corrections,
      retractedAt: isRetracted(corrections) ? (originalDoc?.retractedAt ?? now) : null,
    }
  }
