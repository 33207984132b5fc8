/**
 * "Almaty, 26. April" (de) / "Almaty, April 26" (en): place and day as newspapers print them,
 * without the year. Dates are read in UTC, the way Payload stores them.
 */
// Building an Intl formatter costs far more than using one; lists render many datelines.
const formatters = new Map<string, Intl.DateTimeFormat>()
const formatterFor = (locale: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(locale)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' })
    formatters.set(locale, formatter)
  }
  return formatter
}

export const formatDateline = (
  place: null | string | undefined,
  date: Date | null | string | undefined,
  locale: string,
): null | string => {
  const trimmedPlace = place?.trim() || ''
  const parsed = date ? new Date(date) : null
  const day = parsed && !Number.isNaN(parsed.getTime()) ? formatterFor(locale).format(parsed) : ''
  const text = [trimmedPlace, day].filter(Boolean).join(', ')
  return text || null
}
