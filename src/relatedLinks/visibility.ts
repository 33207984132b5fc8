import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionSlug,
  Where,
} from 'payload'

import { hasPublishedRow } from '../postgres/articleStatus.js'
import { lockRowForDelete } from '../postgres/rowLock.js'
import { idOf } from '../idOf.js'
import { isPublished, valueAfterSave } from '../savedData.js'

/**
 * Related links are shown once their article is published. The flag `articlePublished` is kept
 * on each link so the public read rule needs no join (one statement per page, whatever the links).
 * The article's row is read under a share lock, so a concurrent (un)publish cannot slip between.
 */
export const setLinkVisibility =
  (articlesSlug: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const article = idOf(valueAfterSave('article', data, originalDoc))
    return { ...data, articlePublished: await hasPublishedRow(req, articlesSlug, article, { lock: true }) }
  }

/**
 * After an article is saved, publishing or unpublishing carries to its links' flag. A save that
 * keeps the status (the common case) costs nothing; only published -> draft needs a look at the
 * row, since a draft saved over a published article leaves it live.
 */
export const syncLinkVisibility =
  (articlesSlug: CollectionSlug, linksSlug: CollectionSlug): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (operation === 'create' || doc._status === previousDoc?._status) return doc
    const live = isPublished(doc) || (await hasPublishedRow(req, articlesSlug, doc.id))
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

/**
 * Links and comments belong to their article: they go with it, in the same transaction and
 * before it (their `article` is required, so the foreign key cannot be set to null). Links of
 * other articles that point at it go too: a link without a target would stay behind as a rule
 * with nothing to show.
 */
export const deleteArticleDependents =
  ({
    articles,
    comments,
    links,
  }: {
    articles: CollectionSlug
    comments?: CollectionSlug
    links: CollectionSlug
  }): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    // A comment or link saved between its deletion and the article's would break the foreign key.
    await lockRowForDelete(req, articles, id)
    const remove = (collection: CollectionSlug, where: Where) =>
      req.payload.delete({ collection, overrideAccess: true, req, where })
    await remove(links, { or: [{ article: { equals: id } }, { target: { equals: id } }] })
    if (comments) await remove(comments, { article: { equals: id } })
  }
