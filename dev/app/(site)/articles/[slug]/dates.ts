// The demo site is German; a fixed time zone keeps server and reader on the same date.
const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' })
const dateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
})

/** "26. April 2026" */
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso))

/** "26.04.2026, 14:05 Uhr" */
export const formatDateTime = (iso: string): string => `${dateTimeFormat.format(new Date(iso))} Uhr`

const longDateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
})

/** "3. Mai 2026, 14:10 Uhr", as corrections are dated. */
export const formatLongDateTime = (iso: string): string =>
  `${longDateTimeFormat.format(new Date(iso)).replace(' um ', ', ')} Uhr`
