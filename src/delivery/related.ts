import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { RelatedItem } from './types.js'

import { inList } from '../postgres/inList.js'
import { drizzleFor } from '../postgres/transaction.js'
import { relsTableOf, tableOf } from '../postgres/tables.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** Numeric ids by value, text ids (uuid, custom) by their text. */
const compareIDs = (a: number | string, b: number | string): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))

export type RelatedQuery = {
  articlesSlug: string
  articleID: number | string
  /** When set, the same statement counts the article's approved comments. */
  commentsSlug?: string
  /** Targets of the article's curated links (in this collection) are not repeated. */
  relatedLinksSlug: string
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
  published: null | number | string
  shared: null | number | string
}

/**
 * Automatic related articles in one statement: published, not paid content, sharing a region
 * with the article, not the article itself nor already curated, published within `maxAgeDays`
 * of the article; ranked by shared regions, then recency. Articles sharing several regions are
 * few and counted from the `_rels` rows alone (an aggregate over the regions' rows, without
 * touching articles); the best of those sharing one region are found by walking the date index
 * backwards until `limit` match, so articles are read only for the few candidates that can win
 * (indexes: src/postgres/indexes.ts). The article's approved comments are
 * counted in the same statement, which keeps a page's query count fixed.
 */
export const findAutomaticRelated = async (payload: Payload, query: RelatedQuery): Promise<RelatedResult> => {
  const articles = sql.identifier(tableOf(payload, query.articlesSlug))
  const rels = sql.identifier(relsTableOf(payload, query.articlesSlug))
  const region = sql.identifier(`${tableOf(payload, query.regionsSlug)}_id`)
  const from = new Date(query.publishedAt.getTime() - query.maxAgeDays * DAY_MS).toISOString()
  const to = new Date(query.publishedAt.getTime() + query.maxAgeDays * DAY_MS).toISOString()
  const inRegions = sql`r.path = 'regions' AND ${inList(sql`r.${region}`, query.regionIDs)}`
  const eligible = sql`a._status = 'published' AND a.paid_content IS NOT TRUE
    AND a.id <> ${query.articleID}
    AND a.id NOT IN (SELECT l.target_id FROM ${sql.identifier(tableOf(payload, query.relatedLinksSlug))} l
                     WHERE l.article_id = ${query.articleID} AND l.target_id IS NOT NULL)
    AND a.published_at BETWEEN ${from} AND ${to}`
  const commentCount = query.commentsSlug
    ? sql`UNION ALL SELECT NULL, NULL, NULL, count(*) FROM ${sql.identifier(tableOf(payload, query.commentsSlug))} c
          WHERE c.article_id = ${query.articleID} AND c.status = 'approved'`
    : sql``
  const db = await drizzleFor(payload)
  const result = await db.execute(sql`
    WITH several AS MATERIALIZED (
      SELECT parent_id AS id, count(*) AS shared
      FROM (SELECT DISTINCT r.parent_id, r.${region} FROM ${rels} r
            WHERE ${inRegions} AND r.parent_id <> ${query.articleID}) pairs
      GROUP BY parent_id HAVING count(*) > 1
    ), best_several AS (
      SELECT a.id, s.shared, extract(epoch FROM a.published_at)::float8 AS published FROM several s JOIN ${articles} a ON a.id = s.id
      WHERE ${eligible}
      ORDER BY s.shared DESC, a.published_at DESC, a.id DESC LIMIT ${query.limit}
    ), best_one AS (
      SELECT a.id, 1::bigint AS shared, extract(epoch FROM a.published_at)::float8 AS published FROM ${articles} a
      WHERE ${eligible}
        AND EXISTS (SELECT 1 FROM ${rels} r WHERE r.parent_id = a.id AND ${inRegions})
        AND a.id NOT IN (SELECT id FROM several)
      ORDER BY a.published_at DESC, a.id DESC LIMIT ${query.limit}
    )
    SELECT id, shared, published, NULL::bigint AS approved FROM best_several
    UNION ALL SELECT id, shared, published, NULL FROM best_one
    ${commentCount}
  `)
  const rows = result.rows as Row[]
  const ranked = rows
    .filter((row) => row.id !== null)
    .sort(
      (a, b) =>
        Number(b.shared) - Number(a.shared) ||
        Number(b.published) - Number(a.published) ||
        compareIDs(b.id as number | string, a.id as number | string),
    )
    .slice(0, query.limit)
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
