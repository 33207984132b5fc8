import type { GroupField } from 'payload'

import { computedAdmin } from '../admin/computedAdmin.js'
import { t } from '../i18n/index.js'

/** Reader-facing layout metadata, computed from title, subtitle and content by the layout hook. */
export const layoutGroup = (): GroupField => ({
  name: 'layout',
  type: 'group',
  admin: { ...computedAdmin, description: t('layoutDescription') },
  fields: [
    {
      name: 'wordCount',
      type: 'number',
      admin: { description: t('wordCountDescription') },
      label: t('wordCount'),
    },
    {
      name: 'readingTimeMinutes',
      type: 'number',
      admin: { description: t('readingTimeMinutesDescription') },
      label: t('readingTimeMinutes'),
    },
    { name: 'headings', type: 'json', admin: { hidden: true } },
    {
      name: 'backToTop',
      type: 'group',
      admin: { description: t('backToTopDescription') },
      fields: [
        {
          name: 'enabled',
          type: 'checkbox',
          admin: { description: t('backToTopEnabledDescription') },
          label: t('backToTopEnabled'),
        },
        { name: 'targetId', type: 'text', admin: { hidden: true } },
        { name: 'label', type: 'text', admin: { hidden: true } },
        { name: 'ariaLabel', type: 'text', admin: { hidden: true } },
        { name: 'showAfterPx', type: 'number', admin: { hidden: true } },
      ],
      label: t('backToTop'),
    },
  ],
  // Word counts and headings belong to the text of one locale.
  localized: true,
  label: t('layout'),
})
