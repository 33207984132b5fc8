import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedOptions } from '../options.js'

import { refuse } from '../guards/refuse.js'
import { valueAfterSave } from '../savedData.js'
import { allowedLabel, allowedLabelsFor, disclosureLabelFor, SPONSORED_REL } from './disclosureLabel.js'

/**
 * Paid links are always marked (`rel="sponsored noopener"`) and labelled with a label the locale
 * allows (§ 22 MStV, Pressekodex Ziffer 7): a blank label becomes the locale's default, another
 * one is refused. Also keeps `activeUntil` after `activeFrom`.
 */
export const enforceSponsorLabel =
  (options: ResolvedOptions): CollectionBeforeChangeHook =>
  ({ data, originalDoc, req }) => {
    const { allowedLabels, disclosureLabels } = options.sponsors
    const locale = options.readerLocaleOf(req.locale)
    const sent = valueAfterSave('disclosureLabel', data, originalDoc)
    const label = typeof sent === 'string' ? sent.trim() : ''
    const activeFrom = valueAfterSave('activeFrom', data, originalDoc) as null | string | undefined
    const activeUntil = valueAfterSave('activeUntil', data, originalDoc) as null | string | undefined
    if (activeFrom && activeUntil && new Date(activeUntil) <= new Date(activeFrom)) {
      refuse(req, 'activeUntil', 'errorActiveUntil')
    }
    const allowed = label
      ? allowedLabel(label, allowedLabels, locale)
      : disclosureLabelFor(disclosureLabels, locale)
    if (!allowed) {
      refuse(req, 'disclosureLabel', 'errorLabelNotAllowed', {
        allowed: allowedLabelsFor(allowedLabels, locale).join(', '),
        label: label.slice(0, 60),
      })
    }
    return { ...data, disclosureLabel: allowed, rel: SPONSORED_REL }
  }
