import type { Config, PayloadRequest } from 'payload'

import { deepMergeSimple } from 'payload/shared'

import { de } from './de.js'
import { en, type NewsroomTranslationKey } from './en.js'

export type { NewsroomTranslationKey }

export const newsroomTranslations = { de: { newsroom: de }, en: { newsroom: en } }

/** Adds the `newsroom` namespace to the host's translations; the host's own entries win. */
export const withNewsroomTranslations = (i18n: Config['i18n']): NonNullable<Config['i18n']> => ({
  ...i18n,
  translations: deepMergeSimple(newsroomTranslations, i18n?.translations ?? {}),
})

type Translate = (key: string, vars?: Record<string, unknown>) => string

/** A label or description function Payload resolves in the admin's language. */
export const t =
  (key: NewsroomTranslationKey) =>
  ({ t: translate }: { t: unknown }): string =>
    (translate as Translate)(`newsroom:${key}`)

/** Select options from a value set, each labelled in the admin's language. */
export const selectOptions = <V extends string>(
  values: readonly V[],
  labels: Record<V, NewsroomTranslationKey>,
): { label: ReturnType<typeof t>; value: V }[] => values.map((value) => ({ label: t(labels[value]), value }))

/** A label in every built-in language, where Payload takes no function (collection labels). */
export const inAllLanguages = (key: NewsroomTranslationKey): Record<string, string> => ({
  de: de[key],
  en: en[key],
})

/** A message in the language of the request (the editor's admin language for admin saves). */
export const message = (
  req: PayloadRequest,
  key: NewsroomTranslationKey,
  vars?: Record<string, unknown>,
): string => (req.t as unknown as Translate)(`newsroom:${key}`, vars)
