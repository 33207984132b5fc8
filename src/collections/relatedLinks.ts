import type { CollectionConfig, Field } from 'payload'

import { editorsWrite, linkOfPublishedArticleOrEditor } from '../access/defaults.js'
import { urlField } from '../fields/urlField.js'
import { setLinkVisibility } from '../hooks/linkVisibility.js'
import { enforceRelatedLinkRules } from '../hooks/relatedLinkRules.js'
import { guardHooks } from '../guards/index.js'
import { inAllLanguages, t } from '../i18n/index.js'
import type { ResolvedOptions } from '../options.js'

export const buildRelatedLinks = (options: ResolvedOptions): CollectionConfig => {
  const { articles, relatedLinks } = options.collections
  const behaviour = !options.disabled
  const guards = guardHooks(options)
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
      options: [
        { label: t('linkTypeInternal'), value: 'internal' },
        { label: t('linkTypeExternal'), value: 'external' },
      ],
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
  return {
    slug: relatedLinks.slug,
    access: editorsWrite(options, linkOfPublishedArticleOrEditor(options), relatedLinks.access),
    admin: {
      defaultColumns: ['article', 'type', 'target', 'label', 'order'],
      group: inAllLanguages('group'),
      useAsTitle: 'label',
      ...relatedLinks.admin,
    },
    defaultSort: 'order',
    fields: relatedLinks.fields ? relatedLinks.fields({ defaultFields }) : defaultFields,
    hooks: behaviour
      ? {
          beforeChange: [
            ...guards.beforeChange,
            enforceRelatedLinkRules(relatedLinks.slug),
            setLinkVisibility(articles.slug),
          ],
          afterError: guards.afterError,
          beforeOperation: guards.beforeOperation,
        }
      : undefined,
    // One link per article and target; a race past the hook's check ends here.
    indexes: [{ fields: ['article', 'target'], unique: true }],
    labels: { plural: inAllLanguages('relatedLinkPlural'), singular: inAllLanguages('relatedLinkSingular') },
  }
}
