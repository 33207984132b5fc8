import type { GroupField } from 'payload'

import { computedAdmin } from '../admin/computedAdmin.js'
import { selectOptions, t } from '../i18n/index.js'
import { imageAiUsages } from './imageAi.js'
import { aiActStates, noticePlacements } from './notice.js'

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
      name: 'aiAct',
      type: 'select',
      admin: { description: t('attributionAiActDescription') },
      label: t('attributionAiAct'),
      options: selectOptions(aiActStates, { disclose: 'aiActDisclose', exempt: 'aiActExempt' }),
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

/** `imageAi` (with `media`): what AI did to the lead image; label and IPTC type are computed. */
export const imageAiGroup = (): GroupField => ({
  name: 'imageAi',
  type: 'group',
  admin: { description: t('imageAiDescription') },
  fields: [
    {
      name: 'usage',
      type: 'select',
      admin: { description: t('imageAiUsageDescription') },
      defaultValue: 'none',
      label: t('imageAiUsage'),
      options: selectOptions(imageAiUsages, {
        edited: 'imageAiEdited',
        generated: 'imageAiGenerated',
        none: 'imageAiNone',
      }),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'label',
          type: 'text',
          admin: { ...computedAdmin, description: t('imageAiLabelDescription'), position: undefined },
          label: t('imageAiLabel'),
        },
        {
          name: 'digitalSourceType',
          type: 'text',
          admin: { ...computedAdmin, description: t('digitalSourceTypeDescription'), position: undefined },
          label: t('digitalSourceType'),
        },
      ],
    },
  ],
  label: t('imageAi'),
})
