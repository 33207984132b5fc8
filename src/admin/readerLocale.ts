import { DEFAULT_READER_LOCALE } from '../i18n/readerTexts.js'

/**
 * The language a preview renders reader texts in, as the server does for the admin's own request:
 * the locale being edited when the host localizes content; without localization the request has
 * no locale and reads German, the notices' default, as does a locale without texts of its own.
 */
export const readerLocaleFor = (available: readonly string[], contentLocale: string | undefined): string =>
  contentLocale && available.includes(contentLocale) ? contentLocale : DEFAULT_READER_LOCALE
