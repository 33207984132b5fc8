import { t } from '../i18n/index.js'

/** Computed fields are set only by server hooks: read-only in the admin, in the sidebar. */
export const computedAdmin = {
  description: t('computedDescription'),
  position: 'sidebar',
  readOnly: true,
} as const
