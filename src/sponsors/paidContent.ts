import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionSlug, Where } from 'payload'

import { APIError } from 'payload'

import { refuse } from '../guards/refuse.js'
import { message } from '../i18n/index.js'
import { lockRowForDelete } from '../postgres/rowLock.js'
import { isPublished, valueAfterSave } from '../savedData.js'

/**
 * Paid content names its advertiser (§ 22 MStV: "Anzeige" plus who paid; Pressekodex Ziffer 7):
 * publishing a paid article without `paidBy` is refused. Drafts may stay incomplete.
 */
export const requireAdvertiser: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const published = isPublished({ _status: valueAfterSave('_status', data, originalDoc) })
  if (published && valueAfterSave('paidContent', data, originalDoc) === true) {
    const paidBy = valueAfterSave('paidBy', data, originalDoc)
    if (paidBy === null || paidBy === undefined || paidBy === '') refuse(req, 'paidBy', 'errorPaidByRequired')
  }
  return data
}

/**
 * A sponsor that paid for articles cannot be deleted (409): the articles would stop naming their
 * advertiser, and their next save would be refused. Drafts count, as they may be published.
 */
export const refuseDeletingAdvertiser =
  (slugs: { articles: CollectionSlug; sponsors: CollectionSlug }): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    // Locks the sponsor's row first, as a region's delete does: a concurrent save naming it waits.
    await lockRowForDelete(req, slugs.sponsors, id)
    // Only paid articles name an advertiser; a `paidBy` left on an unpaid one is ignored everywhere.
    const paidFor: Where = { and: [{ paidBy: { equals: id } }, { paidContent: { equals: true } }] }
    const articles = Math.max(
      (await req.payload.count({ collection: slugs.articles, overrideAccess: true, req, where: paidFor }))
        .totalDocs,
      (
        await req.payload.countVersions({
          collection: slugs.articles,
          overrideAccess: true,
          req,
          where: {
            and: [
              { latest: { equals: true } },
              { 'version.paidBy': { equals: id } },
              { 'version.paidContent': { equals: true } },
            ],
          },
        })
      ).totalDocs,
    )
    if (articles > 0)
      throw new APIError(message(req, 'errorSponsorPaidFor', { count: articles }), 409, null, true)
  }
