/** Search engines require paid links to say so; the value is not editable. */
export const SPONSORED_REL = 'sponsored noopener'

/** Links inside a paid article's body: paid links, whatever the author set. */
export const BODY_LINK_REL = 'sponsored'

/** The disclosure label for a locale: the configured one, else German (the notices' default language). */
export const disclosureLabelFor = (labels: Record<string, string>, locale: string | undefined): string =>
  (locale && Object.hasOwn(labels, locale) ? labels[locale] : undefined) || labels.de || 'Anzeige'

/** The labels a locale allows, German's for a locale without a list of its own. */
export const allowedLabelsFor = (allowed: Record<string, string[]>, locale: string | undefined): string[] =>
  (locale && Object.hasOwn(allowed, locale) ? allowed[locale] : undefined) ?? allowed.de ?? ['Anzeige']

/**
 * A label as the locale allows it (its listed spelling: `ANZEIGE` is `Anzeige`), or null when the
 * locale does not allow it: German courts held "sponsored" and "Partner" insufficient (§ 22 MStV).
 */
export const allowedLabel = (
  label: string,
  allowed: Record<string, string[]>,
  locale: string | undefined,
): null | string => {
  const wanted = label.trim().toLocaleLowerCase()
  return allowedLabelsFor(allowed, locale).find((entry) => entry.toLocaleLowerCase() === wanted) ?? null
}

/**
 * The label a reader sees: the stored one when the reader's locale allows it, else the locale's
 * own (a German label stored before a site went bilingual still reads "Sponsored" in English).
 */
export const readerLabel = (
  stored: null | string | undefined,
  { allowedLabels, disclosureLabels, locale }: AdvertisingLabels & { locale: string },
): string =>
  (stored && allowedLabel(stored, allowedLabels, locale)) || disclosureLabelFor(disclosureLabels, locale)

export type AdvertisingLabels = {
  allowedLabels: Record<string, string[]>
  disclosureLabels: Record<string, string>
}
