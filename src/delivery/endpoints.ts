import type { Endpoint, PayloadRequest } from 'payload'

import { APIError, Forbidden } from 'payload'

import { type Audience, cachedBody, cachedJson } from '../cache/httpCaching.js'
import { getAuthorPage, getRegionPage } from './archives/getArchivePage.js'
import type { FeedFormat } from './feeds/assembleFeed.js'
import { FEED_FILES, getFeed } from './feeds/getFeed.js'
import { getNewsSitemap, getSitemap } from './sitemaps/getSitemap.js'
import { getArticlePage } from './getArticlePage.js'
import { newsroomOptions } from './pluginOptions.js'

const LOCALE = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/

const error = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** A 400 naming the parameter, for input a handler checks before any read. */
class BadParameter extends Error {}

/** `?locale=`: one of the host's locales, else a well-formed code (a reader locale or the default). */
const localeOf = (req: PayloadRequest): string | undefined => {
  const locale = req.searchParams.get('locale') ?? undefined
  const codes = req.payload.config.localization ? req.payload.config.localization.localeCodes : undefined
  if (locale !== undefined && (codes ? !codes.includes(locale) : !LOCALE.test(locale))) {
    throw new BadParameter(`locale: unknown locale "${locale.slice(0, 20)}"`)
  }
  return locale
}

/** A slug or path segment from the route: short text without NUL (PostgreSQL cannot compare one, a 500). */
const routeText = (name: string, value: unknown): string => {
  const text = Array.isArray(value) ? value.join('/') : String(value ?? '')
  if (!text || text.includes('\u0000') || text.length > 1000)
    throw new BadParameter(`${name}: not a valid ${name}`)
  return text
}

/** `?limit=` and `?cursor=` of an archive; the archive call checks their range and shape. */
const pageOf = (req: PayloadRequest) => {
  const limit = req.searchParams.get('limit')
  if (limit !== null && !/^\d{1,6}$/.test(limit)) throw new BadParameter('limit: not a whole number')
  return { cursor: req.searchParams.get('cursor'), limit: limit === null ? undefined : Number(limit) }
}

/** Who the answer is for: drafts are never shared, a signed-in caller's answers are theirs. */
const audienceOf = (req: PayloadRequest, draft = false): Audience =>
  draft
    ? 'draft'
    : // An editor may be known by a header rather than a user (isEditor): their answers are theirs too.
      req.user || newsroomOptions(req.payload).isEditor(req)
      ? 'private'
      : 'public'

/** A result with its cache headers (ETag, tags) for this caller, or 304 when the client has it. */
const json = (req: PayloadRequest, result: Parameters<typeof cachedJson>[0], draft = false) =>
  cachedJson(result, { audience: audienceOf(req, draft), ifNoneMatch: req.headers.get('if-none-match') })

/** Answers a handler's refusals as 4xx naming the parameter; everything else is Payload's. */
const answering =
  (handler: (req: PayloadRequest) => Promise<Response>): Endpoint['handler'] =>
  async (req) => {
    try {
      return await handler(req)
    } catch (caught) {
      if (caught instanceof BadParameter) return error(400, caught.message)
      if (caught instanceof Forbidden) return error(403, 'draft=true needs an editor')
      if (caught instanceof APIError && (caught.status === 400 || caught.status === 501))
        return error(caught.status, caught.message)
      throw caught
    }
  }

/** `GET /api/newsroom/articles/:slug?locale=&draft=`: the article page as JSON, for the caller's access. */
export const articlePageEndpoint: Endpoint = {
  handler: answering(async (req) => {
    const slug = routeText('slug', req.routeParams?.slug)
    const draft = req.searchParams.get('draft') === 'true'
    const page = await getArticlePage({ draft, locale: localeOf(req), payload: req.payload, req, slug })
    if (!page) return error(404, `No published article with the slug "${slug.slice(0, 200)}"`)
    return json(req, page, draft)
  }),
  method: 'get',
  path: '/newsroom/articles/:slug',
}

/** `GET /api/newsroom/regions/:path?cursor=&limit=&locale=` (path like `asien/china`): the region's archive. */
export const regionPageEndpoint: Endpoint = {
  handler: answering(async (req) => {
    const path = routeText('path', req.routeParams?.path)
    const page = await getRegionPage({
      ...pageOf(req),
      locale: localeOf(req),
      path,
      payload: req.payload,
      req,
    })
    if (!page) return error(404, `No region with the path "${path.slice(0, 200)}"`)
    return json(req, page)
  }),
  method: 'get',
  path: '/newsroom/regions/:path+',
}

/** `GET /api/newsroom/authors/:slug?cursor=&limit=&locale=`: the author's profile and articles. */
export const authorPageEndpoint: Endpoint = {
  handler: answering(async (req) => {
    const slug = routeText('slug', req.routeParams?.slug)
    const page = await getAuthorPage({
      ...pageOf(req),
      locale: localeOf(req),
      payload: req.payload,
      req,
      slug,
    })
    if (!page) return error(404, `No author with the slug "${slug.slice(0, 200)}"`)
    return json(req, page)
  }),
  method: 'get',
  path: '/newsroom/authors/:slug',
}

const FEED_FORMATS = new Map(Object.entries(FEED_FILES).map(([format, file]) => [file, format as FeedFormat]))

/** An optional text parameter of a feed: short, without NUL. */
const optionalText = (req: PayloadRequest, name: string): string | undefined => {
  const value = req.searchParams.get(name)
  return value === null ? undefined : routeText(name, value)
}

/**
 * `GET /api/newsroom/feed.xml|feed.atom|feed.json?region=&author=&locale=`, `sitemap.xml`,
 * `sitemap-articles-<key>.xml`, `sitemap-regions.xml`, `sitemap-authors.xml` and
 * `news-sitemap.xml`: feeds and sitemaps with their cache headers.
 */
export const feedsAndSitemapsEndpoint: Endpoint = {
  handler: answering(async (req) => {
    const file = routeText('file', req.routeParams?.file)
    const format = FEED_FORMATS.get(file)
    const base = { locale: localeOf(req), payload: req.payload, req }
    const owner = { author: optionalText(req, 'author'), region: optionalText(req, 'region') }
    const result = format
      ? await getFeed({ ...base, ...owner, format })
      : file === 'news-sitemap.xml'
        ? await getNewsSitemap(base)
        : /^sitemap[-.]/.test(file)
          ? await getSitemap({ ...base, file })
          : null
    if (!result && format) {
      const [name, value] = owner.region !== undefined ? ['region', owner.region] : ['author', owner.author!]
      return error(404, `${name}: no ${name} "${value.slice(0, 200)}"`)
    }
    if (!result) return error(404, `No feed or sitemap "${file.slice(0, 200)}"`)
    return cachedBody(result, { audience: audienceOf(req), ifNoneMatch: req.headers.get('if-none-match') })
  }),
  method: 'get',
  path: '/newsroom/:file',
}

export const deliveryEndpoints: Endpoint[] = [
  articlePageEndpoint,
  regionPageEndpoint,
  authorPageEndpoint,
  feedsAndSitemapsEndpoint,
]
