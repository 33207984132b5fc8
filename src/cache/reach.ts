import type { SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Invalidation, ResolvedOptions } from '../options.js'

import { DEFAULT_READER_LOCALE } from '../i18n/readerTexts.js'
import { type ID } from '../idOf.js'
import { inList } from '../postgres/inList.js'
import { drizzleFor } from '../postgres/transaction.js'
import { tableOf, tableSql } from '../postgres/tables.js'
import { authorListTag, documentTag, regionListTag, uniqueTags } from './cacheTags.js'

/**
 * What a change reaches beyond what its own document says, looked up after commit by the
 * dispatcher, so a save pays for one outbox row and no reads:
 * - `regions`: these regions and all their ancestors (their archives list the descendants');
 * - `authors`: these authors' archives;
 * - `linkedTo`: the articles whose curated links point at these articles;
 * - `articles`: these articles' paths (the owners of links and comments).
 */
export type Reach = { articles?: ID[]; authors?: ID[]; linkedTo?: ID[]; regions?: ID[] }

const REACH_KEYS = ['articles', 'authors', 'linkedTo', 'regions'] as const

/** The union of several messages' lookups. */
export const mergeReach = (reaches: Reach[]): Required<Reach> => {
  const merged = { articles: [], authors: [], linkedTo: [], regions: [] } as Required<Reach>
  for (const key of REACH_KEYS) {
    const seen = new Set<string>()
    for (const reach of reaches) {
      for (const id of reach[key] ?? []) {
        if (seen.has(String(id))) continue
        seen.add(String(id))
        merged[key].push(id)
      }
    }
  }
  return merged
}

/** The locales paths are made for: the host's, else the reader default. */
const pathLocales = (payload: Payload): string[] =>
  payload.config.localization ? payload.config.localization.localeCodes : [DEFAULT_READER_LOCALE]

/** Paths of articles (by slug), region archives (by path) and author pages (by slug), in every locale. */
export const pathsOf = (
  payload: Payload,
  routes: ResolvedOptions['routes'],
  {
    articles = [],
    authors = [],
    regions = [],
  }: { articles?: string[]; authors?: string[]; regions?: string[] },
): string[] =>
  uniqueTags(
    pathLocales(payload).flatMap((locale) => [
      ...articles.map((slug) => routes.article({ slug }, locale)),
      ...regions.map((path) => routes.region({ path, slug: path.split('/').at(-1) ?? path }, locale)),
      ...authors.map((slug) => routes.author({ slug }, locale)),
    ]),
  )

type Row = { id: string; kind: 'article' | 'author' | 'linking' | 'region'; ref: null | string }

/**
 * The tags and paths a batch's lookups add, found in one statement: the region lines with their
 * paths, the authors' slugs, the linking articles and the owners' slugs.
 */
export const resolveReach = async (
  payload: Payload,
  options: ResolvedOptions,
  reach: Required<Reach>,
): Promise<Invalidation> => {
  const { articles, authors, regions, relatedLinks } = options.collections
  const table = (slug: string) => tableSql(payload, tableOf(payload, slug))
  const parts: SQL[] = []
  if (reach.regions.length) parts.push(sql`SELECT 'region' AS kind, id::text AS id, path AS ref FROM line`)
  if (reach.authors.length) {
    parts.push(sql`SELECT 'author' AS kind, p.id::text AS id, p.slug AS ref FROM ${table(authors.slug)} p
      WHERE ${inList(sql`p.id`, reach.authors)}`)
  }
  if (reach.articles.length) {
    parts.push(sql`SELECT 'article' AS kind, a.id::text AS id, a.slug AS ref FROM ${table(articles.slug)} a
      WHERE ${inList(sql`a.id`, reach.articles)}`)
  }
  if (reach.linkedTo.length) {
    parts.push(sql`SELECT DISTINCT 'linking' AS kind, a.id::text AS id, a.slug AS ref FROM ${table(relatedLinks.slug)} l
      JOIN ${table(articles.slug)} a ON a.id = l.article_id WHERE ${inList(sql`l.target_id`, reach.linkedTo)}`)
  }
  if (!parts.length) return { paths: [], tags: [] }
  const line = reach.regions.length
    ? sql`WITH RECURSIVE line AS (
        SELECT g.id, g.parent_id, g.path FROM ${table(regions.slug)} g WHERE ${inList(sql`g.id`, reach.regions)}
        UNION SELECT p.id, p.parent_id, p.path FROM ${table(regions.slug)} p JOIN line l ON p.id = l.parent_id
      ) `
    : sql``
  const db = await drizzleFor(payload)
  const rows = (await db.execute(sql`${line}${sql.join(parts, sql` UNION ALL `)}`)).rows as Row[]
  const of = (kind: Row['kind']) =>
    rows
      .filter((row) => row.kind === kind)
      .map((row) => ({ id: (/^\d+$/.test(row.id) ? Number(row.id) : row.id) as ID, ref: row.ref ?? '' }))
  const regionLine = of('region')
  const authorRows = of('author')
  const linking = of('linking')
  return {
    paths: pathsOf(payload, options.routes, {
      articles: [...of('article'), ...linking].map((row) => row.ref).filter(Boolean),
      authors: authorRows.map((row) => row.ref).filter(Boolean),
      regions: regionLine.map((row) => row.ref).filter(Boolean),
    }),
    tags: uniqueTags([
      ...regionLine.map((row) => regionListTag(row.id)),
      ...authorRows.map((row) => authorListTag(row.id)),
      ...linking.map((row) => documentTag('articles', row.id)),
    ]),
  }
}
