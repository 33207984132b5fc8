import type { GroupField } from 'payload'

import { computedAdmin } from '../admin/computedAdmin.js'
import { selectOptions, t } from '../i18n/index.js'
import { noticePlacements } from './notice.js'

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
      options: selectOptions(noticePlacements, { bottom: 'placementBottom', top: 'placementTop' }),
    },
  ],
  label: t('attribution'),
})
