import type { Access, Where } from 'payload'

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

/** Related links show once their article is published (links themselves are not versioned). */
export const linkOfPublishedArticleOrEditor =
  (options: ResolvedOptions): Access =>
  ({ req }) =>
    options.isEditor(req) || { 'article._status': { equals: 'published' } }
