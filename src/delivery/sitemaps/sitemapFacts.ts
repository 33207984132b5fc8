import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { ID } from '../../idOf.js'

import { executeRead } from '../../postgres/replicas.js'
import { tableOf, tableSql } from '../../postgres/tables.js'

/**
 * URLs per article sitemap: Yoast's 1,000 (the protocol allows 50,000). Each file is read by id
 * with the caller's access, and a query compares at most 1,000 values (the `where` guard).
 */
export const ARTICLES_PER_SITEMAP = 1000
/** Google News reads articles of the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000
export const NEWS_LIMIT = 1000

/**
 * Where an article sitemap starts: its first article's place in the date index (published_at,
 * created_at ascending, then id descending, the index's own order).
 */
export type SitemapKey = { createdAt: string; id: ID; publishedAt: string }

export type SitemapRow = { id: ID; image: ID | null; lastmod: string; publishedAt: string }

type Row = {
  created: Date | string
  id: ID
  image: null | string
  lastmod: Date | string | null
  published: Date | string
}

const iso = (value: Date | string): string => new Date(value).toISOString()

// Image ids travel as text (one column whatever the id type); serial ids come back as numbers.
const asID = (value: null | string): ID | null =>
  value === null ? null : /^\d+$/.test(value) ? Number(value) : value

const PUBLISHED = sql`a._status = 'published' AND a.published_at IS NOT NULL AND a.retracted_at IS NULL`

const articlesOf = (payload: Payload, slug: string) => tableSql(payload, tableOf(payload, slug))

/**
 * The first key of every article sitemap and each file's newest `lastmod`, in one pass over the
 * published articles (the index's cost grows with the site; each file's does not).
 */
export const findSitemapFiles = async (
  payload: Payload,
  query: { articlesSlug: string },
): Promise<{ key: SitemapKey; lastmod: string }[]> => {
  const articles = articlesOf(payload, query.articlesSlug)
  const { rows } = await executeRead(
    payload,
    sql`SELECT
        max(x.published_at) FILTER (WHERE x.n % ${ARTICLES_PER_SITEMAP} = 1) AS published,
        max(x.created_at) FILTER (WHERE x.n % ${ARTICLES_PER_SITEMAP} = 1) AS created,
        max(x.id::text) FILTER (WHERE x.n % ${ARTICLES_PER_SITEMAP} = 1) AS id,
        max(x.lastmod) AS lastmod, NULL::text AS image
      FROM (
        SELECT a.published_at, a.created_at, a.id, coalesce(a.content_modified_at, a.published_at) AS lastmod,
          row_number() OVER (ORDER BY a.published_at, a.created_at, a.id DESC) AS n
        FROM ${articles} a WHERE ${PUBLISHED}
      ) x
      GROUP BY (x.n - 1) / ${ARTICLES_PER_SITEMAP}
      ORDER BY min(x.n)`,
  )
  return (rows as (Omit<Row, 'id'> & { id: string })[]).map((row) => ({
    key: { createdAt: iso(row.created), id: asID(row.id) as ID, publishedAt: iso(row.published) },
    lastmod: iso(row.lastmod ?? row.published),
  }))
}

/**
 * One article sitemap: up to `ARTICLES_PER_SITEMAP` published articles from `key` on, walking
 * the date index forwards, so the last file costs what the first does.
 */
export const findSitemapArticles = async (
  payload: Payload,
  query: { articlesSlug: string; hasMedia: boolean; key: SitemapKey },
): Promise<SitemapRow[]> => {
  const articles = articlesOf(payload, query.articlesSlug)
  const { createdAt, id, publishedAt } = query.key
  const { rows } = await executeRead(
    payload,
    sql`SELECT a.id, a.published_at AS published, a.created_at AS created,
        coalesce(a.content_modified_at, a.published_at) AS lastmod,
        ${query.hasMedia ? sql`a.image_id::text` : sql`NULL::text`} AS image
      FROM ${articles} a
      WHERE ${PUBLISHED} AND a.published_at >= ${publishedAt}::timestamptz
        AND (a.published_at > ${publishedAt}::timestamptz OR a.created_at > ${createdAt}::timestamptz
             OR (a.created_at = ${createdAt}::timestamptz AND a.id <= ${id}))
      ORDER BY a.published_at, a.created_at, a.id DESC
      LIMIT ${ARTICLES_PER_SITEMAP}`,
  )
  return (rows as Row[]).map((row) => ({
    id: row.id,
    image: asID(row.image),
    lastmod: iso(row.lastmod ?? row.published),
    publishedAt: iso(row.published),
  }))
}

/**
 * The Google News sitemap's articles: published in the two days before `now`, newest first,
 * at most `NEWS_LIMIT`; neither paid content (not news) nor retracted ones.
 */
export const findNewsArticles = async (
  payload: Payload,
  query: { articlesSlug: string; now: Date },
): Promise<SitemapRow[]> => {
  const articles = articlesOf(payload, query.articlesSlug)
  const since = new Date(query.now.getTime() - NEWS_WINDOW_MS).toISOString()
  const { rows } = await executeRead(
    payload,
    sql`SELECT a.id, a.published_at AS published, a.created_at AS created,
        coalesce(a.content_modified_at, a.published_at) AS lastmod, NULL::text AS image
      FROM ${articles} a
      WHERE ${PUBLISHED} AND NOT coalesce(a.paid_content, false)
        AND a.published_at > ${since}::timestamptz AND a.published_at <= ${query.now.toISOString()}::timestamptz
      ORDER BY a.published_at DESC, a.created_at DESC, a.id ASC
      LIMIT ${NEWS_LIMIT}`,
  )
  return (rows as Row[]).map((row) => ({
    id: row.id,
    image: null,
    lastmod: iso(row.lastmod ?? row.published),
    publishedAt: iso(row.published),
  }))
}
