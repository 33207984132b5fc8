import type { CollectionConfig, Field } from 'payload'

import { activeSponsorOrEditor, editorsWrite } from '../access/defaults.js'
import { previewField } from '../fields/previewField.js'
import { urlField } from '../fields/urlField.js'
import { enforceSponsorLabel, SPONSORED_REL } from '../hooks/sponsorLabel.js'
import { guardHooks } from '../guards/index.js'
import { inAllLanguages, t } from '../i18n/index.js'
import type { ResolvedOptions } from '../options.js'
import { computedAdmin } from './computedAdmin.js'

export const buildSponsors = (options: ResolvedOptions): CollectionConfig => {
  const { regions, sponsors } = options.collections
  const behaviour = !options.disabled
  const guards = guardHooks(options)
  const defaultFields: Field[] = [
    {
      name: 'name',
      type: 'text',
      admin: { description: t('sponsorNameDescription') },
      label: t('name'),
      maxLength: 200,
      required: true,
    },
    urlField({ name: 'url', behaviour, description: 'sponsorUrlDescription', label: 'url', required: true }),
    ...(options.media
      ? [
          {
            name: 'logo',
            type: 'upload',
            admin: { description: t('logoDescription') },
            label: t('logo'),
            relationTo: options.media,
          } satisfies Field,
        ]
      : []),
    {
      name: 'placement',
      type: 'select',
      admin: { description: t('placementDescription') },
      defaultValue: 'sidebar',
      index: true,
      label: t('placement'),
      options: [
        { label: t('placementSidebar'), value: 'sidebar' },
        { label: t('placementInline'), value: 'inline' },
        { label: t('placementFooter'), value: 'footer' },
      ],
      required: true,
    },
    {
      name: 'regions',
      type: 'relationship',
      admin: { description: t('sponsorRegionsDescription') },
      hasMany: true,
      label: t('regions'),
      relationTo: regions.slug,
    },
    {
      name: 'activeFrom',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' }, description: t('activeFromDescription') },
      index: true,
      label: t('activeFrom'),
    },
    {
      name: 'activeUntil',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' }, description: t('activeUntilDescription') },
      index: true,
      label: t('activeUntil'),
    },
    {
      name: 'priority',
      type: 'number',
      admin: { description: t('priorityDescription') },
      defaultValue: 0,
      label: t('priority'),
    },
    {
      name: 'active',
      type: 'checkbox',
      admin: { description: t('activeDescription') },
      defaultValue: true,
      index: true,
      label: t('active'),
    },
    // Stores nothing (the schema stays the same); left out when disabled.
    ...(behaviour
      ? [
          previewField({
            name: 'sponsorPreview',
            clientProps: { disclosureLabels: options.sponsors.disclosureLabels, rel: SPONSORED_REL },
            component: 'SponsorLabelPreview',
            description: 'sponsorPreviewDescription',
            label: 'sponsorPreview',
          }),
        ]
      : []),
    {
      name: 'rel',
      type: 'text',
      admin: { ...computedAdmin, description: t('relDescription') },
      defaultValue: SPONSORED_REL,
      label: t('rel'),
    },
    {
      name: 'disclosureLabel',
      type: 'text',
      admin: { description: t('disclosureLabelDescription') },
      label: t('disclosureLabel'),
      localized: true,
      maxLength: 60,
    },
  ]
  return {
    slug: sponsors.slug,
    access: editorsWrite(options, activeSponsorOrEditor(options), sponsors.access),
    admin: {
      defaultColumns: ['name', 'placement', 'activeFrom', 'activeUntil', 'active'],
      group: inAllLanguages('group'),
      listSearchableFields: ['name', 'url'],
      useAsTitle: 'name',
      ...sponsors.admin,
    },
    fields: sponsors.fields ? sponsors.fields({ defaultFields }) : defaultFields,
    hooks: behaviour
      ? {
          beforeChange: [...guards.beforeChange, enforceSponsorLabel(options.sponsors.disclosureLabels)],
          afterError: guards.afterError,
          beforeOperation: guards.beforeOperation,
        }
      : undefined,
    labels: { plural: inAllLanguages('sponsorPlural'), singular: inAllLanguages('sponsorSingular') },
  }
}
