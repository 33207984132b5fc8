import type { CollectionAfterReadHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedOptions } from '../options.js'

import {
  type AttributionFacts,
  attributionCaseOf,
  attributionFor,
  needsSourceUrl,
  type NoticeTemplates,
  reviewStands,
} from './notice.js'
import { imageAiFor } from './imageAi.js'
import {
  needsReviewHash,
  noReview,
  type ReviewedText,
  reviewHashOf,
  type ReviewRecord,
  reviewStep,
} from './review.js'
import { refuse } from '../guards/refuse.js'
import { message } from '../i18n/index.js'
import { isPublished, mergedGroup, readLatestInSave, valueAfterSave } from '../savedData.js'

const isAiText = (facts: AttributionFacts): boolean => {
  const attributionCase = attributionCaseOf(facts)
  return attributionCase !== null && attributionCase !== 'sourced'
}

const factsOf = (
  data: Record<string, any>,
  originalDoc: Record<string, any> | undefined,
): AttributionFacts => ({
  ai: mergedGroup(data.ai, originalDoc?.ai),
  source: mergedGroup(data.source, originalDoc?.source),
})

/**
 * The publish gate: copy taken from a source cannot go out without its link, and with
 * `requireHumanReview` AI text cannot go out without a standing review. Drafts may stay incomplete.
 */
const checkPublishable = (
  req: PayloadRequest,
  facts: AttributionFacts,
  { requireHumanReview, voided }: { requireHumanReview: boolean; voided: boolean },
) => {
  const errors: { message: string; path: string }[] = []
  if (needsSourceUrl(facts) && !facts.source?.url) {
    errors.push({ message: message(req, 'errorSourceUrlRequired'), path: 'source.url' })
  }
  if (requireHumanReview && isAiText(facts) && !reviewStands(facts.ai)) {
    errors.push({
      message: message(req, voided ? 'errorReviewVoided' : 'errorHumanReviewRequired'),
      path: 'ai.humanReviewed',
    })
  }
  if (errors.length > 0) throw new ValidationError({ errors, req }, req.t)
}

/** The reviewer the server records: a signed-in editor of the editors' collection, nobody else. */
const reviewerOf = (req: PayloadRequest, options: ResolvedOptions) => {
  const user = req.user as (Record<string, unknown> & { collection: string; id: number | string }) | null
  if (!user || user.collection !== options.users || !options.isEditor(req)) return null
  const titleField = req.payload.collections[options.users]?.config.admin?.useAsTitle
  const named = [user.name, titleField ? user[titleField] : undefined, user.email].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  )
  return { id: user.id, name: named ?? String(user.id) }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * The reader-visible text after this save, in every locale: a save in one locale may leave an
 * earlier review of the others standing only if their text is unchanged, so all of them count.
 * Without localization that is the saved document; with it, the other locales are read once. A
 * save with `locale=all` sends every locale's value as an object.
 */
const textsAfterSave = async (
  args: Pick<Parameters<CollectionBeforeChangeHook>[0], 'collection' | 'data' | 'originalDoc' | 'req'>,
): Promise<Record<string, ReviewedText>> => {
  const { collection, data, originalDoc, req } = args
  const localization = req.payload.config.localization
  if (!localization) {
    const pick = (name: string) => valueAfterSave(name, data, originalDoc)
    return { '': { content: pick('content'), subtitle: pick('subtitle'), title: pick('title') } }
  }
  const allLocales = req.locale === 'all'
  const currentLocale = req.locale && !allLocales ? req.locale : localization.defaultLocale
  const stored = originalDoc?.id
    ? await readLatestInSave<Record<string, Record<string, unknown> | undefined>>(req, {
        collection: collection.slug,
        id: originalDoc.id,
        locale: 'all',
        select: { content: true, subtitle: true, title: true },
      })
    : null
  const valueIn = (name: string, code: string): unknown => {
    const sent = data[name]
    const sentHere = allLocales
      ? isRecord(sent)
        ? sent[code]
        : undefined
      : code === currentLocale
        ? sent
        : undefined
    return sentHere !== undefined ? sentHere : stored?.[name]?.[code]
  }
  return Object.fromEntries(
    localization.localeCodes.map((code) => [
      code,
      {
        content: valueIn('content', code),
        subtitle: valueIn('subtitle', code),
        title: valueIn('title', code),
      },
    ]),
  )
}

