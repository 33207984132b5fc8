import type { CollectionConfig, CollectionSlug, Field, FieldAccess, Where } from 'payload'

import type { ResolvedOptions } from '../options.js'

import { newsroomCollection } from '../collection.js'
import { idOf } from '../idOf.js'
import { importedFromField } from '../importer/index.js'
import { urlField } from '../guards/urlField.js'
import { checkSubmission, prepareSubmission } from './submission.js'
import { selectOptions, t } from '../i18n/index.js'
import { commentStatuses } from './moderation.js'
import { computedAdmin } from '../admin/computedAdmin.js'

export const commentsCollection = (options: ResolvedOptions, slug: CollectionSlug): CollectionConfig => {
  const { articles } = options.collections
  const behaviour = !options.disabled
  // Private fields: readable, filterable and sortable by editors only (Payload refuses queries on unreadable fields).
  const isEditor: FieldAccess = ({ req }) => options.isEditor(req)
  const editorsOnly = { read: isEditor, update: isEditor }
  const publicComments: Where = {
    and: [{ status: { equals: 'approved' } }, { 'article._status': { equals: 'published' } }],
  }
  const defaultFields: Field[] = [
    {
      name: 'article',
      type: 'relationship',
      admin: { description: t('commentArticleDescription') },
      index: true,
      label: t('article'),
      relationTo: articles.slug,
      required: true,
    },
    {
      name: 'authorName',
      type: 'text',
      admin: { description: t('authorNameDescription') },
      label: t('authorName'),
      maxLength: 100,
      required: true,
    },
    {
      name: 'authorEmail',
      type: 'email',
      access: editorsOnly,
      admin: { description: t('authorEmailDescription') },
      index: true,
      label: t('authorEmail'),
      required: true,
    },
    urlField({ name: 'authorUrl', behaviour, description: 'authorUrlDescription', label: 'authorUrl' }),
    {
      name: 'body',
      type: 'textarea',
      admin: { description: t('bodyDescription') },
      label: t('body'),
      maxLength: 5000,
      required: true,
    },
    {
      name: 'status',
      type: 'select',
      access: { create: isEditor, update: isEditor },
      admin: { description: t('commentStatusDescription'), position: 'sidebar' },
      defaultValue: 'pending',
      index: true,
      label: t('commentStatus'),
      options: selectOptions(commentStatuses, {
        approved: 'statusApproved',
        pending: 'statusPending',
        spam: 'statusSpam',
        trash: 'statusTrash',
      }),
      required: true,
    },
    {
      name: 'consent',
      type: 'checkbox',
      admin: { description: t('consentDescription'), position: 'sidebar', readOnly: true },
      defaultValue: false,
      label: t('consent'),
    },
    {
      name: 'consentAt',
      type: 'date',
      access: { create: isEditor, update: isEditor },
      admin: { ...computedAdmin, description: t('consentAtDescription') },
      label: t('consentAt'),
    },
    {
      name: 'ipHash',
      type: 'text',
      access: { create: isEditor, ...editorsOnly },
      admin: { ...computedAdmin, description: t('ipHashDescription') },
      index: true,
      label: t('ipHash'),
    },
    {
      name: 'parent',
      type: 'relationship',
      // Editors only: a reply would reveal that the comment it answers exists while that one is held.
      access: { create: isEditor, ...editorsOnly },
      admin: { description: t('commentParentDescription'), position: 'sidebar' },
      filterOptions: ({ data }) => (data?.article ? { article: { equals: idOf(data.article) } } : true),
      label: t('commentParent'),
      relationTo: slug,
    },
    importedFromField(),
  ]
  return newsroomCollection('comments', options, {
    access: {
      create: () => true,
      // Public: approved comments of published articles (an unpublished article takes its comments along).
      read: ({ req }) => options.isEditor(req) || publicComments,
    },
    admin: {
      defaultColumns: ['authorName', 'article', 'status', 'createdAt'],
      listSearchableFields: ['authorName', 'body'],
      useAsTitle: 'authorName',
    },
    defaultSort: '-createdAt',
    // Payload's duplicate reads hidden fields; a copied comment would carry another person's data.
    disableDuplicate: true,
    fields: defaultFields,
    hooks: {
      afterChange: [checkSubmission(options, slug)],
      beforeChange: [prepareSubmission(options, slug)],
    },
    // Flood control counts a sender's recent comments.
    indexes: [{ fields: ['authorEmail', 'createdAt'] }, { fields: ['ipHash', 'createdAt'] }],
  })
}
