/**
 * Bulk data for the query figures: a region tree through the Local API (so breadcrumbs and paths
 * are the plugin's own), then many published articles cloned in SQL from one article the Local
 * API wrote, so every computed column is real without 100k hook runs.
 */
import type { Payload } from 'payload'

import type { NewsroomArticle } from '../../src/index.js'
import type { TestContext } from '../helpers/instance.js'

import { toEditorState } from '../../dev/seed/lexical.js'
import { type FixtureData, fixtures } from '../helpers/fixtures.js'

export const CONTINENTS = 10
export const COUNTRIES_PER_CONTINENT = 19

export type RegionTree = { continents: number[]; countries: { continent: number; id: number }[] }

/** 10 continents with 19 countries each: 200 regions. */
export const createRegionTree = async (payload: Payload): Promise<RegionTree> => {
  const tree: RegionTree = { continents: [], countries: [] }
  const create = fixtures(payload)
  for (let c = 0; c < CONTINENTS; c += 1) {
    const continent = await create.region({ name: `Kontinent ${c}`, type: 'continent' })
    tree.continents.push(continent.id)
    for (let k = 0; k < COUNTRIES_PER_CONTINENT; k += 1) {
      const country = await create.region({ name: `Land ${c}-${k}`, parent: continent.id, type: 'other' })
      tree.countries.push({ continent: continent.id, id: country.id })
    }
  }
  return tree
}

const paragraphs = Array.from(
  { length: 24 },
  (_, i) =>
    `Absatz ${i}: Die Verhandlungen über die neue Handelsroute gingen am Abend weiter, ` +
    'berichteten Beobachter aus der Hauptstadt, während Vertreter beider Seiten Zuversicht zeigten.',
)

/** The article sizes the write figures compare: a wire brief and a long report. */
export const ARTICLE_SIZES = {
  /** Three paragraphs, about 70 words. */
  short: toEditorState(paragraphs.slice(0, 3)),
  /** 96 paragraphs under 8 headings, about 2,300 words. */
  long: toEditorState(
    Array.from({ length: 4 }, (_, round) => [
      ...paragraphs.slice(0, 12),
      { h2: `Hintergrund ${round + 1}` },
      ...paragraphs.slice(12),
      { h2: `Ausblick ${round + 1}` },
    ]).flat(),
  ),
  /** 24 paragraphs under two headings, about 600 words: the page and query figures' article. */
  medium: toEditorState([
    ...paragraphs.slice(0, 8),
    { h2: 'Hintergrund' },
    ...paragraphs.slice(8, 16),
    { h2: 'Ausblick' },
    ...paragraphs.slice(16),
  ]),
}

export type ArticleSize = keyof typeof ARTICLE_SIZES

/** An article as an editor writes it: a rewritten wire story with a source, body and headings. */
export const editorialArticle = (
  title: string,
  regions: number[] = [],
  slug?: string,
  size: ArticleSize = 'medium',
): FixtureData<NewsroomArticle> => ({
  _status: 'published',
  ai: { usage: 'rewritten' },
  // A copy each: a save must not see another's objects.
  content: structuredClone(ARTICLE_SIZES[size]),
  regions,
  slug,
  source: { kind: 'external', name: 'Agentur', url: 'https://quelle.example/meldung' },
  subtitle: 'Eine Meldung für die Messungen',
  title,
})

const ARTICLE_COLUMNS_SKIPPED = new Set(['id', 'title', 'slug', 'published_at', 'created_at', 'updated_at'])

/**
 * `count` published articles cloned from `templateID`, titled and slugged `bench-<n>`, published
 * one per 20 minutes backwards from now (100k span about four years), each in two of the 200
 * regions, spread evenly (so every region holds about `count / 100` articles). Every tenth one is
 * paid content. Ends with VACUUM ANALYZE, as autovacuum would after a real import.
 */
export const cloneArticles = async (ctx: TestContext, templateID: number, count: number) => {
  const columns = (
    await ctx.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'articles' ORDER BY ordinal_position`,
    )
  )
    .map((row) => row.column_name)
    .filter((name) => !ARTICLE_COLUMNS_SKIPPED.has(name))
  const copied = columns.map((name) => `"${name}"`).join(', ')
  const values = columns.map((name) => (name === 'paid_content' ? `(n % 10 = 0)` : `a."${name}"`)).join(', ')
  const batch = 20_000
  for (let start = 1; start <= count; start += batch) {
    await ctx.query(
      `WITH inserted AS (
         INSERT INTO articles (title, slug, published_at, created_at, updated_at, ${copied})
         SELECT 'Meldung ' || n, 'bench-' || n, now() - n * interval '20 minutes', now(), now(), ${values}
         FROM generate_series($1::int, $2::int) AS n, articles a WHERE a.id = $3
         RETURNING id, substring(slug FROM 7)::int AS n
       ), numbered AS (
         SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS total FROM regions
       )
       INSERT INTO articles_rels (parent_id, path, "order", regions_id)
       SELECT i.id, 'regions', 1, r.id FROM inserted i JOIN numbered r ON r.k = i.n % r.total
       UNION ALL
       SELECT i.id, 'regions', 2, r.id FROM inserted i JOIN numbered r ON r.k = (i.n * 7 + 3) % r.total`,
      [start, Math.min(count, start + batch - 1), templateID],
    )
  }
  await ctx.query('VACUUM ANALYZE')
}