/**
 * Computes the stored `attribution` group and the review record from the facts on every save,
 * whatever the client sent for them (the Local API skips field access, so only overwriting is
 * tamper-proof). A review is the server's record of who signed off which text, and when.
 */
export const computeAttribution =
  (options: ResolvedOptions): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    const facts = factsOf(data, originalDoc)
    const sentReviewed = data.ai?.humanReviewed
    const isAi = isAiText(facts)
    let review: ReviewRecord = noReview
    let voided = false
    if (isAi) {
      const reviewer = reviewerOf(req, options)
      const stored = originalDoc?.ai as Partial<ReviewRecord> | undefined
      // Most saves of AI text have no review to keep or record: no walk, hash or read of other locales.
      const currentHash = needsReviewHash(stored, sentReviewed)
        ? reviewHashOf(String(facts.ai?.usage), await textsAfterSave({ collection, data, originalDoc, req }))
        : ''
      // A restored version's text was reviewed once, but the restore is nobody's new sign-off.
      const step = req.context?.isRestoringVersion
        ? ({ kind: 'clear', voided: true } as const)
        : reviewStep({ currentHash, sentReviewed, stored, userCanReview: reviewer !== null })
      if (step.kind === 'refuse') refuse(req, 'ai.humanReviewed', 'errorReviewerNotEditor')
      if (step.kind === 'keep') review = { ...noReview, ...stored, humanReviewed: true }
      if (step.kind === 'record' && reviewer) {
        review = {
          humanReviewed: true,
          reviewedAt: new Date().toISOString(),
          reviewedBy: reviewer.id,
          reviewerName: reviewer.name,
          reviewHash: currentHash,
        }
      }
      voided = step.kind === 'clear' && step.voided
    }
    const ai = {
      ...facts.ai,
      ...review,
      // A value Payload's validation must refuse (a checkbox sent as text) stays for it to name.
      ...(sentReviewed != null && typeof sentReviewed !== 'boolean' ? { humanReviewed: sentReviewed } : {}),
    }
    const saved: AttributionFacts = { ai, source: facts.source }
    if (isPublished({ _status: valueAfterSave('_status', data, originalDoc) })) {
      checkPublishable(req, saved, { requireHumanReview: options.requireHumanReview, voided })
    }
    const templates = options.readerTextsFor(req.locale).templates
    return {
      ...data,
      ai,
      attribution: attributionFor(saved, templates, options.site.editorialContact),
      ...(options.media
        ? { imageAi: imageAiGroupFor(mergedGroup(data.imageAi, originalDoc?.imageAi), templates) }
        : {}),
    }
  }

/** The stored `imageAi` group: the usage as sent, label and IPTC type computed from it. */
const imageAiGroupFor = (group: Record<string, unknown>, templates: NoticeTemplates) => ({
  ...group,
  digitalSourceType: null,
  label: null,
  ...imageAiFor(group.usage, templates),
})

/** Every fact the notice depends on is in the read: a `select` may have left some out. */
const hasAllFacts = (doc: Record<string, any>): boolean =>
  ['usage', 'humanReviewed', 'reviewedAt', 'reviewHash'].every(
    (key) => doc.ai && typeof doc.ai === 'object' && key in doc.ai,
  ) &&
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
    if (!doc) return doc
    const templates = options.readerTextsFor(req.locale).templates
    if (doc.imageAi && typeof doc.imageAi === 'object' && 'usage' in doc.imageAi && 'label' in doc.imageAi) {
      doc.imageAi = imageAiGroupFor(doc.imageAi, templates)
    }
    if (!('attribution' in doc) || !hasAllFacts(doc)) return doc
    const facts: AttributionFacts = { ai: doc.ai, source: doc.source }
    doc.attribution = attributionFor(facts, templates, options.site.editorialContact)
    return doc
  }
