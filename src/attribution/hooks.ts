import type { CollectionAfterReadHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedOptions } from '../options.js'

import { type AttributionFacts, attributionFor, needsSourceUrl } from './notice.js'
import { message } from '../i18n/index.js'
import { isPublished, mergedGroup, valueAfterSave } from '../savedData.js'

const factsOf = (
  data: Record<string, any>,
  originalDoc: Record<string, any> | undefined,
): AttributionFacts => ({
  ai: mergedGroup(data.ai, originalDoc?.ai),
  source: mergedGroup(data.source, originalDoc?.source),
})

/**
 * The publish gate: copy taken from a source cannot go out without its link, and with
 * `requireHumanReview` AI text cannot go out unreviewed. Drafts may stay incomplete.
 */
const checkPublishable = (
  req: PayloadRequest,
  facts: AttributionFacts,
  requireHumanReview: boolean,
  stored: Record<string, any> | undefined,
) => {
  const errors: { message: string; path: string }[] = []
  if (needsSourceUrl(facts) && !facts.source?.url) {
    errors.push({ message: message(req, 'errorSourceUrlRequired'), path: 'source.url' })
  }
  const isAi = (facts.ai?.usage ?? 'none') !== 'none'
  if (requireHumanReview && isAi) {
    const ai = facts.ai as Record<string, unknown>
    if (!ai.humanReviewed)
      errors.push({ message: message(req, 'errorHumanReviewRequired'), path: 'ai.humanReviewed' })
    // A review already on record stands when its reviewer's account is deleted (the link becomes null).
    const recorded = Boolean(stored?.ai?.humanReviewed && stored.ai.reviewedAt)
    if (!ai.reviewedBy && !recorded)
      errors.push({ message: message(req, 'errorReviewerRequired'), path: 'ai.reviewedBy' })
  }
  if (errors.length > 0) throw new ValidationError({ errors, req }, req.t)
}

/**
 * Computes the stored `attribution` group from the facts on every save, whatever the client
 * sent for it (the Local API skips field access, so only overwriting is tamper-proof).
 */
export const computeAttribution =
  (options: ResolvedOptions): CollectionBeforeChangeHook =>
  ({ data, originalDoc, req }) => {
    const facts = factsOf(data, originalDoc)
    let ai = data.ai
    if (isPublished({ _status: valueAfterSave('_status', data, originalDoc) })) {
      checkPublishable(req, facts, options.requireHumanReview, originalDoc)
      if (options.requireHumanReview && (facts.ai?.usage ?? 'none') !== 'none') {
        const reviewedAt = (facts.ai as Record<string, unknown>).reviewedAt ?? new Date().toISOString()
        ai = { ...mergedGroup(data.ai, originalDoc?.ai), reviewedAt }
      }
    }
    return {
      ...data,
      ai,
      attribution: attributionFor(facts, options.readerTextsFor(req.locale).templates),
    }
  }

/** Every fact the notice depends on is in the read: a `select` may have left some out. */
const hasAllFacts = (doc: Record<string, any>): boolean =>
  ['usage', 'humanReviewed'].every((key) => doc.ai && typeof doc.ai === 'object' && key in doc.ai) &&
  ['kind', 'name', 'url'].every((key) => doc.source && typeof doc.source === 'object' && key in doc.source)

/**
 * Renders the notice for the reader's locale from the stored facts on every read, so an
 * English read of a German-saved article is English and a row written around the hooks still
 * carries the right notice. No query: facts and templates are at hand. A read whose `select`
 * left out a fact keeps the stored notice: a partial document would compute a weaker one.
 */
export const renderAttribution =
  (options: ResolvedOptions): CollectionAfterReadHook =>
  ({ doc, req }) => {
    if (!doc || !('attribution' in doc) || !hasAllFacts(doc)) return doc
    const facts: AttributionFacts = { ai: doc.ai, source: doc.source }
    doc.attribution = attributionFor(facts, options.readerTextsFor(req.locale).templates)
    return doc
  }
