import type { SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { ID } from '../../idOf.js'
import type { ListCursor } from './cursor.js'

import { executeRead } from '../../postgres/replicas.js'
import { relsTableOf, tableOf, tableSql } from '../../postgres/tables.js'
import { sponsorCandidates } from '../sponsors.js'

/** Whose archive: a region found by its path or slug, or an author found by slug. */
export type ArchiveOwner =
  | { collection: 'authors'; slug: string }
  | { collection: 'regions'; path: string }
  | { collection: 'regions'; slug: string }

/** Whose list a feed is: an archive's owner, or the whole site. */
export type ListOwner = ArchiveOwner | { collection: 'site' }

export type ArchiveFactsQuery = {
  articlesSlug: string
  authorsSlug: string
  cursor: ListCursor | null
  /** Whether articles carry an `image` and sponsors a `logo` (the plugin's `media` option). */
  hasMedia: boolean
  /** Items per page; one more is read to know whether a next page exists. */
  limit: number
  now: Date
  owner: ArchiveOwner
  regionsSlug: string
  sponsorsSlug: string
}

/** What a newest-first list needs: whose, where it goes on, how many. */
type ListedQuery = Pick<
  ArchiveFactsQuery,
  'articlesSlug' | 'authorsSlug' | 'cursor' | 'hasMedia' | 'limit' | 'regionsSlug'
> & { owner: ListOwner }

export type ListedArticle = { createdAt: string; id: ID; image: ID | null; publishedAt: string }

/** Ids only: the archive then reads its documents through the Local API, with the caller's access. */
export type ArchiveFacts = {
  childIDs: ID[]
  /** Newest first, up to `limit + 1`. */
  listed: ListedArticle[]
  /** The owner's image (an author's portrait). */
  ownerImage: ID | null
  /** The next moment a sponsor of the page starts or ends. */
  nextSponsorChange: null | string
  ownerID: ID | null
  sponsors: { id: ID; logo: ID | null }[]
}

type Row = {
  created: Date | null | string
  id: ID | null
  kind: 'article' | 'child' | 'next' | 'owner' | 'sponsor'
  published: Date | null | string
  ref: null | string
}

// References travel as text (one column for images and logos whatever the id type); serial ids come back as numbers.
const asID = (value: null | string): ID | null =>
  value === null ? null : /^\d+$/.test(value) ? Number(value) : value

const iso = (value: Date | null | string): null | string =>
  value === null ? null : new Date(value).toISOString()

/** The owner (`me`), and for a region its subtree (`subtree`), as CTEs. */
const ownerCTEs = (payload: Payload, query: ListedQuery & { owner: ArchiveOwner }): SQL => {
  const { owner } = query
  if (owner.collection === 'authors') {
    const authors = tableSql(payload, tableOf(payload, query.authorsSlug))
    const image = query.hasMedia ? sql`p.image_id` : sql`NULL::text`
    return sql`me AS MATERIALIZED (
      SELECT p.id, ${image} AS image FROM ${authors} p WHERE p.slug = ${owner.slug} ORDER BY p.id LIMIT 1
    )`
  }
  const regions = tableSql(payload, tableOf(payload, query.regionsSlug))
  const where = 'path' in owner ? sql`g.path = ${owner.path}` : sql`g.slug = ${owner.slug}`
  return sql`me AS MATERIALIZED (SELECT g.id, NULL::text AS image FROM ${regions} g WHERE ${where} ORDER BY g.id LIMIT 1),
    subtree AS (
      SELECT id FROM me
      UNION SELECT c.id FROM ${regions} c JOIN subtree t ON c.parent_id = t.id
    )`
}

/** Below this many relationship rows an owner is "sparse": its articles are found from them. */
export const SPARSE_OWNER_ROWS = 2000

/**
 * The page of a newest-first list: published articles of the owner (a region and its
 * descendants, or an author), after the cursor. Order: published_at, created_at descending, then
 * id, the order of Payload's own `sort: '-publishedAt'` and of the date index. Two ways, of which
 * PostgreSQL runs one (a one-time filter on the owner's row count):
 * - a sparse owner (a small region or author, an unknown path) starts from its relationship
 *   rows, read per region through the (region, path, parent) index, and sorts those few articles;
 * - a busy owner walks the date index backwards from the cursor until the page is full, so page
 *   100 costs what page 1 costs.
 */
const listedCTE = (payload: Payload, query: ListedQuery): SQL => {
  const articles = tableSql(payload, tableOf(payload, query.articlesSlug))
  const rels = tableSql(payload, relsTableOf(payload, query.articlesSlug))
  const { cursor } = query
  const after = cursor
    ? sql`AND (a.published_at, a.created_at) <= (${cursor.publishedAt}::timestamptz, ${cursor.createdAt}::timestamptz)
        AND NOT (a.published_at = ${cursor.publishedAt}::timestamptz AND a.created_at = ${cursor.createdAt}::timestamptz
                 AND a.id <= ${cursor.id})`
    : sql``
  const page = (from: SQL, which: SQL) => sql`(
    SELECT a.id, a.published_at, a.created_at, ${query.hasMedia ? sql`a.image_id` : sql`NULL`} AS image
    FROM ${from}
    WHERE a._status = 'published' AND a.published_at IS NOT NULL AND a.retracted_at IS NULL AND ${which} ${after}
    ORDER BY a.published_at DESC, a.created_at DESC, a.id ASC
    LIMIT ${query.limit + 1}
  )`
  if (query.owner.collection === 'site') return sql`listed AS ${page(sql`${articles} a`, sql`true`)}`
  const isAuthor = query.owner.collection === 'authors'
  const column = sql.identifier(`${tableOf(payload, isAuthor ? query.authorsSlug : query.regionsSlug)}_id`)
  const path = isAuthor ? 'authors' : 'regions'
  // LATERAL per owner row: PostgreSQL cannot estimate a recursive subtree and would scan the table.
  const candidates = sql`SELECT x.parent_id FROM ${isAuthor ? sql`me` : sql`subtree`} o CROSS JOIN LATERAL (
      SELECT r.parent_id FROM ${rels} r WHERE r.${column} = o.id AND r.path = ${path} LIMIT ${SPARSE_OWNER_ROWS}
    ) x LIMIT ${SPARSE_OWNER_ROWS}`
  const owned = isAuthor
    ? sql`r.path = 'authors' AND r.${column} = (SELECT id FROM me)`
    : sql`r.path = 'regions' AND r.${column} IN (SELECT id FROM subtree)`
  const sparse = sql`(SELECT count(*) FROM candidates) < ${SPARSE_OWNER_ROWS}`
  return sql`candidates AS MATERIALIZED (${candidates}),
    listed AS (
      ${page(sql`(SELECT DISTINCT parent_id FROM candidates) c JOIN ${articles} a ON a.id = c.parent_id`, sparse)}
      UNION ALL
      ${page(
        sql`${articles} a`,
        sql`NOT ${sparse} AND EXISTS (SELECT 1 FROM ${rels} r WHERE r.parent_id = a.id AND ${owned})`,
      )}
    )`
}

/** The listed rows in the list's order: a UNION keeps none. */
const listedInOrder = (rows: Row[]): ListedArticle[] =>
  rows
    .map((row) => ({
      createdAt: iso(row.created) as string,
      id: row.id as ID,
      image: asID(row.ref),
      publishedAt: iso(row.published) as string,
    }))
    .sort(
      (a, b) =>
        b.publishedAt.localeCompare(a.publishedAt) ||
        b.createdAt.localeCompare(a.createdAt) ||
        (typeof a.id === 'number' && typeof b.id === 'number'
          ? a.id - b.id
          : String(a.id).localeCompare(String(b.id))),
    )

/**
 * Everything an archive page needs to know before it reads its documents, in one statement:
 * the owner, one page of its articles, and for a region its children and the sponsors targeted
 * at it or its ancestors. A prepared statement per configuration, cursor or not.
 */
export const findArchiveFacts = async (payload: Payload, query: ArchiveFactsQuery): Promise<ArchiveFacts> => {
  const isRegion = query.owner.collection === 'regions'
  const regions = tableSql(payload, tableOf(payload, query.regionsSlug))
  const sponsorsTable = tableSql(payload, tableOf(payload, query.sponsorsSlug))
  const sponsors = sponsorCandidates(payload, {
    hasLogo: query.hasMedia,
    now: query.now,
    regionsSlug: query.regionsSlug,
    sponsorsSlug: query.sponsorsSlug,
  })
  const regionParts = isRegion
    ? {
        ctes: sql`, my_regions AS (SELECT id FROM me),
          my_sponsors AS (SELECT s.id FROM ${sponsorsTable} s WHERE false), ${sponsors.cte}`,
        selects: sql`
          UNION ALL SELECT 'child', c.id, NULL, NULL, NULL FROM ${regions} c WHERE c.parent_id = (SELECT id FROM me)
          UNION ALL SELECT 'sponsor', x.id, NULL, NULL, x.logo::text FROM (${sponsors.select}) x
          UNION ALL SELECT 'next', NULL, x.next, NULL, NULL FROM (${sponsors.nextChange}) x`,
      }
    : { ctes: sql``, selects: sql`` }
  // PostgreSQL types a UNION's columns from its first branches; later NULLs take those types.
  const result = await executeRead(
    payload,
    sql`WITH RECURSIVE ${ownerCTEs(payload, query)}, ${listedCTE(payload, query)} ${regionParts.ctes}
      SELECT 'article' AS kind, id, published_at AS published, created_at AS created, image::text AS ref FROM listed
      UNION ALL SELECT 'owner', id, NULL, NULL, image::text FROM me
      ${regionParts.selects}`,
  )
  const rows = result.rows as Row[]
  const of = (kind: Row['kind']) => rows.filter((row) => row.kind === kind)
  return {
    childIDs: of('child').map((row) => row.id as ID),
    listed: listedInOrder(of('article')),
    nextSponsorChange: iso(of('next')[0]?.published ?? null),
    ownerID: of('owner')[0]?.id ?? null,
    ownerImage: asID(of('owner')[0]?.ref ?? null),
    sponsors: of('sponsor').map((row) => ({ id: row.id as ID, logo: asID(row.ref) })),
  }
}

/**
 * The newest `limit` published articles of a feed (the site, a region with its descendants, or
 * an author) and the owner's id, in one statement; null as the owner when there is none.
 */
export const findListedArticles = async (
  payload: Payload,
  query: Omit<ListedQuery, 'cursor'>,
): Promise<{ listed: ListedArticle[]; ownerID: ID | null }> => {
  const listedQuery = { ...query, cursor: null }
  const { owner } = query
  const select = sql`SELECT 'article' AS kind, id, published_at AS published, created_at AS created, image::text AS ref FROM listed`
  const result = await executeRead(
    payload,
    owner.collection === 'site'
      ? sql`WITH ${listedCTE(payload, listedQuery)} ${select}`
      : sql`WITH RECURSIVE ${ownerCTEs(payload, { ...listedQuery, owner })}, ${listedCTE(payload, listedQuery)}
          ${select} UNION ALL SELECT 'owner', id, NULL, NULL, NULL FROM me`,
  )
  const rows = result.rows as Row[]
  return {
    listed: listedInOrder(rows.filter((row) => row.kind === 'article')).slice(0, query.limit),
    ownerID: owner.collection === 'site' ? null : (rows.find((row) => row.kind === 'owner')?.id ?? null),
  }
}
