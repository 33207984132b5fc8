import type { CollectionBeforeChangeHook } from 'payload'

import { refuse } from '../guards/refuse.js'

/** Search engines require paid links to say so; the value is not editable. */
export const SPONSORED_REL = 'sponsored noopener'

/** The disclosure label for a locale: the configured one, else German (the notices' default language). */
export const disclosureLabelFor = (labels: Record<string, string>, locale: string | undefined): string =>
  (locale && Object.hasOwn(labels, locale) ? labels[locale] : undefined) || labels.de || 'Anzeige'

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
    const activeFrom = data.activeFrom !== undefined ? data.activeFrom : originalDoc?.activeFrom
    const activeUntil = data.activeUntil !== undefined ? data.activeUntil : originalDoc?.activeUntil
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
