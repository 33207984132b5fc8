import type { SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { ID } from '../idOf.js'

import { type DirectRead, directDocJson, directDocs } from './directReads.js'
import { inList } from '../postgres/inList.js'
import { executeRead } from '../postgres/replicas.js'
import { relsTableOf, tableOf, tableSql } from '../postgres/tables.js'
import { type RelatedQuery, type RelatedRow, rankRelated, relatedCTEs } from './related.js'
import { type SponsorQuery, sponsorCandidates } from './sponsors.js'

/**
 * Whose page: the stored article with this slug (what a read without `draft` returns; the page
 * then reads it by the id found), or an article's own values (a draft's, which may differ from the
 * stored row).
 */
export type FactsArticle =
  | { authorIDs: ID[]; chosenSponsorIDs: ID[]; id: ID; publishedAt: Date | null; regionIDs: ID[] }
  | { slug: string }

export type PageFactsQuery = RelatedQuery &
  SponsorQuery & {
    article: FactsArticle
    /** Needed with `direct.authors`. */
    authorsSlug?: string
    /** When set, the approved comments of the article are counted. */
    commentsSlug?: string
    /**
     * Documents the statement reads itself, for the caller (see directReads): the article's
     * regions and authors, its links, their targets, the related articles and the sponsors.
     */
    direct?: {
      authors?: DirectRead
      links?: DirectRead
      regions?: DirectRead
      sponsors?: DirectRead
      targets?: DirectRead
    }
  }

/** Ids only: what the page then reads through the Local API, with the caller's access. */
export type PageFacts = {
  /** The article the facts are about; null when no article has the slug. */
  articleID: ID | null
  approvedComments: number
  /** The article's curated links, with their targets (internal links), whoever may see them. */
  links: { id: ID; target: ID | null }[]
  /** The next moment the page changes with no write: a sponsor of the page starts or ends. */
  nextChange: null | string
  /** The article's regions and all their ancestors, by the `parent` chain (one locale-free truth). */
  regionLine: ID[]
  /** Automatic related articles, best first. */
  relatedIDs: ID[]
  /** Sponsors that may show, with their logos' ids. */
  sponsors: { id: ID; logo: ID | null }[]
  /** With `direct.authors` and `direct.regions`: the article's authors and regions the caller may read. */
  authorDocs?: Record<string, unknown>[]
  regionDocs?: Record<string, unknown>[]
  /** With `direct.links`: the links the caller may read, as the Local API reads them, in its order. */
  linkDocs?: Record<string, unknown>[]
  /** With `direct.sponsors`: the sponsors that may show and the caller may read, in the Local API's order. */
  sponsorDocs?: Record<string, unknown>[]
  /** With `direct.targets`: the link targets and related articles the caller may read. */
  targetDocs?: Record<string, unknown>[]
}

type Row = {
  doc: null | Record<string, unknown>
  id: ID | null
  kind:
    'article' | 'author' | 'comments' | 'line' | 'link' | 'next' | 'region' | 'related' | 'sponsor' | 'target'
  logo: ID | null
  published: null | number | string
  shared: null | number | string
  target: ID | null
}

/** The CTEs `me` (id, published_at), `my_regions`, `my_sponsors` and `my_authors` (id) for the article. */
const articleCTEs = (payload: Payload, query: PageFactsQuery): SQL => {
  const articles = tableSql(payload, tableOf(payload, query.articlesSlug))
  const now = query.now.toISOString()
  if ('slug' in query.article) {
    const rels = tableSql(payload, relsTableOf(payload, query.articlesSlug))
    const mine = (path: string, slug: string) => {
      const column = sql.identifier(`${tableOf(payload, slug)}_id`)
      return sql`SELECT r.${column} AS id FROM ${rels} r
        WHERE r.parent_id = (SELECT id FROM me) AND r.path = ${path} AND r.${column} IS NOT NULL`
    }
    // Only an article the caller may read, when its access can be stated (see directReads): an
    // embargoed slug then costs what a free one costs, so the answer's time tells them apart no more.
    const readable = query.direct?.targets?.where
    return sql`me AS MATERIALIZED (
        SELECT a.id, coalesce(a.published_at, ${now}) AS published_at FROM ${articles} a
        WHERE a.slug = ${query.article.slug} ${readable ? sql`AND ${readable('a')}` : sql``}
        ORDER BY a.id LIMIT 1
      ), my_regions AS MATERIALIZED (${mine('regions', query.regionsSlug)}),
      my_sponsors AS (${mine('sponsors', query.sponsorsSlug)}),
      my_authors AS (${query.authorsSlug ? mine('authors', query.authorsSlug) : sql`SELECT NULL AS id WHERE false`})`
  }
  const { authorIDs, chosenSponsorIDs, id, publishedAt, regionIDs } = query.article
  const regions = tableSql(payload, tableOf(payload, query.regionsSlug))
  const sponsors = tableSql(payload, tableOf(payload, query.sponsorsSlug))
  return sql`me AS MATERIALIZED (
      SELECT a.id, ${(publishedAt ?? query.now).toISOString()}::timestamptz AS published_at
      FROM ${articles} a WHERE a.id = ${id}
    ), my_regions AS MATERIALIZED (SELECT g.id FROM ${regions} g WHERE ${inList(sql`g.id`, regionIDs)}),
    my_sponsors AS (SELECT s.id FROM ${sponsors} s WHERE ${inList(sql`s.id`, chosenSponsorIDs)}),
    my_authors AS (${
      query.authorsSlug
        ? sql`SELECT u.id FROM ${tableSql(payload, tableOf(payload, query.authorsSlug))} u WHERE ${inList(sql`u.id`, authorIDs)}`
        : sql`SELECT NULL AS id WHERE false`
    })`
}

/** A column of a direct read, as SQL on `alias`. */
const columnSql = (read: DirectRead, alias: string, field: string): SQL => {
  const column = read.columns.find((candidate) => candidate.field === field)?.column
  return column ? sql`${sql.identifier(alias)}.${sql.identifier(column)}` : sql`NULL`
}

/** The facts statement of `findPageFacts`, one row per fact (`Row`). */
export const pageFactsStatement = (payload: Payload, query: PageFactsQuery): SQL => {
  const { links: directLinks, sponsors: directSponsors, targets: directTargets } = query.direct ?? {}
  // The sponsors' order as the Local API reads them (`-priority`, `name`, newest first).
  const sponsorDoc = directSponsors
    ? sql`row_number() OVER (ORDER BY ${columnSql(directSponsors, 's', 'priority')} DESC,
          ${columnSql(directSponsors, 's', 'name')} ASC, ${columnSql(directSponsors, 's', 'createdAt')} DESC,
          s.id DESC) AS rank,
        CASE WHEN ${directSponsors.where?.('s') ?? sql`true`} THEN ${directDocJson(directSponsors, 's')} END AS doc`
    : sql`NULL::bigint AS rank, NULL::jsonb AS doc`
  const sponsors = sponsorCandidates(payload, query, sponsorDoc)
  const links = tableSql(payload, tableOf(payload, query.relatedLinksSlug))
  const commentCount = query.commentsSlug
    ? sql`UNION ALL SELECT 'comments', NULL, count(*), NULL, NULL, NULL, NULL
          FROM ${tableSql(payload, tableOf(payload, query.commentsSlug))} c
          WHERE c.article_id = (SELECT id FROM me) AND c.status = 'approved'`
    : sql``
  const linkDoc = directLinks
    ? sql`CASE WHEN ${directLinks.where?.('l') ?? sql`true`} THEN ${directDocJson(directLinks, 'l')} END`
    : sql`NULL::jsonb`
  // The links' order as the Local API reads them (`order`, newest `createdAt`, newest id), by
  // PostgreSQL's own rules; the targets by id.
  const linkRank = directLinks
    ? sql`row_number() OVER (ORDER BY ${columnSql(directLinks, 'l', 'order')} ASC,
        ${columnSql(directLinks, 'l', 'createdAt')} DESC, l.id DESC)`
    : sql`NULL::bigint`
  const targets = directTargets
    ? sql`UNION ALL SELECT 'target', NULL, row_number() OVER (ORDER BY t.id), NULL, NULL, NULL,
          ${directDocJson(directTargets, 't')}
        FROM ${tableSql(payload, tableOf(payload, query.articlesSlug))} t
        WHERE t.id IN (SELECT l.target_id FROM ${links} l WHERE l.article_id = (SELECT id FROM me)
          UNION ALL SELECT id FROM best_several UNION ALL SELECT id FROM best_one)
        ${directTargets.where ? sql`AND ${directTargets.where('t')}` : sql``}`
    : sql``
  // The article's own regions and authors, by id (any order: the page keeps the article's). The
  // documents' ids travel in `doc`: the `id` column has the type of the links' ids.
  const own = (
    kind: 'author' | 'region',
    read: DirectRead | undefined,
    slug: string | undefined,
    mine: string,
  ) =>
    read && slug
      ? sql`UNION ALL SELECT ${sql.raw(`'${kind}'`)}, NULL, NULL, NULL, NULL, NULL, ${directDocJson(read, 'd')}
          FROM ${tableSql(payload, tableOf(payload, slug))} d
          WHERE d.id IN (SELECT id FROM ${sql.identifier(mine)}) ${read.where ? sql`AND ${read.where('d')}` : sql``}`
      : sql``
  // PostgreSQL types a UNION's columns from its first branches; later NULLs take those types.
  return sql`
    WITH RECURSIVE ${articleCTEs(payload, query)}, ${relatedCTEs(payload, query)}, ${sponsors.cte}
    SELECT 'link' AS kind, l.id, ${linkRank} AS shared, NULL::float8 AS published, NULL AS logo, l.target_id AS target,
        ${linkDoc} AS doc
      FROM ${links} l WHERE l.article_id = (SELECT id FROM me)
    UNION ALL SELECT 'sponsor', c.id, c.rank, NULL, c.logo, NULL, c.doc FROM (${sponsors.select}) c
    UNION ALL SELECT 'article', id, NULL, NULL, NULL, NULL, NULL FROM me
    UNION ALL SELECT 'related', id, shared, published, NULL, NULL, NULL FROM best_several
    UNION ALL SELECT 'related', id, shared, published, NULL, NULL, NULL FROM best_one
    UNION ALL SELECT 'next', NULL, NULL, extract(epoch FROM x.next)::float8, NULL, NULL, NULL FROM (${sponsors.nextChange}) x
    UNION ALL SELECT 'line', id, NULL, NULL, NULL, NULL, NULL FROM region_line
    ${targets}
    ${own('region', query.direct?.regions, query.regionsSlug, 'my_regions')}
    ${own('author', query.direct?.authors, query.authorsSlug, 'my_authors')}
    ${commentCount}
  `
}

/**
 * Everything a page needs to know before it can read its documents, in one statement: the
 * automatic related articles, the curated links and their targets, the sponsors that may show
 * and the approved comment count. One statement keeps a page's query count fixed; it finds the
 * article by its slug, so the page then reads the article, links, related titles, sponsors and
 * images by id.
 */
export const findPageFacts = async (payload: Payload, query: PageFactsQuery): Promise<PageFacts> => {
  // Prepared once per connection when the article is found by slug (one text per
  // configuration); a draft's values change the text, so those statements are planned each time,
  // on the primary: an editor's preview reads what was just saved, whatever a replica's lag.
  const published = 'slug' in query.article
  const result = await executeRead(payload, pageFactsStatement(payload, query), {
    prepared: published,
    primary: !published,
  })
  const rows = result.rows as Row[]
  const of = (kind: Row['kind']) => rows.filter((row) => row.kind === kind)
  // In the statement's order of each kind, where it ranks them (`shared`).
  const docsOf = (kind: Row['kind'], read: DirectRead) =>
    directDocs(
      read,
      of(kind)
        .sort((a, b) => Number(a.shared ?? 0) - Number(b.shared ?? 0))
        .flatMap((row) => (row.doc ? [row.doc] : [])),
    )
  return {
    articleID: of('article')[0]?.id ?? null,
    approvedComments: Number(of('comments')[0]?.shared ?? 0),
    nextChange: of('next')[0]?.published
      ? new Date(Number(of('next')[0]!.published) * 1000).toISOString()
      : null,
    links: of('link').map((row) => ({ id: row.id as ID, target: row.target })),
    regionLine: of('line').map((row) => row.id as ID),
    relatedIDs: rankRelated(of('related') as RelatedRow[], query.limit),
    sponsors: of('sponsor').map((row) => ({ id: row.id as ID, logo: row.logo })),
    ...(query.direct?.links && { linkDocs: await docsOf('link', query.direct.links) }),
    ...(query.direct?.sponsors && { sponsorDocs: await docsOf('sponsor', query.direct.sponsors) }),
    ...(query.direct?.targets && { targetDocs: await docsOf('target', query.direct.targets) }),
    ...(query.direct?.regions && { regionDocs: await docsOf('region', query.direct.regions) }),
    ...(query.direct?.authors &&
      query.authorsSlug && { authorDocs: await docsOf('author', query.direct.authors) }),
  }
}
