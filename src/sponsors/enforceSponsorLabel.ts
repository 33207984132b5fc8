import type { CollectionAfterReadHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { ResolvedOptions } from '../options.js'

import { refuse } from '../guards/refuse.js'
import { valueAfterSave } from '../savedData.js'
import {
  allowedLabel,
  allowedLabelsFor,
  disclosureLabelFor,
  readerLabel,
  SPONSORED_REL,
} from './disclosureLabel.js'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** One locale's label as it will be stored: blank becomes the default, a disallowed one is refused. */
const labelToStore = (
  req: PayloadRequest,
  options: ResolvedOptions,
  sent: unknown,
  locale: string,
): string => {
  const { allowedLabels, disclosureLabels } = options.sponsors
  const label = typeof sent === 'string' ? sent.trim() : ''
  const allowed = label
    ? allowedLabel(label, allowedLabels, locale)
    : disclosureLabelFor(disclosureLabels, locale)
  if (!allowed) {
    refuse(req, 'disclosureLabel', 'errorLabelNotAllowed', {
      allowed: allowedLabelsFor(allowedLabels, locale).join(', '),
      label: label.slice(0, 60),
    })
  }
  return allowed!
}

/**
 * Paid links are always marked (`rel="sponsored noopener"`) and labelled with a label the locale
 * allows (§ 22 MStV, Pressekodex Ziffer 7): a blank label becomes the locale's default, another
 * one is refused, in every locale a `locale=all` save sends. Also keeps `activeUntil` after
 * `activeFrom`.
 */
export const enforceSponsorLabel =
  (options: ResolvedOptions): CollectionBeforeChangeHook =>
  ({ data, originalDoc, req }) => {
    const activeFrom = valueAfterSave('activeFrom', data, originalDoc) as null | string | undefined
    const activeUntil = valueAfterSave('activeUntil', data, originalDoc) as null | string | undefined
    if (activeFrom && activeUntil && new Date(activeUntil) <= new Date(activeFrom)) {
      refuse(req, 'activeUntil', 'errorActiveUntil')
    }
    const sent = valueAfterSave('disclosureLabel', data, originalDoc)
    const localeCodes = req.payload.config.localization ? req.payload.config.localization.localeCodes : []
    const disclosureLabel =
      req.locale === 'all' && localeCodes.length
        ? Object.fromEntries(
            localeCodes.map((code) => [
              code,
              labelToStore(req, options, isRecord(sent) ? sent[code] : '', code),
            ]),
          )
        : labelToStore(req, options, sent, options.readerLocaleOf(req.locale))
    return { ...data, disclosureLabel, rel: SPONSORED_REL }
  }

/**
 * Every read, REST and GraphQL too, gets the constant `rel` and a label the reader's locale allows:
 * a label stored before the allowed lists, or another locale's label by fallback, never reaches a
 * reader.
 */
export const renderSponsorLabel =
  (options: ResolvedOptions): CollectionAfterReadHook =>
  ({ doc, req }) => {
    if (!doc) return doc
    if ('rel' in doc) doc.rel = SPONSORED_REL
    if ('disclosureLabel' in doc) {
      const labels = (locale: string) => ({ ...options.sponsors, locale })
      doc.disclosureLabel =
        req.locale === 'all' && isRecord(doc.disclosureLabel)
          ? Object.fromEntries(
              Object.entries(doc.disclosureLabel).map(([code, label]) => [
                code,
                readerLabel(label as null | string, labels(code)),
              ]),
            )
          : readerLabel(doc.disclosureLabel, labels(options.readerLocaleOf(req.locale)))
    }
    return doc
  }
