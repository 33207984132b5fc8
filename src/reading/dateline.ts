/**
 * "Almaty, 26. April" (de) / "Almaty, April 26" (en): place and day as newspapers print them,
 * without the year. Dates are read in UTC, the way Payload stores them.
 */
// Building an Intl formatter costs far more than using one; lists render many datelines. The
// cache is bounded: a locale is data (a query parameter can carry any string), not a cache key.
export const DATELINE_FORMATTERS_MAX = 32
const formatters = new Map<string, Intl.DateTimeFormat>()
const build = (locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' })
const formatterFor = (locale: string): Intl.DateTimeFormat => {
  const cached = formatters.get(locale)
  if (cached) return cached
  let formatter: Intl.DateTimeFormat
  try {
    formatter = build(locale)
  } catch {
    // Not a locale tag at all (RangeError): German, the notices' default language.
    return formatterFor('de')
  }
  if (formatters.size < DATELINE_FORMATTERS_MAX) formatters.set(locale, formatter)
  return formatter
}

/** How many formatters are cached (for the test that the cache stays bounded). */
export const cachedDatelineFormatters = (): number => formatters.size

export const formatDateline = (
  place: null | string | undefined,
  date: Date | null | string | undefined,
  locale: string,
): null | string => {
  // Hooks run before Payload validates: a place may arrive as any JSON value.
  const trimmedPlace = typeof place === 'string' ? place.trim() : ''
  const parsed = date ? new Date(date) : null
  const day = parsed && !Number.isNaN(parsed.getTime()) ? formatterFor(locale).format(parsed) : ''
  const text = [trimmedPlace, day].filter(Boolean).join(', ')
  return text || null
}
