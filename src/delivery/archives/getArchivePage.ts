import type { Payload, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { NewsroomArticle, NewsroomAuthor, NewsroomRegion, NewsroomSponsor } from '../../documents.js'
import type { AuthorPage, RegionPage } from './types.js'

import { type ID } from '../../idOf.js'
import { newsroomOptions } from '../pluginOptions.js'
import { findDocs, readerReads } from '../readerReads.js'
import { PAGE_SPONSOR_SELECT, type PageMedia } from '../pageParts.js'
import { type ArchiveFacts, type ArchiveOwner, findArchiveFacts } from './archiveFacts.js'
import { assembleAuthorPage, assembleRegionPage, type ArchiveSettings } from './assembleArchivePage.js'
import { cursorKey, decodeCursor } from './cursor.js'

export const DEFAULT_ARCHIVE_LIMIT = 20

type ArchiveArgs = {
  /** `nextCursor` of the previous page; absent for the first page. */
  cursor?: null | string
  /** Items per page, 1 to the plugin's `maxLimit` [20, or `maxLimit` when smaller]. */
  limit?: number
  locale?: string
  /** The moment sponsors are selected for; defaults to now. */
  now?: Date
  payload: Payload
  /** The caller's request, when there is one: access rules see its headers and user. */
  req?: PayloadRequest
  /** The reader; anonymous when absent. Every read applies this user's access. */
  user?: null | PayloadRequest['user']
}

export type GetRegionPageArgs = ArchiveArgs & ({ path: string } | { slug: string })
export type GetAuthorPageArgs = ArchiveArgs & { slug: string }

/** A 400 naming the argument: a cursor or a page size is data a client sends. */
const badArgument = (name: string, detail: string) => new APIError(`${name}: ${detail}`, 400, undefined, true)

/**
 * The read step every archive shares: one statement finds the owner, one page of ids and the
 * region's children and sponsors (see archiveFacts); then the documents are read by id,
 * concurrently, with the caller's access, so a page costs the same number of statements
 * whichever page it is. Returns null when the owner does not exist for this caller.
 */
const readArchive = async (owner: ArchiveOwner, args: ArchiveArgs) => {
  const { cursor: cursorText, now = new Date(), payload } = args
  const options = newsroomOptions(payload)
  const limit = args.limit ?? Math.min(DEFAULT_ARCHIVE_LIMIT, options.maxLimit)
  if (!Number.isInteger(limit) || limit < 1 || limit > options.maxLimit) {
    throw badArgument('limit', `a whole number from 1 to ${options.maxLimit}`)
  }
  const ownerText = 'path' in owner ? owner.path : owner.slug
  // Slugs and paths are short text; PostgreSQL cannot compare one holding NUL (a 500 otherwise).
  if (!ownerText || ownerText.includes('\u0000') || ownerText.length > 1000) {
    throw badArgument('path' in owner ? 'path' : 'slug', 'not a valid value')
  }
  const key = cursorKey(payload.secret)
  const cursor = cursorText ? decodeCursor(cursorText, key) : null
  if (cursorText && !cursor) throw badArgument('cursor', 'not a cursor this list gave out')
  const { articles, authors, regions, sponsors } = options.collections
  const { locale, readAs } = await readerReads(payload, args)
  const facts: ArchiveFacts = await findArchiveFacts(payload, {
    articlesSlug: articles.slug,
    authorsSlug: authors.slug,
    cursor,
    hasMedia: Boolean(options.media),
    limit,
    now,
    owner,
    regionsSlug: regions.slug,
    sponsorsSlug: sponsors.slug,
  })
  if (facts.ownerID === null) return null
  const settings: ArchiveSettings = {
    cursorKey: key,
    ...options.sponsors,
    limit,
    locale,
    mediaSlug: options.media,
    routes: options.routes,
    site: options.site,
    templates: options.readerTextsFor(locale).templates,
  }
  // By id, so Payload's query stays cheap; no ids, no statement.
  const byIDs = (collection: string, ids: ID[], select: Record<string, true>) =>
    ids.length
      ? findDocs(payload, { ...readAs, collection, select, where: { id: { in: ids } } })
      : Promise.resolve([])
  const mediaIDs = (extra: (ID | null)[]) =>
    [
      ...facts.listed.slice(0, limit).map((item) => item.image),
      ...facts.sponsors.map((s) => s.logo),
      ...extra,
    ].filter((id): id is ID => id !== null)
  const readMedia = (ids: ID[]) =>
    options.media && ids.length
      ? findDocs(payload, { ...readAs, collection: options.media, where: { id: { in: ids } } })
      : Promise.resolve([])
  const readArticles = () =>
    byIDs(
      articles.slug,
      facts.listed.slice(0, limit).map((item) => item.id),
      {
        // The facts of the notice, for each item's `aiAct`.
        ai: true,
        image: true,
        ...(options.media ? { imageAi: true } : {}),
        paidContent: true,
        publishedAt: true,
        slug: true,
        source: true,
        subtitle: true,
        title: true,
      },
    ) as Promise<unknown[]> as Promise<NewsroomArticle<ID>[]>
  return { byIDs, facts, options, readArticles, readMedia, mediaIDs, settings }
}

/**
 * A region's archive: the region with breadcrumbs and children, the articles of the region and
 * its descendants newest first (`cursor` / `nextCursor`), and the sponsors targeted at it or
 * its ancestors. Null when there is no such region for this caller.
 */
export const getRegionPage = async (args: GetRegionPageArgs): Promise<null | RegionPage> => {
  const owner: ArchiveOwner =
    'path' in args ? { collection: 'regions', path: args.path } : { collection: 'regions', slug: args.slug }
  const archive = await readArchive(owner, args)
  if (!archive) return null
  const { byIDs, facts, options, readArticles, readMedia, mediaIDs, settings } = archive
  const regionSelect = { breadcrumbs: true, name: true, path: true, slug: true, type: true } as const
  const [regionDocs, children, articles, sponsors, media] = await Promise.all([
    byIDs(options.collections.regions.slug, [facts.ownerID as ID], regionSelect),
    byIDs(options.collections.regions.slug, facts.childIDs, regionSelect),
    readArticles(),
    byIDs(
      options.collections.sponsors.slug,
      facts.sponsors.map((sponsor) => sponsor.id),
      PAGE_SPONSOR_SELECT,
    ),
    readMedia(mediaIDs([])),
  ])
  const region = regionDocs[0] as NewsroomRegion<ID> | undefined
  if (!region) return null
  return assembleRegionPage(
    {
      articles,
      children: children as unknown as NewsroomRegion<ID>[],
      facts,
      media: media as unknown as PageMedia[],
      region,
      sponsors: sponsors as unknown as NewsroomSponsor<ID>[],
    },
    settings,
  )
}

/** An author's profile and articles, newest first (`cursor` / `nextCursor`). Null when there is no such author. */
export const getAuthorPage = async (args: GetAuthorPageArgs): Promise<AuthorPage | null> => {
  const archive = await readArchive({ collection: 'authors', slug: args.slug }, args)
  if (!archive) return null
  const { byIDs, facts, options, readArticles, readMedia, mediaIDs, settings } = archive
  const [authorDocs, articles, media] = await Promise.all([
    byIDs(options.collections.authors.slug, [facts.ownerID as ID], {
      bio: true,
      image: true,
      kind: true,
      name: true,
      role: true,
      sameAs: true,
      slug: true,
    }),
    readArticles(),
    readMedia(mediaIDs([facts.ownerImage])),
  ])
  const author = authorDocs[0] as NewsroomAuthor<ID> | undefined
  if (!author) return null
  return assembleAuthorPage({ articles, author, facts, media: media as unknown as PageMedia[] }, settings)
}
