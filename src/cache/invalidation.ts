import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  PayloadRequest,
} from 'payload'

import type { NewsroomCollectionKey, ResolvedOptions } from '../options.js'

import { type ID, idOf, idsOf } from '../idOf.js'
import { hasPublishedRow, takeStoredArticle } from '../postgres/articleStatus.js'
import { enqueueInvalidation, type QueuedChange } from '../postgres/outbox.js'
import { isPublished } from '../savedData.js'
import {
  ARTICLE_LIST_TAG,
  authorListTag,
  documentTag,
  FEED_TAG,
  SITEMAP_TAG,
  SPONSOR_SLOTS_TAG,
  uniqueTags,
} from './cacheTags.js'
import { pathsOf } from './reach.js'

type Doc = null | Record<string, any> | undefined

/** Payload gives a create an empty `previousDoc`: there was no document before. */
const existing = (doc: Doc): Doc => (doc && doc.id !== undefined && doc.id !== null ? doc : null)

type Hooks = NonNullable<CollectionConfig['hooks']>

/** The ids of several single or hasMany values, once each (PostgreSQL's bigint arrays come as text). */
const uniqueIDs = (...values: unknown[]): ID[] =>
  [...new Set(values.flatMap((value) => idsOf(Array.isArray(value) ? value : [value])).map(String))].map(
    (id) => (/^\d+$/.test(id) ? Number(id) : id),
  )
const textsOf = (...values: unknown[]): string[] => [
  ...new Set(values.filter((value): value is string => typeof value === 'string' && value !== '')),
]

/**
 * A published article changed, appeared or went: its page, the lists it is (or was) in, the
 * archives of its regions and their ancestors and of its authors, the feeds and sitemaps, and the
 * pages whose curated links point at it. The old path too, after a slug change or an unpublish.
 */
const articleChange = async (
  options: ResolvedOptions,
  req: PayloadRequest,
  id: ID,
  doc: Doc,
  previous: Doc,
): Promise<null | QueuedChange> => {
  // What readers were served before: the stored row (previousDoc is the latest version, a draft
  // when one is pending), else the previous version.
  const stored = takeStoredArticle(req, id)
  const wasServed = stored ? stored.status === 'published' : isPublished(previous)
  if (!isPublished(doc) && !wasServed && !isPublished(previous)) return null
  // A draft saved over a published article leaves the stored row, and readers, as they were; an
  // unpublish does not. Only this case reads: is the row still published?
  if (doc && !isPublished(doc) && (wasServed || isPublished(previous))) {
    if (await hasPublishedRow(req, options.collections.articles.slug, id)) return null
  }
  return {
    paths: pathsOf(req.payload, options.routes, {
      articles: textsOf(doc?.slug, previous?.slug, stored?.slug),
    }),
    reach: {
      authors: uniqueIDs(doc?.authors, previous?.authors, stored?.authors),
      linkedTo: [id],
      regions: uniqueIDs(doc?.regions, previous?.regions, stored?.regions),
    },
    tags: [documentTag('articles', id), ARTICLE_LIST_TAG, FEED_TAG, SITEMAP_TAG],
  }
}

/**
 * A region changed or went: pages built from it or a descendant (they carry the tags of their
 * regions' ancestors), and the archives along its old and new lines (their children and lists).
 */
const regionChange = (
  options: ResolvedOptions,
  { payload }: PayloadRequest,
  id: ID,
  doc: Doc,
  previous: Doc,
): QueuedChange => ({
  paths: pathsOf(payload, options.routes, { regions: textsOf(doc?.path, previous?.path) }),
  reach: { regions: uniqueIDs(id, doc?.parent, previous?.parent) },
  // Feeds name their regions as categories: every feed, rather than a tag per region in each.
  tags: [documentTag('regions', id), FEED_TAG, SITEMAP_TAG],
})

