import type { Payload, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { CacheHints } from '../archives/types.js'

import { SITEMAP_TAG } from '../../cache/cacheTags.js'
import { cursorKey, decodeCursor, encodeCursor } from '../archives/cursor.js'
import { type ID, idOf } from '../../idOf.js'
import { newsroomOptions } from '../pluginOptions.js'
import { findDocs, readerReads } from '../readerReads.js'
import {
  findNewsArticles,
  findSitemapArticles,
  findSitemapFiles,
  NEWS_WINDOW_MS,
  type SitemapKey,
  type SitemapRow,
} from './sitemapFacts.js'
import { newsLanguage, newsUrlsetXml, sitemapIndexXml, type SitemapUrl, urlsetXml } from './sitemapXml.js'

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8'

export type SitemapResult = { body: string; cache: CacheHints; contentType: string }

type SitemapArgs = {
  locale?: string
  /** The moment the news sitemap's two days end; defaults to now. */
  now?: Date
  payload: Payload
  /** The caller's request, when there is one: access rules see its headers and user. */
  req?: PayloadRequest
  /** The reader; anonymous when absent. Every read applies this user's access. */
  user?: null | PayloadRequest['user']
}

export type GetSitemapArgs = SitemapArgs & {
  /**
   * The file, as named in the index: `sitemap.xml` (the index), `sitemap-articles-<key>.xml`,
   * `sitemap-regions.xml` or `sitemap-authors.xml` [`sitemap.xml`].
   */
  file?: string
}

/** The protocol's limit of URLs in one sitemap, for the region and author files. */
const MAX_URLS = 50_000

const ARTICLE_FILE = /^sitemap-articles-([A-Za-z0-9_-]{40,400})\.xml$/

/** The key article files are named with: the cursors' sealing, under a name of its own. */
const sitemapKey = (payload: Payload): Buffer => cursorKey(`sitemap\u0000${payload.secret}`)

/**
 * `sitemap-articles-<sealed key>.xml`: where the file starts in the date index, sealed like an
 * archive cursor, so a name reveals no article (a host's access may hide one from a reader) and
 * only the index's own names open a file. One key always gives the same name.
 */
export const articleSitemapFile = (key: SitemapKey, sealing: Buffer): string =>
  `sitemap-articles-${encodeCursor(key, sealing)}.xml`

const keyOfFile = (file: string, sealing: Buffer): null | SitemapKey => {
  const match = ARTICLE_FILE.exec(file)
  return match ? decodeCursor(match[1]!, sealing) : null
}

/** What every sitemap read shares: the site's origin, the locale, reads with the caller's access. */
const sitemapReads = async (args: SitemapArgs) => {
  const { payload } = args
  const options = newsroomOptions(payload)
  const siteUrl = options.site.url
  // A sitemap lists absolute URLs, and a request's Host header is no origin to trust.
  if (!siteUrl)
    throw new APIError('payload-newsroom: sitemaps need the site.url option', 501, undefined, true)
  const { locale, readAs } = await readerReads(payload, args)
  const absolute = (path: string) => (/^https?:\/\//i.test(path) ? path : `${siteUrl}${path}`)
  // The same locale on every file an index names, so a crawler stays in one language.
  const fileUrl = (file: string) =>
    `${siteUrl}${payload.config.routes.api}/newsroom/${file}${args.locale ? `?locale=${encodeURIComponent(locale)}` : ''}`
  /**
   * The listed articles the caller may read, in the list's order, with their slug, title and
   * lead image: one read by id, so the access rules of the host apply to every URL.
   */
  const readArticles = async (rows: SitemapRow[], select: Record<string, true>) => {
    const docs = rows.length
      ? await findDocs(payload, {
          ...readAs,
          collection: options.collections.articles.slug,
          select,
          where: { id: { in: rows.map((row) => row.id) } },
        })
      : []
    const byID = new Map(docs.map((doc) => [String(doc.id), doc]))
    return rows.flatMap((row) => {
      const doc = byID.get(String(row.id))
      return doc ? [{ doc, row }] : []
    })
  }
  return { absolute, fileUrl, locale, options, readAs, readArticles, siteUrl }
}

const sitemapResult = (body: string, cache: CacheHints): SitemapResult => ({
  body,
  cache,
  contentType: SITEMAP_CONTENT_TYPE,
})

/**
 * A sitemap file: the index (`sitemap.xml`), an article sitemap of up to 1,000 URLs with
 * `lastmod` (the last change a reader sees) and the lead image, or the region and author
 * sitemaps. Null when there is no such file.
 */
export const getSitemap = async (args: GetSitemapArgs): Promise<null | SitemapResult> => {
  const file = args.file ?? 'sitemap.xml'
  const { absolute, fileUrl, locale, options, readAs, readArticles } = await sitemapReads(args)
  const { payload } = args
  const { articles, authors, regions } = options.collections
  const tags = [SITEMAP_TAG]

  if (file === 'sitemap.xml') {
    const files = await findSitemapFiles(payload, { articlesSlug: articles.slug })
    return sitemapResult(
      sitemapIndexXml([
        ...files.map(({ key, lastmod }) => ({
          lastmod,
          loc: fileUrl(articleSitemapFile(key, sitemapKey(payload))),
        })),
        { loc: fileUrl('sitemap-regions.xml') },
        { loc: fileUrl('sitemap-authors.xml') },
        { loc: fileUrl('news-sitemap.xml') },
      ]),
      { revalidateAt: null, tags },
    )
  }

  if (file === 'sitemap-regions.xml' || file === 'sitemap-authors.xml') {
    const isRegions = file === 'sitemap-regions.xml'
    const docs = await findDocs(payload, {
      ...readAs,
      collection: isRegions ? regions.slug : authors.slug,
      limit: MAX_URLS,
      pagination: false,
      select: { path: true, slug: true, updatedAt: true },
      sort: 'createdAt',
    })
    const urls: SitemapUrl[] = docs.map((doc) => ({
      lastmod: doc.updatedAt ?? null,
      loc: absolute(
        isRegions
          ? options.routes.region({ path: doc.path ?? doc.slug, slug: doc.slug }, locale)
          : options.routes.author({ slug: doc.slug }, locale),
      ),
    }))
    return sitemapResult(urlsetXml(urls), { revalidateAt: null, tags })
  }

  const key = keyOfFile(file, sitemapKey(payload))
  if (!key) return null
  const rows = await findSitemapArticles(payload, {
    articlesSlug: articles.slug,
    hasMedia: Boolean(options.media),
    key,
  })
  const listed = await readArticles(rows, { image: true, slug: true })
  const imageIDs = listed.map(({ doc }) => idOf(doc.image)).filter((id): id is ID => id !== null)
  const media =
    options.media && imageIDs.length
      ? await findDocs(payload, {
          ...readAs,
          // Whole documents: an upload's `url` is computed from fields a `select` would leave out.
          collection: options.media,
          where: { id: { in: [...new Set(imageIDs)] } },
        })
      : []
  const mediaByID = new Map(media.map((item) => [String(item.id), item]))
  const urls: SitemapUrl[] = listed.map(({ doc, row }) => {
    const image = mediaByID.get(String(idOf(doc.image)))
    return {
      images: image?.url ? [absolute(image.url)] : [],
      lastmod: row.lastmod,
      loc: absolute(options.routes.article({ slug: doc.slug }, locale)),
    }
  })
  // An image change names the sitemap tag (a file shows up to 1,000 images: no tag per image).
  return sitemapResult(urlsetXml(urls), { revalidateAt: null, tags })
}

/**
 * The Google News sitemap: articles published in the last two days (at most 1,000, newest
 * first) with the publication's name and language, the publication date and the title; paid
 * content and retractions left out. `revalidateAt` is when the oldest one leaves the window.
 */
export const getNewsSitemap = async (args: SitemapArgs): Promise<SitemapResult> => {
  const now = args.now ?? new Date()
  const { absolute, locale, options, readArticles, siteUrl } = await sitemapReads(args)
  const rows = await findNewsArticles(args.payload, { articlesSlug: options.collections.articles.slug, now })
  const listed = await readArticles(rows, { slug: true, title: true })
  const publicationName = options.site.name ?? new URL(siteUrl).hostname
  const body = newsUrlsetXml(
    listed
      // Untitled in this locale (localization without fallback): not news in this language.
      .filter(({ doc }) => doc.title)
      .map(({ doc, row }) => ({
        language: newsLanguage(locale),
        loc: absolute(options.routes.article({ slug: doc.slug }, locale)),
        publicationDate: row.publishedAt,
        publicationName,
        title: doc.title,
      })),
  )
  const oldest = rows.at(-1)
  return sitemapResult(body, {
    revalidateAt: oldest ? new Date(Date.parse(oldest.publishedAt) + NEWS_WINDOW_MS).toISOString() : null,
    tags: [SITEMAP_TAG],
  })
}
