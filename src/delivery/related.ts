import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { RelatedItem } from './types.js'

import { inList } from '../postgres/inList.js'
import { drizzleFor } from '../postgres/transaction.js'
import { tableOf } from '../postgres/tables.js'

const DAY_MS = 24 * 60 * 60 * 1000

export type RelatedQuery = {
  articlesSlug: string
  articleID: number | string
  /** When set, the same statement counts the article's approved comments. */
  commentsSlug?: string
  exclude: (number | string)[]
  limit: number
  maxAgeDays: number
  publishedAt: Date
  regionIDs: (number | string)[]
  regionsSlug: string
}

export type RelatedResult = { approvedComments: number; ids: (number | string)[] }

type Row = {
  approved: null | number | string
  id: null | number | string
  published: null | string
  shared: null | number | string
}

/**
 * Automatic related articles in one `GROUP BY` query: published, not paid content, sharing a
 * region with the article, not the article itself nor already curated, published within
 * `maxAgeDays` of the article; ranked by shared regions, then recency. Served by the indexes on
 * `<articles>_rels (path, <regions>_id)` and `<articles> (published_at)`. The article's approved
 * comments are counted in the same statement, which keeps a page's query count fixed.
 */
export const findAutomaticRelated = async (payload: Payload, query: RelatedQuery): Promise<RelatedResult> => {
  const articles = tableOf(payload, query.articlesSlug)
  const rels = `${articles}_rels`
  const regionColumn = `${tableOf(payload, query.regionsSlug)}_id`
  const from = new Date(query.publishedAt.getTime() - query.maxAgeDays * DAY_MS).toISOString()
  const to = new Date(query.publishedAt.getTime() + query.maxAgeDays * DAY_MS).toISOString()
  const commentCount = query.commentsSlug
    ? sql`UNION ALL SELECT NULL, NULL, NULL, count(*) FROM ${sql.identifier(tableOf(payload, query.commentsSlug))} c
          WHERE c.article_id = ${query.articleID} AND c.status = 'approved'`
    : sql``
  const db = await drizzleFor(payload)
  const result = await db.execute(sql`
    WITH ranked AS (
      SELECT a.id AS id, count(DISTINCT r.${sql.identifier(regionColumn)}) AS shared, max(a.published_at) AS published
      FROM ${sql.identifier(rels)} r
      JOIN ${sql.identifier(articles)} a ON a.id = r.parent_id
      WHERE r.path = 'regions'
        AND ${inList(sql`r.${sql.identifier(regionColumn)}`, query.regionIDs)}
        AND a._status = 'published'
        AND a.paid_content IS NOT TRUE
        AND a.id <> ${query.articleID}
        AND NOT ${inList(sql`a.id`, query.exclude)}
        AND a.published_at BETWEEN ${from} AND ${to}
      GROUP BY a.id
      ORDER BY shared DESC, published DESC, a.id DESC
      LIMIT ${query.limit}
    )
    SELECT id, shared, published, NULL::bigint AS approved FROM ranked
    ${commentCount}
  `)
  const rows = result.rows as Row[]
  const ranked = rows
    .filter((row) => row.id !== null)
    .sort(
      (a, b) =>
        Number(b.shared) - Number(a.shared) ||
        String(b.published).localeCompare(String(a.published)) ||
        Number(b.id) - Number(a.id),
    )
  const counted = rows.find((row) => row.id === null)
  return {
    approvedComments: Number(counted?.approved ?? 0),
    ids: ranked.map((row) => row.id as number | string),
  }
}

/** All curated links first, in their order, then automatic ones until `limit` items in total. */
export const mergeRelated = (
  curated: RelatedItem[],
  automatic: RelatedItem[],
  limit: number,
): RelatedItem[] => [...curated, ...automatic.slice(0, Math.max(0, limit - curated.length))]
