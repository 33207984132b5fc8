import type { RowField, TextField } from 'payload'

import { slugField } from 'payload'

import type { NewsroomTranslationKey } from '../i18n/en.js'

import { t } from '../i18n/index.js'
import { toSlug } from './toSlug.js'
import { chosenSlug } from './uniqueSlug.js'

/**
 * Payload's own slug field with the `slugify` package's German transliteration. Uniqueness is
 * `ensureUniqueSlug`'s job; a new document's slug may be finished in this field's hook (chosenSlug).
 */
export const newsroomSlugField = (useAsSlug: string, description: NewsroomTranslationKey): RowField =>
  slugField({
    overrides: (row) => {
      const slug = row.fields.find((field) => 'name' in field && field.name === 'slug') as TextField
      slug.label = t('slug')
      slug.admin = { ...slug.admin, description: t(description) }
      slug.hooks = { ...slug.hooks, beforeChange: [...(slug.hooks?.beforeChange ?? []), chosenSlug] }
      return row
    },
    slugify: ({ valueToSlugify }) => toSlug(valueToSlugify),
    useAsSlug,
  })
