import type { CollectionConfig, Field, PayloadRequest, TextFieldSingleValidation } from 'payload'
import { importedFromField } from '../importer/index.js'

import { newsroomCollection } from '../collection.js'
import { ensureUniqueSlug, newsroomSlugField } from '../slugs/index.js'
import { checkRegionCode, computeRegionTree, refuseDeletingUsedRegion, syncRegionTree } from './tree.js'
import { message, selectOptions, t } from '../i18n/index.js'
import { regionTypes } from './regionTypes.js'
import type { ResolvedOptions } from '../options.js'
import { computedAdmin } from '../admin/computedAdmin.js'

export const regionsCollection = (options: ResolvedOptions): CollectionConfig => {
  const { regions } = options.collections
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
      options: selectOptions(regionTypes, {
        city: 'regionTypeCity',
        continent: 'regionTypeContinent',
        country: 'regionTypeCountry',
        other: 'regionTypeOther',
        subdivision: 'regionTypeSubdivision',
      }),
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
    importedFromField(),
  ]
  return newsroomCollection('regions', options, {
    access: { read: () => true },
    admin: {
      defaultColumns: ['name', 'type', 'isoCode', 'path'],
      listSearchableFields: ['name', 'isoCode', 'path'],
      useAsTitle: 'name',
    },
    fields: defaultFields,
    hooks: {
      afterChange: [syncRegionTree(regions.slug)],
      beforeChange: [
        checkRegionCode,
        ensureUniqueSlug({ fallbackPrefix: 'region', titleField: 'name' }),
        computeRegionTree(regions.slug),
      ],
      beforeDelete: [
        refuseDeletingUsedRegion({
          articles: options.collections.articles.slug,
          regions: regions.slug,
          sponsors: options.collections.sponsors.slug,
        }),
      ],
    },
  })
}
