import type { Access, CollectionConfig, Field, Where } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { newsroomCollection } from '../collection.js'
import { markPluginAnswer } from '../pluginHooks.js'
import { previewField } from '../admin/previewField.js'
import { urlField } from '../guards/urlField.js'
import { SPONSORED_REL } from './disclosureLabel.js'
import { enforceSponsorLabel, renderSponsorLabel } from './enforceSponsorLabel.js'
import { refuseDeletingAdvertiser } from './paidContent.js'
import { selectOptions, t } from '../i18n/index.js'
import { sponsorPlacements } from './placements.js'
import type { ResolvedOptions } from '../options.js'
import { computedAdmin } from '../admin/computedAdmin.js'

export const sponsorsCollection = (options: ResolvedOptions): CollectionConfig => {
  const { regions } = options.collections
  const behaviour = !options.disabled
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
      options: selectOptions(sponsorPlacements, {
        footer: 'placementFooter',
        inline: 'placementInline',
        sidebar: 'placementSidebar',
      }),
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
            clientProps: { ...options.sponsors, rel: SPONSORED_REL },
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
  return newsroomCollection('sponsors', options, {
    access: { read: activeSponsorOrEditor(options) },
    admin: {
      defaultColumns: ['name', 'placement', 'activeFrom', 'activeUntil', 'active'],
      listSearchableFields: ['name', 'url'],
      useAsTitle: 'name',
    },
    fields: defaultFields,
    hooks: {
      afterRead: [renderSponsorLabel(options)],
      beforeChange: [enforceSponsorLabel(options)],
      beforeDelete: [
        refuseDeletingAdvertiser({
          articles: options.collections.articles.slug,
          sponsors: options.collections.sponsors.slug,
        }),
      ],
    },
  })
}

/**
 * Sponsors are public while `active` and inside their date window, and published when a host
 * gives them drafts. The answer carries the same condition in SQL, for the page's statement
 * (delivery/directReads).
 */
const activeSponsorOrEditor =
  (options: ResolvedOptions): Access =>
  ({ req }) => {
    if (options.isEditor(req)) return true
    const now = new Date().toISOString()
    const versions = req.payload.collections[options.collections.sponsors.slug]?.config.versions
    const drafts = Boolean(versions && versions.drafts)
    const window: Where = {
      and: [
        { active: { equals: true } },
        ...(drafts ? [{ _status: { equals: 'published' } }] : []),
        { or: [{ activeFrom: { exists: false } }, { activeFrom: { less_than_equal: now } }] },
        { or: [{ activeUntil: { exists: false } }, { activeUntil: { greater_than: now } }] },
      ],
    }
    return markPluginAnswer(window, {
      fields: ['active', 'activeFrom', 'activeUntil', ...(drafts ? ['_status'] : [])],
      sql: (column) => sql`${column('active')} = true
        ${drafts ? sql`AND ${column('_status')} = 'published'` : sql``}
        AND (${column('activeFrom')} IS NULL OR ${column('activeFrom')} <= ${now})
        AND (${column('activeUntil')} IS NULL OR ${column('activeUntil')} > ${now})`,
    })
  }
