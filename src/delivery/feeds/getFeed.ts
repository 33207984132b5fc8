import type { Payload, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { NewsroomArticle, NewsroomAuthor, NewsroomRegion } from '../../documents.js'
import type { CacheHints } from '../archives/types.js'
import type { FeedMedia } from './contentHtml.js'

import { type ID, idOf, idsOf } from '../../idOf.js'
import { findListedArticles, type ListOwner } from '../archives/archiveFacts.js'
import { newsroomOptions } from '../pluginOptions.js'
import { findDocs, readerReads } from '../readerReads.js'
import { assembleFeed, type FeedDocument, type FeedFormat, type FeedOwner } from './assembleFeed.js'
import { FEED_CONTENT_TYPES, renderFeed } from './renderFeed.js'

export type GetFeedArgs = {
  /** An author's feed, by the author's slug. */
  author?: string
  format: FeedFormat
  locale?: string
  payload: Payload
  /** A region's feed (its descendants included), by the region's path (`asien/china`). */
  region?: string
  /** The caller's request, when there is one: access rules see its headers and user. */
  req?: PayloadRequest
  /** The reader; anonymous when absent. Every read applies this user's access. */
  user?: null | PayloadRequest['user']
}

export type FeedResult = {
  /** The feed written in `format`. */
  body: string
  cache: CacheHints
  contentType: string
  feed: FeedDocument
}

const badArgument = (name: string, detail: string) => new APIError(`${name}: ${detail}`, 400, undefined, true)

/** Ids of the nodes of one type in Lexical JSON (upload values, internal link targets). */
const nodeRefs = (content: unknown, pick: (node: Record<string, any>) => unknown): unknown[] => {
  const found: unknown[] = []
  const walk = (node: unknown, depth: number) => {
    // Stored content passed the nesting guard; the bound keeps a hand-written row from recursing deep.
    if (!node || typeof node !== 'object' || depth > 64) return
    const value = pick(node as Record<string, any>)
    if (value !== undefined) found.push(value)
    const children = (node as { children?: unknown }).children
    if (Array.isArray(children)) for (const child of children) walk(child, depth + 1)
  }
  walk((content as { root?: unknown } | null)?.root, 0)
  return found
}

/** Query text of a feed URL: the same parameters in a fixed order, so one feed has one URL. */
const feedQuery = (args: { author?: string; locale?: string; region?: string }): string => {
  const params = new URLSearchParams()
  if (args.region) params.set('region', args.region)
  if (args.author) params.set('author', args.author)
  if (args.locale) params.set('locale', args.locale)
  const text = params.toString()
  return text ? `?${text}` : ''
}

const MAX_IDS_PER_READ = 1000

export const FEED_FILES: Record<FeedFormat, string> = {
  atom: 'feed.atom',
  json: 'feed.json',
  rss: 'feed.xml',
}

/**
 * The newest published, non-retracted articles of the site, a region (with its descendants) or
 * an author, as RSS 2.0, Atom or JSON Feed 1.1, with full content, the notice at its placement,
 * the label of paid content and the corrections. A constant number of statements: one finds the
 * list, then the articles, and at once their regions, authors, images and link targets, each
 * read by id with the caller's access. Null when the region or author does not exist.
 */
export const getFeed = async (args: GetFeedArgs): Promise<FeedResult | null> => {
  const { format, payload } = args
  const options = newsroomOptions(payload)
  const siteUrl = options.site.url
  // A feed is read away from the site: its links must be absolute, and a request's Host header is no origin to trust.
  if (!siteUrl) throw new APIError('payload-newsroom: feeds need the site.url option', 501, undefined, true)
  if (args.region !== undefined && args.author !== undefined)
    throw badArgument('region', 'a feed is of a region or of an author, not both')
  for (const [name, value] of [
    ['region', args.region],
    ['author', args.author],
  ] as const) {
    if (value !== undefined && (!value || value.includes('\u0000') || value.length > 1000))
      throw badArgument(name, 'not a valid value')
  }
  const { articles, authors, regions } = options.collections
  const { locale, readAs } = await readerReads(payload, args)
  // In parts of 1,000 ids (a query compares at most that many values): one part unless fifty
  // articles hold more images or links than that.
  const byIDs = async (collection: string, ids: unknown[], select?: Record<string, true>) => {
    const known = [...new Set(ids.map(idOf).filter((id): id is ID => id !== null))]
    const parts = Array.from({ length: Math.ceil(known.length / MAX_IDS_PER_READ) }, (_, index) =>
      known.slice(index * MAX_IDS_PER_READ, (index + 1) * MAX_IDS_PER_READ),
    )
    const read = await Promise.all(
      parts.map((part) =>
        findDocs(payload, {
          ...readAs,
          collection,
          ...(select ? { select } : {}),
          where: { id: { in: part } },
        }),
      ),
    )
    return read.flat()
  }

  const owner: ListOwner =
    args.region !== undefined
      ? { collection: 'regions', path: args.region }
      : args.author !== undefined
        ? { collection: 'authors', slug: args.author }
        : { collection: 'site' }
  const { listed, ownerID } = await findListedArticles(payload, {
    articlesSlug: articles.slug,
    authorsSlug: authors.slug,
    hasMedia: Boolean(options.media),
    limit: options.feeds.limit,
    owner,
    regionsSlug: regions.slug,
  })
  if (owner.collection !== 'site' && ownerID === null) return null
  const [ownerDocs, articleDocs] = await Promise.all([
    owner.collection === 'site'
      ? Promise.resolve([])
      : byIDs(owner.collection === 'regions' ? regions.slug : authors.slug, [ownerID], {
          name: true,
          path: true,
          slug: true,
        }),
    byIDs(
      articles.slug,
      listed.map((item) => item.id),
      {
        ai: true,
        authors: true,
        content: true,
        contentModifiedAt: true,
        corrections: true,
        createdAt: true,
        image: true,
        ...(options.media ? { imageAi: true } : {}),
        paidContent: true,
        publishedAt: true,
        regions: true,
        slug: true,
        source: true,
        subtitle: true,
        title: true,
      },
    ),
  ])
  const ownerDoc = ownerDocs[0]
  if (owner.collection !== 'site' && !ownerDoc) return null
  const contents = articleDocs.map((doc) => doc.content)
  const uploadIDs = contents.flatMap((content) =>
    nodeRefs(content, (node) =>
      node.type === 'upload' && node.relationTo === options.media ? node.value : undefined,
    ),
  )
  const linkIDs = contents.flatMap((content) =>
    nodeRefs(content, (node) =>
      node.fields?.linkType === 'internal' && node.fields.doc?.relationTo === articles.slug
        ? node.fields.doc.value
        : undefined,
    ),
  )
  const [regionDocs, authorDocs, mediaDocs, targetDocs] = await Promise.all([
    byIDs(
      regions.slug,
      articleDocs.flatMap((doc) => idsOf(doc.regions)),
      { name: true, path: true, slug: true },
    ),
    byIDs(
      authors.slug,
      articleDocs.flatMap((doc) => idsOf(doc.authors)),
      { name: true, slug: true },
    ),
    options.media
      ? byIDs(options.media, [...articleDocs.map((doc) => doc.image), ...uploadIDs])
      : Promise.resolve([]),
    // Published, not retracted: a link to anything else stays text.
    byIDs(articles.slug, linkIDs, { _status: true, retractedAt: true, slug: true }).then((docs) =>
      docs.filter((doc) => doc._status !== 'draft' && !doc.retractedAt),
    ),
  ])
  const feedOwner: FeedOwner =
    owner.collection === 'regions'
      ? { kind: 'region', region: ownerDoc as unknown as NewsroomRegion<ID> }
      : owner.collection === 'authors'
        ? { author: ownerDoc as unknown as NewsroomAuthor<ID>, kind: 'author' }
        : { kind: 'site' }
  const texts = options.readerTextsFor(locale)
  const query = { author: args.author, locale: args.locale ? locale : undefined, region: args.region }
  const { cache, feed } = assembleFeed(
    {
      articles: articleDocs as unknown as NewsroomArticle<ID>[],
      authors: authorDocs as unknown as NewsroomAuthor<ID>[],
      listed,
      media: mediaDocs as unknown as FeedMedia[],
      owner: feedOwner,
      regions: regionDocs as unknown as NewsroomRegion<ID>[],
      targets: targetDocs as unknown as NewsroomArticle<ID>[],
    },
    {
      articlesSlug: articles.slug,
      converters: options.feeds.htmlConverters,
      correctionLabels: texts.correctionLabels,
      ...options.sponsors,
      feedUrlOf: (kind) => `${siteUrl}/api/newsroom/${FEED_FILES[kind]}${feedQuery(query)}`,
      locale,
      mediaSlug: options.media,
      routes: options.routes,
      site: { ...options.site, url: siteUrl },
      templates: texts.templates,
    },
  )
  return { body: renderFeed(feed, format), cache, contentType: FEED_CONTENT_TYPES[format], feed }
}
