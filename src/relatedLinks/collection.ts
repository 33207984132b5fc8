import type { CollectionConfig, Field } from 'payload'

import { newsroomCollection } from '../collection.js'
import { urlField } from '../guards/urlField.js'
import { setLinkVisibility } from './visibility.js'
import { enforceRelatedLinkRules } from './rules.js'
import { selectOptions, t } from '../i18n/index.js'
import { linkTypes } from './linkTypes.js'
import type { ResolvedOptions } from '../options.js'

export const relatedLinksCollection = (options: ResolvedOptions): CollectionConfig => {
  const { articles, relatedLinks } = options.collections
  const behaviour = !options.disabled
  const isExternal = (_: unknown, siblingData: { type?: string }) => siblingData?.type === 'external'
  const defaultFields: Field[] = [
    {
      name: 'article',
      type: 'relationship',
      admin: { description: t('articleDescription') },
      index: true,
      label: t('article'),
      relationTo: articles.slug,
      required: true,
    },
    {
      name: 'type',
      type: 'select',
      admin: { description: t('linkTypeDescription') },
      defaultValue: 'internal',
      label: t('linkType'),
      options: selectOptions(linkTypes, { external: 'linkTypeExternal', internal: 'linkTypeInternal' }),
      required: true,
    },
    {
      name: 'target',
      type: 'relationship',
      admin: {
        condition: (data, siblingData) => !isExternal(data, siblingData),
        description: t('targetDescription'),
      },
      index: true,
      label: t('target'),
      relationTo: articles.slug,
    },
    urlField({
      name: 'url',
      admin: { condition: isExternal },
      behaviour,
      description: 'linkUrlDescription',
      label: 'url',
    }),
    {
      name: 'label',
      type: 'text',
      admin: { description: t('labelDescription') },
      label: t('label'),
      localized: true,
      maxLength: 300,
    },
    {
      name: 'articlePublished',
      type: 'checkbox',
      admin: { hidden: true },
      defaultValue: false,
      index: true,
    },
    {
      name: 'order',
      type: 'number',
      admin: { description: t('orderDescription') },
      defaultValue: 0,
      label: t('order'),
    },
  ]
  return newsroomCollection('relatedLinks', options, {
    access: {
      // Links show once their article is published (links themselves are not versioned);
      // `articlePublished` mirrors the article's state so this rule needs no join.
      read: ({ req }) => options.isEditor(req) || { articlePublished: { equals: true } },
    },
    admin: {
      defaultColumns: ['article', 'type', 'target', 'label', 'order'],
      useAsTitle: 'label',
    },
    defaultSort: 'order',
    fields: defaultFields,
    hooks: { beforeChange: [enforceRelatedLinkRules(relatedLinks.slug), setLinkVisibility(articles.slug)] },
    // One link per article and target; a race past the hook's check ends here.
    indexes: [{ fields: ['article', 'target'], unique: true }],
  })
}
