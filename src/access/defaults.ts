import type { Access, CollectionConfig, Where } from 'payload'

import type { ResolvedOptions } from '../options.js'

/** Anonymous readers see published articles only; editors see drafts too. */
export const publishedOrEditor =
  (options: ResolvedOptions): Access =>
  ({ req }) =>
    options.isEditor(req) || { _status: { equals: 'published' } }

/** Sponsors are public while `active` and inside their date window. */
export const activeSponsorOrEditor =
  (options: ResolvedOptions): Access =>
  ({ req }) => {
    if (options.isEditor(req)) return true
    const now = new Date().toISOString()
    const window: Where = {
      and: [
        { active: { equals: true } },
        { or: [{ activeFrom: { exists: false } }, { activeFrom: { less_than_equal: now } }] },
        { or: [{ activeUntil: { exists: false } }, { activeUntil: { greater_than: now } }] },
      ],
    }
    return window
  }

/**
 * Related links show once their article is published (links themselves are not versioned);
 * `articlePublished` mirrors the article's state so this rule needs no join.
 */
export const linkOfPublishedArticleOrEditor =
  (options: ResolvedOptions): Access =>
  ({ req }) =>
    options.isEditor(req) || { articlePublished: { equals: true } }

/**
 * Editors write; `read` says what everyone else may see. The host's `access` override for the
 * collection is merged over these defaults.
 */
export const editorsWrite = (
  options: ResolvedOptions,
  read: Access,
  overrides: CollectionConfig['access'] = {},
): NonNullable<CollectionConfig['access']> => ({
  create: options.editorsOnly,
  delete: options.editorsOnly,
  read,
  update: options.editorsOnly,
  ...overrides,
})
