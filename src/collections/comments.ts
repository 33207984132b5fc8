import type { CollectionConfig, CollectionSlug, Field, FieldAccess, Where } from 'payload'

import type { NewsroomCollectionOverrides, ResolvedOptions } from '../options.js'

import { editorsWrite } from '../access/defaults.js'
import { urlField } from '../fields/urlField.js'
import { checkSubmission, prepareSubmission } from '../hooks/commentGuard.js'
import { guardHooks } from '../guards/index.js'
import { inAllLanguages, t } from '../i18n/index.js'
import { computedAdmin } from './computedAdmin.js'

export const buildComments = (options: ResolvedOptions, slug: CollectionSlug): CollectionConfig => {
  const { articles, comments } = options.collections
  const overrides: NewsroomCollectionOverrides = comments || {}
  const behaviour = !options.disabled
  const guards = guardHooks(options)
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
      options: [
        { label: t('statusPending'), value: 'pending' },
        { label: t('statusApproved'), value: 'approved' },
        { label: t('statusSpam'), value: 'spam' },
        { label: t('statusTrash'), value: 'trash' },
      ],
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
  ]
  return {
    slug,
    // Public: approved comments of published articles (an unpublished article takes its comments along).
    access: editorsWrite(options, ({ req }) => options.isEditor(req) || publicComments, {
      create: () => true,
      ...overrides.access,
    }),
    admin: {
      defaultColumns: ['authorName', 'article', 'status', 'createdAt'],
      group: inAllLanguages('group'),
      listSearchableFields: ['authorName', 'body'],
      useAsTitle: 'authorName',
      ...overrides.admin,
    },
    defaultSort: '-createdAt',
    // Payload's duplicate reads hidden fields; a copied comment would carry another person's data.
    disableDuplicate: true,
    fields: overrides.fields ? overrides.fields({ defaultFields }) : defaultFields,
    hooks: behaviour
      ? {
          beforeChange: [...guards.beforeChange, prepareSubmission(options, slug)],
          afterChange: [checkSubmission(options, slug)],
          afterError: guards.afterError,
          beforeOperation: guards.beforeOperation,
        }
      : undefined,
    // Flood control counts a sender's recent comments.
    indexes: [{ fields: ['authorEmail', 'createdAt'] }, { fields: ['ipHash', 'createdAt'] }],
    labels: { plural: inAllLanguages('commentPlural'), singular: inAllLanguages('commentSingular') },
  }
}
