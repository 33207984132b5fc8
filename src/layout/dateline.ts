/**
 * "Almaty, 26. April" (de) / "Almaty, April 26" (en): place and day as newspapers print them,
 * without the year. Dates are read in UTC, the way Payload stores them.
 */
export const formatDateline = (
  place: null | string | undefined,
  date: Date | null | string | undefined,
  locale: string,
): null | string => {
  const trimmedPlace = place?.trim() || ''
  const parsed = date ? new Date(date) : null
  const day =
    parsed && !Number.isNaN(parsed.getTime())
      ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(parsed)
      : ''
  const text = [trimmedPlace, day].filter(Boolean).join(', ')
  return text || null
}
