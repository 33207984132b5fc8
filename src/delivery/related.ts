import type { SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { relsTableOf, tableOf, tableSql } from '../postgres/tables.js'

/** Rows of the date index walked before the related query reads the regions' articles instead. */
const WALK = 500
const DAY_SECONDS = 24 * 60 * 60

export type RelatedQuery = {
  articlesSlug: string
  /** Rows the date walk may take before falling back (tests make it small). */
  walk?: number
  /** Targets of the article's curated links (in this collection) are not repeated. */
  relatedLinksSlug: string
  limit: number
  maxAgeDays: number
  regionsSlug: string
}

/**
 * Automatic related articles: published, not paid content, sharing a region with the article,
 * not the article itself nor already curated, published within `maxAgeDays` of the article.
 * Articles sharing several regions are few and counted from the `_rels` rows alone (an aggregate
 * over the regions' index entries, without touching articles); the best of those sharing one region are
 * found by walking the date index backwards until `limit` match, so articles are read only for
 * the few candidates that can win (indexes: src/postgres/indexes.ts). When the walk finds too few
 * within `WALK` rows (sparse regions, or regions whose articles all share several), the regions'
 * articles are read instead, which costs as many rows as the regions hold; when enough share
 * several regions, neither runs.
 *
 * Reads the article from the CTEs `me` (id, published_at) and `my_regions` (id); returns the
 * CTEs `several`, `best_several` and `best_one` (columns id, shared, published) for a statement
 * that selects from them; `rankRelated` orders their rows.
 */
export const relatedCTEs = (payload: Payload, query: RelatedQuery): SQL => {
  const articles = tableSql(payload, tableOf(payload, query.articlesSlug))
  const rels = tableSql(payload, relsTableOf(payload, query.articlesSlug))
  const region = sql.identifier(`${tableOf(payload, query.regionsSlug)}_id`)
  // Exact seconds, as a parameter: fractional days stay exact, and no DST shift in the window.
  const window = sql`(${Math.max(0, query.maxAgeDays) * DAY_SECONDS}::float8 * interval '1 second')`
  const inRegions = sql`r.path = 'regions' AND r.${region} IN (SELECT id FROM my_regions)`
  // Retracted articles stay at their address but are never suggested.
  const eligible = sql`a._status = 'published' AND a.paid_content IS NOT TRUE AND a.retracted_at IS NULL
    AND a.id <> (SELECT id FROM me)
    AND a.id NOT IN (SELECT l.target_id FROM ${tableSql(payload, tableOf(payload, query.relatedLinksSlug))} l
                     WHERE l.article_id = (SELECT id FROM me) AND l.target_id IS NOT NULL)
    AND a.published_at BETWEEN (SELECT published_at FROM me) - ${window}
                           AND (SELECT published_at FROM me) + ${window}`
  // One pass over the regions' rows finds the few articles with more than one of them; only
  // those are counted again by distinct region (a region listed twice is one region).
  return sql`several AS MATERIALIZED (
      SELECT r.parent_id AS id, count(DISTINCT r.${region}) AS shared FROM ${rels} r
      WHERE ${inRegions} AND r.parent_id IN (
        SELECT r.parent_id FROM ${rels} r WHERE ${inRegions} AND r.parent_id <> (SELECT id FROM me)
        GROUP BY r.parent_id HAVING count(*) > 1)
      GROUP BY r.parent_id HAVING count(DISTINCT r.${region}) > 1
    ), best_several AS (
      SELECT a.id, s.shared, extract(epoch FROM a.published_at)::float8 AS published FROM several s JOIN ${articles} a ON a.id = s.id
      WHERE ${eligible}
      ORDER BY s.shared DESC, a.published_at DESC, a.id DESC LIMIT ${query.limit}
    ), best_one_walk AS (
      -- No ORDER BY outside the walk, so it stops at the limit: a filter over a subquery scan
      -- keeps the subquery's date order (PostgreSQL does not reorder it; ranking is redone in JS).
      SELECT a.id, 1::bigint AS shared, extract(epoch FROM a.published_at)::float8 AS published
      FROM (SELECT a.id, a.published_at FROM ${articles} a
            WHERE ${eligible} AND a.id NOT IN (SELECT id FROM several)
            ORDER BY a.published_at DESC, a.id DESC LIMIT ${query.walk ?? WALK}) a
      -- A scalar subquery with LIMIT cannot become a join: the walk stays a walk.
      WHERE (SELECT true FROM ${rels} r WHERE r.parent_id = a.id AND ${inRegions} LIMIT 1)
        AND (SELECT count(*) FROM best_several) < ${query.limit}
      LIMIT ${query.limit}
    ), in_regions AS MATERIALIZED (
      SELECT DISTINCT r.parent_id AS id FROM ${rels} r WHERE ${inRegions}
    ), enough AS (
      -- The walk settles it when its finds and those sharing several regions fill the limit.
      SELECT (SELECT count(*) FROM best_several) + (SELECT count(*) FROM best_one_walk) >= ${query.limit} AS walked
    ), best_one AS (
      SELECT id, shared, published FROM best_one_walk WHERE (SELECT walked FROM enough)
      UNION ALL
      (SELECT a.id, 1::bigint, extract(epoch FROM a.published_at)::float8 FROM in_regions c
       JOIN ${articles} a ON a.id = c.id
       WHERE ${eligible} AND a.id NOT IN (SELECT id FROM several) AND NOT (SELECT walked FROM enough)
       ORDER BY a.published_at DESC, a.id DESC LIMIT ${query.limit})
    )`
}

export type RelatedRow = { id: number | string; published: number | string; shared: number | string }

/** Numeric ids by value, text ids (uuid, custom) by their text. */
const compareIDs = (a: number | string, b: number | string): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))

/** Most shared regions first, then the newest, then the highest id; the first `limit` ids. */
export const rankRelated = (rows: RelatedRow[], limit: number): (number | string)[] =>
  [...rows]
    .sort(
      (a, b) =>
        Number(b.shared) - Number(a.shared) ||
        Number(b.published) - Number(a.published) ||
        compareIDs(b.id, a.id),
    )
    .slice(0, limit)
    .map((row) => row.id)
