import type { NewsroomTranslationKey } from '../i18n/en.js'
import type { en } from '../i18n/en.js'

import { useTranslation } from '@payloadcms/ui'

/** The `newsroom` namespace in the admin's language, typed by our own keys. */
export const useNewsroomTranslation = () => {
  const { i18n, t } = useTranslation<{ newsroom: typeof en }, `newsroom:${NewsroomTranslationKey}`>()
  return {
    language: i18n.language,
    t: (key: NewsroomTranslationKey, vars?: Record<string, unknown>) => t(`newsroom:${key}`, vars),
  }
}
