import countries from 'i18n-iso-countries'

// XK (Kosovo) is a user-assigned code that i18n-iso-countries carries; it is not in ISO 3166-1.
const USER_ASSIGNED = new Set(['XK'])

/** The 249 official ISO 3166-1 alpha-2 codes. */
export const countryCodes: ReadonlySet<string> = new Set(
  Object.keys(countries.getAlpha2Codes()).filter((code) => !USER_ASSIGNED.has(code)),
)

export const isCountryCode = (code: string): boolean => countryCodes.has(code.toUpperCase())

/** ISO 3166-2: a valid country code, a hyphen, then one to three letters or digits (`CN-BJ`, `DE-BY`, `FR-75C`). */
export const isSubdivisionCode = (code: string): boolean => {
  const match = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(code.toUpperCase())
  return Boolean(match && countryCodes.has(match[1]!))
}

/** The country's short name in the given language ("China", "Kasachstan"), or undefined. */
export const countryName = (code: string, language: string): string | undefined =>
  countries.getName(code.toUpperCase(), language, { select: 'alias' }) ??
  countries.getName(code.toUpperCase(), 'en', { select: 'alias' })
