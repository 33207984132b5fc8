import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

import { idOf } from '../relationships/idOf.js'

/** Is the article's published row live? A draft saved over a published article leaves it live. */
const isLive = async (req: PayloadRequest, articlesSlug: CollectionSlug, id: unknown): Promise<boolean> => {
  if (id === null || id === undefined) return false
  const row = await req.payload.db.findOne<{ _status?: string; id: number | string }>({
    collection: articlesSlug,
    req,
    where: { id: { equals: id } },
  })
  return row?._status === 'published'
}

/**
 * Related links are shown once their article is published. The flag `articlePublished` is kept
 * on each link so the public read rule needs no join (one statement per page, whatever the links).
 */
export const setLinkVisibility =
  (articlesSlug: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => ({
    ...data,
    articlePublished: await isLive(req, articlesSlug, idOf(data.article ?? originalDoc?.article)),
  })

/**
 * After an article is saved, publishing or unpublishing carries to its links' flag. A save that
 * keeps the status (the common case) costs nothing; only published -> draft needs a look at the
 * row, since a draft saved over a published article leaves it live.
 */
export const syncLinkVisibility =
  (articlesSlug: CollectionSlug, linksSlug: CollectionSlug): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (operation === 'create' || doc._status === previousDoc?._status) return doc
    const live = doc._status === 'published' || (await isLive(req, articlesSlug, doc.id))
    await req.payload.update({
      collection: linksSlug,
      data: { articlePublished: live },
      depth: 0,
      overrideAccess: true,
      req,
      where: { and: [{ article: { equals: doc.id } }, { articlePublished: { not_equals: live } }] },
    })
    return doc
  }

/** Links belong to their article: they go with it (first, since `article` is required). */
export const deleteLinksOfArticle =
  (linksSlug: CollectionSlug): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await req.payload.delete({
      collection: linksSlug,
      overrideAccess: true,
      req,
      where: { article: { equals: id } },
    })
  }
