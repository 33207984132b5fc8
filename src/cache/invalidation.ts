import type { SQL } from 'drizzle-orm'
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  Payload,
  PayloadRequest,
} from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Invalidation, NewsroomCollectionKey, ResolvedOptions } from '../options.js'

import { DEFAULT_READER_LOCALE } from '../i18n/readerTexts.js'
import { type ID, idOf } from '../idOf.js'
import { inList } from '../postgres/inList.js'
import { enqueueInvalidation } from '../postgres/outbox.js'
import { drizzleFor } from '../postgres/transaction.js'
import { tableOf, tableSql } from '../postgres/tables.js'
import { isPublished } from '../savedData.js'
import {
  ARTICLE_LIST_TAG,
  authorListTag,
  documentTag,
  FEED_TAG,
  regionListTag,
  SITEMAP_TAG,
  SPONSOR_SLOTS_TAG,
  uniqueTags,
} from './cacheTags.js'

type Doc = null | Record<string, any> | undefined

/** Payload gives a create an empty `previousDoc`: there was no document before. */
const existing = (doc: Doc): Doc => (doc && doc.id !== undefined && doc.id !== null ? doc : null)
type Hooks = NonNullable<CollectionConfig['hooks']>
type Routes = ResolvedOptions['routes']

const idsOf = (...values: unknown[]): ID[] => {
  const ids = values.flatMap((value) => (Array.isArray(value) ? value : [value])).map(idOf)
  return [...new Set(ids.filter((id): id is ID => id !== null).map(String))].map((id) =>
    /^\d+$/.test(id) ? Number(id) : id,
  )
}
const textsOf = (...values: unknown[]): string[] => [
  ...new Set(values.filter((value): value is string => typeof value === 'string' && value !== '')),
]

/** The locales paths are made for: the host's, else the reader default. */
const pathLocales = (payload: Payload): string[] =>
  payload.config.localization ? payload.config.localization.localeCodes : [DEFAULT_READER_LOCALE]

/** Documents a change reaches, found in one statement: what the tags and paths are made of. */
type Reached = {
  /** Articles whose curated links point at the changed article, with their slugs. */
  linking: { id: ID; slug: string }[]
  /** The given regions and all their ancestors, with their paths. */
  regionLine: { id: ID; path: string }[]
  /** Articles by id, with their slugs (owners of links and comments). */
  articles: { id: ID; slug: string }[]
  authors: { id: ID; slug: string }[]
}

/**
 * One statement, in the saving transaction: the region lines (a region archive lists its
 * descendants' articles), the bylines' slugs, and the articles that link to a changed article.
 */
const findReached = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  query: { articleIDs?: ID[]; authorIDs?: ID[]; linkedTo?: ID; regionIDs?: ID[] },
): Promise<Reached> => {
  const { payload } = req
  const { articles, authors, regions, relatedLinks } = options.collections
  const table = (slug: string) => tableSql(payload, tableOf(payload, slug))
  const parts: SQL[] = []
  if (query.regionIDs?.length) {
    parts.push(sql`SELECT 'region' AS kind, id::text AS id, path AS ref FROM line`)
  }
  if (query.authorIDs?.length) {
    parts.push(sql`SELECT 'author' AS kind, p.id::text AS id, p.slug AS ref FROM ${table(authors.slug)} p
      WHERE ${inList(sql`p.id`, query.authorIDs)}`)
  }
  if (query.articleIDs?.length) {
    parts.push(sql`SELECT 'article' AS kind, a.id::text AS id, a.slug AS ref FROM ${table(articles.slug)} a
      WHERE ${inList(sql`a.id`, query.articleIDs)}`)
  }
  if (query.linkedTo !== undefined) {
    parts.push(sql`SELECT 'linking' AS kind, a.id::text AS id, a.slug AS ref FROM ${table(relatedLinks.slug)} l
      JOIN ${table(articles.slug)} a ON a.id = l.article_id WHERE l.target_id = ${query.linkedTo}`)
  }
  const reached: Reached = { articles: [], authors: [], linking: [], regionLine: [] }
  if (!parts.length) return reached
  const line = query.regionIDs?.length
    ? sql`WITH RECURSIVE line AS (
        SELECT g.id, g.parent_id, g.path FROM ${table(regions.slug)} g WHERE ${inList(sql`g.id`, query.regionIDs)}
        UNION SELECT p.id, p.parent_id, p.path FROM ${table(regions.slug)} p JOIN line l ON p.id = l.parent_id
      ) `
    : sql``
  const db = await drizzleFor(payload, req)
  const result = await db.execute(sql`${line}${sql.join(parts, sql` UNION ALL `)}`)
  for (const row of result.rows as { id: string; kind: string; ref: null | string }[]) {
    const id: ID = /^\d+$/.test(row.id) ? Number(row.id) : row.id
    const ref = row.ref ?? ''
    if (row.kind === 'region') reached.regionLine.push({ id, path: ref })
    else if (row.kind === 'author') reached.authors.push({ id, slug: ref })
    else if (row.kind === 'article') reached.articles.push({ id, slug: ref })
    else reached.linking.push({ id, slug: ref })
  }
  return reached
}