/**
 * A sponsor changed or went: pages that show it, pages of the regions it is (or was) targeted at
 * and their descendants (they carry the region's tag), every page when it is (or was) untargeted.
 */
const sponsorChange = (id: ID, doc: Doc, previous: Doc): QueuedChange => {
  const untargeted = [doc, previous].some((sponsor) => sponsor && uniqueIDs(sponsor.regions).length === 0)
  return {
    paths: [],
    reach: {},
    tags: uniqueTags([
      documentTag('sponsors', id),
      ...uniqueIDs(doc?.regions, previous?.regions).map((region) => documentTag('regions', region)),
      ...(untargeted ? [SPONSOR_SLOTS_TAG] : []),
    ]),
  }
}

const authorChange = (
  options: ResolvedOptions,
  { payload }: PayloadRequest,
  id: ID,
  doc: Doc,
  previous: Doc,
): QueuedChange => ({
  paths: pathsOf(payload, options.routes, { authors: textsOf(doc?.slug, previous?.slug) }),
  reach: {},
  tags: [documentTag('authors', id), authorListTag(id), FEED_TAG, SITEMAP_TAG],
})

/** A curated link or an approved comment changed: the page of the article it belongs to. */
const ownerChange = (owners: ID[]): null | QueuedChange =>
  owners.length
    ? { paths: [], reach: { articles: owners }, tags: owners.map((id) => documentTag('articles', id)) }
    : null

type Compute = (
  options: ResolvedOptions,
  req: PayloadRequest,
  id: ID,
  doc: Doc,
  previous: Doc,
) => null | Promise<null | QueuedChange> | QueuedChange

const computeFor: Record<NewsroomCollectionKey, Compute> = {
  articles: articleChange,
  authors: authorChange,
  comments: (_options, _req, _id, doc, previous) =>
    doc?.status === 'approved' || previous?.status === 'approved'
      ? ownerChange(uniqueIDs(doc?.article, previous?.article))
      : null,
  regions: regionChange,
  relatedLinks: (_options, _req, _id, doc, previous) =>
    ownerChange(uniqueIDs(doc?.article, previous?.article)),
  sponsors: (_options, _req, id, doc, previous) => sponsorChange(id, doc, previous),
}

const queue = async (req: PayloadRequest, change: null | QueuedChange) => {
  if (change) await enqueueInvalidation(req.payload, req, change)
}

const hooksAround = (compute: Compute, options: ResolvedOptions): Hooks => {
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
    const previous = existing(previousDoc)
    const id = idOf(doc?.id ?? previous?.id)
    if (id !== null) await queue(req, await compute(options, req, id, doc, previous))
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    const id = idOf(doc?.id)
    if (id !== null) await queue(req, await compute(options, req, id, null, doc))
    return doc
  }
  return { afterChange: [afterChange], afterDelete: [afterDelete] }
}

/**
 * The hooks that put a collection's changes into the invalidation outbox, in the saving
 * transaction (after the row is written, so a save outside a transaction is stored first): one
 * INSERT, and no reads but the one that tells a draft saved over a published article from an
 * unpublish. None without `onInvalidate`: then a save pays nothing.
 */
export const invalidationHooks = (key: NewsroomCollectionKey, options: ResolvedOptions): Hooks =>
  options.onInvalidate ? hooksAround(computeFor[key], options) : {}

/**
 * The same for the host's media collection: pages showing an image carry its tag; feeds and
 * sitemaps, which may show hundreds, are named whole when an image changes or goes (a new one
 * shows nowhere yet).
 */
export const mediaInvalidationHooks = (mediaSlug: string, options: ResolvedOptions): Hooks =>
  options.onInvalidate
    ? hooksAround(
        (_options, _req, id, _doc, previous) => ({
          paths: [],
          reach: {},
          tags: previous ? [documentTag(mediaSlug, id), FEED_TAG, SITEMAP_TAG] : [documentTag(mediaSlug, id)],
        }),
        options,
      )
    : {}
