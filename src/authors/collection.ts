import type { CollectionConfig, Field, FieldAccess } from 'payload'
import { importedFromField } from '../importer/index.js'

import type { ResolvedOptions } from '../options.js'

import { newsroomCollection } from '../collection.js'
import { urlField } from '../guards/urlField.js'
import { selectOptions, t } from '../i18n/index.js'
import { ensureUniqueSlug, newsroomSlugField } from '../slugs/index.js'
import { authorKinds } from './authorKinds.js'

/** The public bylines: reporters, desks and agencies, each with a page of their own. */
export const authorsCollection = (options: ResolvedOptions): CollectionConfig => {
  const behaviour = !options.disabled
  // The linked account is private: readable, filterable and sortable by editors only.
  const isEditor: FieldAccess = ({ req }) => options.isEditor(req)
  const defaultFields: Field[] = [
    {
      name: 'name',
      type: 'text',
      admin: { description: t('authorProfileNameDescription') },
      label: t('name'),
      maxLength: 200,
      required: true,
    },
    newsroomSlugField('name', 'authorSlugDescription'),
    {
      name: 'kind',
      type: 'select',
      admin: { description: t('authorKindDescription') },
      defaultValue: 'person',
      label: t('authorKind'),
      options: selectOptions(authorKinds, {
        organization: 'authorKindOrganization',
        person: 'authorKindPerson',
      }),
      required: true,
    },
    {
      name: 'role',
      type: 'text',
      admin: { description: t('authorRoleDescription') },
      label: t('authorRole'),
      localized: true,
      maxLength: 200,
    },
    {
      name: 'bio',
      type: 'textarea',
      admin: { description: t('authorBioDescription') },
      label: t('authorBio'),
      localized: true,
      maxLength: 5000,
    },
    ...(options.media
      ? [
          {
            name: 'image',
            type: 'upload',
            admin: { description: t('authorImageDescription') },
            label: t('image'),
            relationTo: options.media,
          } satisfies Field,
        ]
      : []),
    {
      name: 'sameAs',
      type: 'array',
      admin: { description: t('authorSameAsDescription') },
      fields: [urlField({ name: 'url', behaviour, label: 'authorSameAsUrl', required: true })],
      label: t('authorSameAs'),
      maxRows: 20,
    },
    {
      name: 'user',
      type: 'relationship',
      access: { read: isEditor },
      admin: { description: t('authorUserDescription'), position: 'sidebar' },
      index: true,
      label: t('authorUser'),
      relationTo: options.users,
    },
    importedFromField(),
  ]
  return newsroomCollection('authors', options, {
    access: { read: () => true },
    admin: {
      defaultColumns: ['name', 'kind', 'role', 'slug'],
      listSearchableFields: ['name', 'slug'],
      useAsTitle: 'name',
    },
    fields: defaultFields,
    deferReferenceChecks: true,
    hooks: { beforeChange: [ensureUniqueSlug({ fallbackPrefix: 'author', titleField: 'name' })] },
  })
}