/** Paths of articles, regions and authors in every locale, without repeats. */
const pathsOf = (
  payload: Payload,
  routes: Routes,
  {
    articles = [],
    authors = [],
    regions = [],
  }: { articles?: string[]; authors?: string[]; regions?: string[] },
): string[] => {
  const locales = pathLocales(payload)
  return uniqueTags(
    locales.flatMap((locale) => [
      ...articles.map((slug) => routes.article({ slug }, locale)),
      ...regions.map((path) => routes.region({ path, slug: path.split('/').at(-1) ?? path }, locale)),
      ...authors.map((slug) => routes.author({ slug }, locale)),
    ]),
  )
}

/**
 * A published article changed, appeared or went: its page, the lists it is (or was) in, the
 * archives of its regions and their ancestors and of its authors, the feeds and sitemaps, and the
 * pages whose curated links point at it. The old path too, after a slug change or an unpublish.
 */
const articleInvalidation = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  doc: Doc,
  previous: Doc,
): Promise<Invalidation | null> => {
  if (!isPublished(doc) && !isPublished(previous)) return null
  const id = idOf(doc?.id ?? previous?.id)
  if (id === null) return null
  const reached = await findReached(req, options, {
    authorIDs: idsOf(doc?.authors, previous?.authors),
    linkedTo: id,
    regionIDs: idsOf(doc?.regions, previous?.regions),
  })
  return {
    paths: pathsOf(req.payload, options.routes, {
      articles: textsOf(doc?.slug, previous?.slug, ...reached.linking.map((link) => link.slug)),
      authors: reached.authors.map((author) => author.slug),
      regions: reached.regionLine.map((region) => region.path),
    }),
    tags: uniqueTags([
      documentTag('articles', id),
      ARTICLE_LIST_TAG,
      FEED_TAG,
      SITEMAP_TAG,
      ...reached.regionLine.map((region) => regionListTag(region.id)),
      ...reached.authors.map((author) => authorListTag(author.id)),
      ...reached.linking.map((link) => documentTag('articles', link.id)),
    ]),
  }
}

/**
 * A region changed or went: pages built from it or a descendant (they carry its tag through their
 * breadcrumbs), and the archives along its old and new lines (their children and lists change).
 */
const regionInvalidation = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  doc: Doc,
  previous: Doc,
): Promise<Invalidation | null> => {
  const id = idOf(doc?.id ?? previous?.id)
  if (id === null) return null
  const reached = await findReached(req, options, { regionIDs: idsOf(id, doc?.parent, previous?.parent) })
  return {
    paths: pathsOf(req.payload, options.routes, {
      regions: textsOf(doc?.path, previous?.path, ...reached.regionLine.map((region) => region.path)),
    }),
    tags: uniqueTags([
      documentTag('regions', id),
      ...reached.regionLine.map((region) => regionListTag(region.id)),
      SITEMAP_TAG,
    ]),
  }
}

