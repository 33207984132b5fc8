/** Search engines require paid links to say so; the value is not editable. */
export const SPONSORED_REL = 'sponsored noopener'

/** The disclosure label for a locale: the configured one, else German (the notices' default language). */
export const disclosureLabelFor = (labels: Record<string, string>, locale: string | undefined): string =>
  (locale && Object.hasOwn(labels, locale) ? labels[locale] : undefined) || labels.de || 'Anzeige'
