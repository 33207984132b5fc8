import type { SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { relsTableOf, tableOf, tableSql } from '../postgres/tables.js'

export type SponsorQuery = {
  /** Whether sponsors carry a `logo` upload (the plugin's `media` option). */
  hasLogo: boolean
  now: Date
  regionsSlug: string
  sponsorsSlug: string
}

/**
 * Sponsors that may show on an article: active and inside their date window, and untargeted,
 * targeted at one of the article's regions or their ancestors (a sponsor of Asien shows on an
 * article about China), or chosen by the article. Ancestors come from the regions' `parent`
 * chain, which is stored once whatever the locales, and are found whoever asks: regions are
 * public by default, and a host that restricts them still gets the sponsors of the whole tree.
 *
 * Reads the article from the CTEs `my_regions` and `my_sponsors` (id); returns the CTE
 * `region_line` (needs `WITH RECURSIVE`), a SELECT of (id, logo, and `columns` of `s`), and a
 * SELECT of the next moment (`next`) a sponsor of the page starts or ends, when the page changes
 * with no write.
 */
export const sponsorCandidates = (
  payload: Payload,
  query: SponsorQuery,
  columns?: SQL,
): { cte: SQL; nextChange: SQL; select: SQL } => {
  const regions = tableSql(payload, tableOf(payload, query.regionsSlug))
  const sponsors = tableSql(payload, tableOf(payload, query.sponsorsSlug))
  const sponsorRels = tableSql(payload, relsTableOf(payload, query.sponsorsSlug))
  const region = sql.identifier(`${tableOf(payload, query.regionsSlug)}_id`)
  const now = query.now.toISOString()
  const targeted = sql`SELECT 1 FROM ${sponsorRels} sr
    WHERE sr.parent_id = s.id AND sr.path = 'regions' AND sr.${region} IS NOT NULL`
  const shows = sql`(s.id IN (SELECT id FROM my_sponsors)
    OR NOT EXISTS (${targeted})
    OR EXISTS (${targeted} AND sr.${region} IN (SELECT id FROM region_line)))`
  return {
    cte: sql`region_line AS (
      SELECT g.id, g.parent_id FROM ${regions} g WHERE g.id IN (SELECT id FROM my_regions)
      UNION SELECT p.id, p.parent_id FROM ${regions} p JOIN region_line l ON p.id = l.parent_id
    )`,
    nextChange: sql`SELECT min(least(
        CASE WHEN s.active_from > ${now} THEN s.active_from END,
        CASE WHEN s.active_until > ${now} THEN s.active_until END)) AS next
      FROM ${sponsors} s WHERE s.active AND ${shows}`,
    select: sql`SELECT s.id, ${query.hasLogo ? sql`s.logo_id` : sql`NULL`} AS logo${columns ? sql`, ${columns}` : sql``} FROM ${sponsors} s
      WHERE s.active
        AND (s.active_from IS NULL OR s.active_from <= ${now})
        AND (s.active_until IS NULL OR s.active_until > ${now})
        AND ${shows}`,
  }
}
