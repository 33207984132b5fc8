import type { CollectionBeforeChangeHook } from 'payload'

import { refuse } from '../guards/refuse.js'
import { valueAfterSave } from '../savedData.js'
import { disclosureLabelFor, SPONSORED_REL } from './disclosureLabel.js'

/**
 * Paid links are always marked (`rel="sponsored noopener"`) and labelled (§ 22 MStV,
 * Pressekodex Ziffer 7): a blank label falls back to the locale's default. Also keeps
 * `activeUntil` after `activeFrom`.
 */
export const enforceSponsorLabel =
  (labels: Record<string, string>): CollectionBeforeChangeHook =>
  ({ data, originalDoc, req }) => {
    const label = typeof data.disclosureLabel === 'string' ? data.disclosureLabel.trim() : undefined
    const keepLabel =
      label === undefined &&
      typeof originalDoc?.disclosureLabel === 'string' &&
      originalDoc.disclosureLabel.trim()
    const activeFrom = valueAfterSave('activeFrom', data, originalDoc) as null | string | undefined
    const activeUntil = valueAfterSave('activeUntil', data, originalDoc) as null | string | undefined
    if (activeFrom && activeUntil && new Date(activeUntil) <= new Date(activeFrom)) {
      refuse(req, 'activeUntil', 'errorActiveUntil')
    }
    return {
      ...data,
      disclosureLabel:
        label ||
        (keepLabel ? originalDoc?.disclosureLabel : disclosureLabelFor(labels, req.locale ?? undefined)),
      rel: SPONSORED_REL,
    }
  }
