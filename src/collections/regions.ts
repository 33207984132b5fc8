import type { CollectionConfig, Field, PayloadRequest, TextFieldSingleValidation } from 'payload'

import { editorsWrite } from '../access/defaults.js'
import { newsroomSlugField } from '../fields/slugField.js'
import {
  checkRegionCode,
  computeRegionTree,
  refuseDeletingUsedRegion,
  syncRegionTree,
} from '../hooks/regionTree.js'
import { ensureUniqueSlug } from '../hooks/slug.js'
import { guardHooks } from '../guards/index.js'
import { inAllLanguages, message, t } from '../i18n/index.js'
import type { ResolvedOptions } from '../options.js'
import { computedAdmin } from './computedAdmin.js'

export const buildRegions = (options: ResolvedOptions): CollectionConfig => {
  const { regions } = options.collections
  const behaviour = !options.disabled
  const guards = guardHooks(options)
  const defaultFields: Field[] = [
    {
      name: 'name',
      type: 'text',
      admin: { description: t('regionNameDescription') },
      label: t('name'),
      localized: true,
      required: true,
      // The name may be left empty for a country: the hook fills it from the ISO code.
      validate: ((
        value: null | string | undefined,
        { req, siblingData }: { req: PayloadRequest; siblingData: unknown },
      ) =>
        Boolean(value?.trim() || (siblingData as { isoCode?: string }).isoCode) ||
        message(req, 'errorRegionNameRequired')) as TextFieldSingleValidation,
    },
    newsroomSlugField('name', 'regionSlugDescription'),
    {
      name: 'type',
      type: 'select',
      admin: { description: t('regionTypeDescription') },
      defaultValue: 'other',
      label: t('regionType'),
      options: [
        { label: t('regionTypeContinent'), value: 'continent' },
        { label: t('regionTypeCountry'), value: 'country' },
        { label: t('regionTypeSubdivision'), value: 'subdivision' },
        { label: t('regionTypeCity'), value: 'city' },
        { label: t('regionTypeOther'), value: 'other' },
      ],
      required: true,
    },
    {
      name: 'isoCode',
      type: 'text',
      admin: { description: t('isoCodeDescription') },
      index: true,
      label: t('isoCode'),
      maxLength: 6,
    },
    {
      name: 'parent',
      type: 'relationship',
      admin: { description: t('parentDescription') },
      index: true,
      label: t('parent'),
      relationTo: regions.slug,
    },
    { name: 'breadcrumbs', type: 'json', admin: computedAdmin, label: t('breadcrumbs'), localized: true },
    { name: 'path', type: 'text', admin: computedAdmin, index: true, label: t('path') },
  ]
  return {
    slug: regions.slug,
    access: editorsWrite(options, () => true, regions.access),
    admin: {
      defaultColumns: ['name', 'type', 'isoCode', 'path'],
      group: inAllLanguages('group'),
      listSearchableFields: ['name', 'isoCode', 'path'],
      useAsTitle: 'name',
      ...regions.admin,
    },
    fields: regions.fields ? regions.fields({ defaultFields }) : defaultFields,
    hooks: behaviour
      ? {
          afterChange: [syncRegionTree(regions.slug)],
          beforeDelete: [
            refuseDeletingUsedRegion({
              articles: options.collections.articles.slug,
              regions: regions.slug,
              sponsors: options.collections.sponsors.slug,
            }),
          ],
          beforeChange: [
            ...guards.beforeChange,
            checkRegionCode,
            ensureUniqueSlug({ fallbackPrefix: 'region', titleField: 'name' }),
            computeRegionTree(regions.slug),
          ],
          afterError: guards.afterError,
          beforeOperation: guards.beforeOperation,
        }
      : undefined,
    labels: { plural: inAllLanguages('regionPlural'), singular: inAllLanguages('regionSingular') },
  }
}