/**
 * A sponsor changed or went: pages that show it, pages of the regions it is (or was) targeted at
 * and their descendants (they carry the region's tag), every page when it is (or was) untargeted.
 */
const sponsorInvalidation = (doc: Doc, previous: Doc): Invalidation | null => {
  const id = idOf(doc?.id ?? previous?.id)
  if (id === null) return null
  const regionsOf = (sponsor: Doc) => (sponsor ? idsOf(sponsor.regions) : [])
  const untargeted = [doc, previous].some((sponsor) => sponsor && regionsOf(sponsor).length === 0)
  return {
    paths: [],
    tags: uniqueTags([
      documentTag('sponsors', id),
      ...idsOf(doc?.regions, previous?.regions).map((region) => documentTag('regions', region)),
      ...(untargeted ? [SPONSOR_SLOTS_TAG] : []),
    ]),
  }
}

const authorInvalidation = (
  req: PayloadRequest,
  options: ResolvedOptions,
  doc: Doc,
  previous: Doc,
): Invalidation | null => {
  const id = idOf(doc?.id ?? previous?.id)
  if (id === null) return null
  return {
    paths: pathsOf(req.payload, options.routes, { authors: textsOf(doc?.slug, previous?.slug) }),
    tags: [documentTag('authors', id), authorListTag(id), SITEMAP_TAG],
  }
}

/** A curated link or an approved comment changed: the page of the article it belongs to. */
const ownerInvalidation = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  owners: ID[],
): Promise<Invalidation | null> => {
  if (!owners.length) return null
  const reached = await findReached(req, options, { articleIDs: owners })
  return {
    paths: pathsOf(req.payload, options.routes, {
      articles: reached.articles.map((article) => article.slug),
    }),
    tags: owners.map((id) => documentTag('articles', id)),
  }
}

type Compute = (
  req: PayloadRequest,
  options: ResolvedOptions,
  doc: Doc,
  previous: Doc,
) => Invalidation | null | Promise<Invalidation | null>

const computeFor: Record<NewsroomCollectionKey, Compute> = {
  articles: articleInvalidation,
  authors: authorInvalidation,
  comments: (req, options, doc, previous) =>
    doc?.status === 'approved' || previous?.status === 'approved'
      ? ownerInvalidation(req, options, idsOf(doc?.article, previous?.article))
      : null,
  regions: regionInvalidation,
  relatedLinks: (req, options, doc, previous) =>
    ownerInvalidation(req, options, idsOf(doc?.article, previous?.article)),
  sponsors: (_req, _options, doc, previous) => sponsorInvalidation(doc, previous),
}

const queue = async (req: PayloadRequest, invalidation: Invalidation | null) => {
  if (invalidation && (invalidation.tags.length || invalidation.paths.length)) {
    await enqueueInvalidation(req.payload, req, invalidation)
  }
}

const hooksAround = (compute: Compute, options: ResolvedOptions): Hooks => {
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
    await queue(req, await compute(req, options, doc, existing(previousDoc)))
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    await queue(req, await compute(req, options, null, doc))
    return doc
  }
  return { afterChange: [afterChange], afterDelete: [afterDelete] }
}

/**
 * The hooks that put a collection's changes into the invalidation outbox, in the saving
 * transaction (after the row is written, so a save outside a transaction is stored first).
 * None without `onInvalidate`: then a save pays nothing.
 */
export const invalidationHooks = (key: NewsroomCollectionKey, options: ResolvedOptions): Hooks =>
  options.onInvalidate ? hooksAround(computeFor[key], options) : {}

/** The same for the host's media collection: pages showing an image carry its tag. */
export const mediaInvalidationHooks = (mediaSlug: string, options: ResolvedOptions): Hooks =>
  options.onInvalidate
    ? hooksAround((_req, _options, doc, previous) => {
        const id = idOf(doc?.id ?? previous?.id)
        return id === null ? null : { paths: [], tags: [documentTag(mediaSlug, id)] }
      }, options)
    : {}
