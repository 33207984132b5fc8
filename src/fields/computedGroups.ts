import type { GroupField } from 'payload'

import { computedAdmin } from '../collections/computedAdmin.js'
import { t } from '../i18n/index.js'

/** The attribution notice (EU AI Act Art. 50), computed from `ai` and `source` by the attribution hook. */
export const attributionGroup = (): GroupField => ({
  name: 'attribution',
  type: 'group',
  admin: { ...computedAdmin, description: t('attributionDescription') },
  fields: [
    {
      name: 'required',
      type: 'checkbox',
      admin: { description: t('attributionRequiredDescription') },
      label: t('attributionRequired'),
    },
    {
      name: 'notice',
      type: 'textarea',
      admin: { description: t('attributionNoticeDescription') },
      label: t('attributionNotice'),
    },
    { name: 'segments', type: 'json', admin: { hidden: true } },
    {
      name: 'sourceUrl',
      type: 'text',
      admin: { description: t('attributionSourceUrlDescription') },
      label: t('sourceUrl'),
    },
    {
      name: 'digitalSourceType',
      type: 'text',
      admin: { description: t('digitalSourceTypeDescription') },
      label: t('digitalSourceType'),
    },
    {
      name: 'placement',
      type: 'select',
      admin: { description: t('attributionPlacementDescription') },
      label: t('attributionPlacement'),
      options: [
        { label: t('placementTop'), value: 'top' },
        { label: t('placementBottom'), value: 'bottom' },
      ],
    },
  ],
  label: t('attribution'),
})

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
