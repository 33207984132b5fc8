/**
 * The language a preview renders reader texts in: the locale being edited when the host localizes
 * content (what readers of that locale get), else the given fallback; German, the notices'
 * default, when that language has no texts of its own.
 */
export const readerLocaleFor = (
  available: readonly string[],
  contentLocale: string | undefined,
  fallback: string,
): string => {
  const wanted = contentLocale ?? fallback
  return available.includes(wanted) ? wanted : 'de'
}
