import type { CollectionSlug, Field, PayloadRequest } from 'payload'

import { computedAdmin } from '../admin/computedAdmin.js'
import { selectOptions, t } from '../i18n/index.js'
import { correctionKinds } from './correctionKinds.js'

const kindOptions = selectOptions(correctionKinds, {
  clarification: 'correctionKindClarification',
  correction: 'correctionKindCorrection',
  counterstatement: 'correctionKindCounterstatement',
  retraction: 'correctionKindRetraction',
  update: 'correctionKindUpdate',
})

/**
 * The published notes (`corrections`), read-only in the admin: once published they are
 * append-only, so editors add a note through `newCorrection`, which every save empties again.
 * `contentModifiedAt` and `retractedAt` are computed.
 */
export const correctionFields = ({
  editorsOnly,
  users,
}: {
  editorsOnly: ({ req }: { req: PayloadRequest }) => boolean
  users: CollectionSlug
}): Field[] => [
  {
    name: 'newCorrection',
    type: 'group',
    admin: { description: t('newCorrectionDescription') },
    fields: [
      {
        name: 'kind',
        type: 'select',
        admin: { description: t('correctionKindDescription') },
        defaultValue: 'correction',
        label: t('correctionKind'),
        options: kindOptions,
      },
      {
        name: 'text',
        type: 'textarea',
        admin: { description: t('correctionTextDescription') },
        label: t('correctionText'),
        maxLength: 5000,
      },
    ],
    label: t('newCorrection'),
  },
  {
    name: 'corrections',
    type: 'array',
    admin: { description: t('correctionsDescription'), readOnly: true },
    labels: { plural: t('corrections'), singular: t('correctionSingular') },
    fields: [
      { name: 'kind', type: 'select', label: t('correctionKind'), options: kindOptions, required: true },
      // Not `required`: a note written in one locale leaves the others empty (the hook asks for a text).
      { name: 'text', type: 'textarea', label: t('correctionText'), localized: true, maxLength: 5000 },
      {
        type: 'row',
        fields: [
          {
            name: 'at',
            type: 'date',
            admin: { date: { pickerAppearance: 'dayAndTime' }, readOnly: true },
            label: t('correctionAt'),
          },
          {
            name: 'by',
            type: 'relationship',
            access: { read: editorsOnly },
            admin: { readOnly: true },
            label: t('correctionBy'),
            relationTo: users,
          },
        ],
      },
    ],
    label: t('corrections'),
  },
  {
    name: 'contentModifiedAt',
    type: 'date',
    admin: {
      ...computedAdmin,
      date: { pickerAppearance: 'dayAndTime' },
      description: t('contentModifiedAtDescription'),
    },
    index: true,
    label: t('contentModifiedAt'),
  },
  {
    name: 'retractedAt',
    type: 'date',
    admin: {
      ...computedAdmin,
      date: { pickerAppearance: 'dayAndTime' },
      description: t('retractedAtDescription'),
    },
    label: t('retractedAt'),
  },
]
