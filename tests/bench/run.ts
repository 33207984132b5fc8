/**
 * `npm run bench`: the plugin's cost, measured side by side in one run on one PostgreSQL (embedded
 * unless DATABASE_URL names a server). Prints a table with each figure's bar and writes
 * .bench/results.json (or `--results=<file>`). The full run seeds 100k articles; `--quick` (1k
 * articles, a few seconds of load) keeps the benchmark working in CI, where the bars are not
 * judged; `--only=writes` (or reads, http, import) measures one part.
 */
import type { Payload } from 'payload'

import { postgresAdapter } from '@payloadcms/db-postgres'

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { guardScript } from '../../dev/processGuard.js'
import { cursorKey, encodeCursor } from '../../src/delivery/archives/cursor.js'
import {
  getArticlePage,
  getFeed,
  getNewsSitemap,
  getRegionPage,
  getSitemap,
  type NewsroomArticle,
} from '../../src/index.js'
import { findPageFacts } from '../../src/delivery/pageFacts.js'
import { runImport } from '../../src/importer/runImport.js'
import {
  type EmbeddedServer,
  startEmbeddedPostgres,
  startStreamingReplica,
} from '../helpers/embeddedPostgres.js'
import { type FixtureData, fixtures } from '../helpers/fixtures.js'
import {
  createDatabaseOn,
  recordStatements,
  type Statement,
  startPayloadOn,
  type TestContext,
} from '../helpers/instance.js'
import {
  buildProductionApp,
  prepareDevDatabase,
  type ProductionApp,
  startProductionApp,
} from '../helpers/productionApp.js'
import { writeWxrExport } from '../helpers/wxrExport.js'
import { loadSideBySide } from './http.js'
import { seqScansOf } from './plans.js'
import { cloneArticles, createRegionTree, editorialArticle } from './seed.js'
import { median, percentile, sideBySide, timed } from './stats.js'

const quick = process.argv.includes('--quick')
// `--only=writes` (or reads, http) measures one part, when working on it; the bars need a whole run.
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)
const runs = (part: 'http' | 'import' | 'reads' | 'writes') => !only || only === part
// `--results=<file>` instead of .bench/results.json (the stress check of this script).
const resultsFile =
  process.argv.find((arg) => arg.startsWith('--results='))?.slice('--results='.length) ??
  '.bench/results.json'
const ROUNDS = quick ? 30 : 200
const IMPORTS = quick ? 200 : 5000
const ARTICLES = quick ? 1000 : 100_000
const SAMPLES = quick ? 30 : 200
const SITEMAP_ROUNDS = quick ? 5 : 30
const WXR_POSTS = quick ? 300 : 10_000
const LOAD = quick ? { connections: 20, rounds: 1, seconds: 4 } : { connections: 20, rounds: 4, seconds: 20 }

const BARS: Record<string, string> = {
  cachedPageP99Ms: '< 50',
  cachedPageVsPlain: '≥ 5',
  createRatio: '≤ 1.10 (the larger of short and long)',
  createRatioLong: '≤ 1.10',
  createRatioShort: '≤ 1.10',
  httpErrors: '0',
  httpPageVsPlain: '≥ 0.6',
  importRatio: '—',
  invalidationMaxMs: '≤ 1000',
  listP95Ms: '≤ 25',
  pageQueries: '≤ 8',
  pageQueriesSmall: '≤ pageQueries',
  pageRatio: '≤ 2.5',
  regionPage100P95Ms: '≤ listP95Ms',
  regionPageQueries: '= first page',
  regionMissingP95Ms: '≤ regionPage1P95Ms',
  regionPageRatio: '≤ 1.2',
  regionSparseP95Ms: '≤ regionPage1P95Ms',
  replicaPageRatio: '—',
  relatedP95Ms: '≤ 25',
  feedQueries: '≤ 8',
  feedQueriesRegion: '≤ 8',
  sitemapPage10Ratio: '≤ 1.2',
  sitemapQueries: '= first file',
  seqScans: '0',
  updateRatio: '≤ 1.10 (the larger of short and long)',
  updateRatioLong: '≤ 1.10',
  updateRatioShort: '≤ 1.10',
}

type Figures = Record<string, boolean | number | string>

/**
 * The WordPress importer on a generated export (`WXR_POSTS` posts, a fifth with comments): posts
 * per second, the memory the import adds to the process at its peak, and a re-run of the same file.
 */
const measureWxrImport = async (server: string, contexts: TestContext[]): Promise<Figures> => {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'newsroom-bench-wxr-'))
  try {
    const file = path.join(scratch, 'export.xml')
    await writeWxrExport(file, WXR_POSTS)
    const ctx = await startPayloadOn(await createDatabaseOn(server), { key: 'wxr' })
    contexts.push(ctx)
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100)
    const seconds = await timed(() => runImport({ file, payload: ctx.payload }))
    let again: Awaited<ReturnType<typeof runImport>> | undefined
    const rerunSeconds = await timed(async () => (again = await runImport({ file, payload: ctx.payload })))
    clearInterval(sampler)
    if (again?.counts.created || again?.counts.updated) throw new Error('the re-run changed something')
    return {
      wxrImportAddedRssMb: Math.round((peak - before) / 2 ** 20),
      wxrPosts: WXR_POSTS,
      wxrPostsPerSecond: WXR_POSTS / (seconds / 1000),
      wxrRerunSeconds: rerunSeconds / 1000,
    }
  } finally {
    await rm(scratch, { force: true, recursive: true })
  }
}

const create = (payload: Payload, data: FixtureData<NewsroomArticle>) => fixtures(payload).article(data)

const region = (payload: Payload, name: string, slug?: string) =>
  fixtures(payload).region({ name, slug, type: 'other' })

/**
 * Creates, updates and an import, each with the plugin (and its invalidation outbox, as a cached
 * site runs it) and with `disabled: true`, alternately; and the time from each create's commit to
 * the `onInvalidate` call that names it.
 */
const measureWrites = async (server: string, contexts: TestContext[]): Promise<Figures> => {
  const committedAt = new Map<string, number>()
  const invalidatedAt = new Map<string, number>()
  const withPlugin = await startPayloadOn(await createDatabaseOn(server), {
    key: 'bench-plugin',
    plugin: {
      media: 'media',
      onInvalidate: ({ tags }) => {
        const now = performance.now()
        for (const tag of tags) if (!invalidatedAt.has(tag)) invalidatedAt.set(tag, now)
      },
    },
  })
  const without = await startPayloadOn(await createDatabaseOn(server), {
    key: 'bench-disabled',
    plugin: { disabled: true, media: 'media' },
  })
  contexts.push(withPlugin, without)
  const [regionA, regionB] = [
    await region(withPlugin.payload, 'Asien'),
    await region(without.payload, 'Asien', 'asien'),
  ]

  // Without the plugin's hooks nothing picks a slug, so the client sends one.
  const writes: Figures = {}
  for (const size of ['short', 'long'] as const) {
    const name = `${size === 'short' ? 'Kurz' : 'Lang'}`
    const creates = await sideBySide(
      ROUNDS,
      async (i) => {
        const doc = await create(
          withPlugin.payload,
          editorialArticle(`${name} ${i}`, [regionA.id], undefined, size),
        )
        committedAt.set(`newsroom:articles:${doc.id}`, performance.now())
      },
      (i) => create(without.payload, editorialArticle(`${name} ${i}`, [regionB.id], `${size}-${i}`, size)),
    )
    const [first, firstPlain] = [
      await create(
        withPlugin.payload,
        editorialArticle(`Fortlaufend ${name}`, [regionA.id], undefined, size),
      ),
      await create(
        without.payload,
        editorialArticle(`Fortlaufend ${name}`, [regionB.id], `fortlaufend-${size}`, size),
      ),
    ]
    const update = (payload: Payload, id: number, i: number) =>
      payload.update({ id, collection: 'articles', data: { subtitle: `Fassung ${i}` } })
    const updates = await sideBySide(
      ROUNDS,
      (i) => update(withPlugin.payload, first.id, i),
      (i) => update(without.payload, firstPlain.id, i),
    )
    const label = size === 'short' ? 'Short' : 'Long'
    writes[`createMs${label}`] = median(creates.a)
    writes[`createPlainMs${label}`] = median(creates.b)
    writes[`createRatio${label}`] = median(creates.a) / median(creates.b)
    writes[`updateMs${label}`] = median(updates.a)
    writes[`updatePlainMs${label}`] = median(updates.b)
    writes[`updateRatio${label}`] = median(updates.a) / median(updates.b)
  }

  // An import: batches of 50 through the editorial path, alternating between the two instances.
  const batch = 50
  const imports = await sideBySide(
    IMPORTS / batch,
    async (b) => {
      for (let i = b * batch; i < (b + 1) * batch; i += 1)
        await create(withPlugin.payload, editorialArticle(`Agenturmeldung ${i}`, [regionA.id]))
    },
    async (b) => {
      for (let i = b * batch; i < (b + 1) * batch; i += 1)
        await create(without.payload, editorialArticle(`Agenturmeldung ${i}`, [regionB.id], `import-${i}`))
    },
  )
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
  // Every create's invalidation has long arrived; one that has not counts as a miss.
  await new Promise((resolve) => setTimeout(resolve, 2_000))
  const delays = [...committedAt].map(([tag, at]) => (invalidatedAt.get(tag) ?? Infinity) - at)
  return {
    invalidationMaxMs: Math.max(...delays),
    invalidationMedianMs: median(delays),
    invalidationMissing: delays.filter((delay) => delay === Infinity).length,
    ...writes,
    createRatio: Math.max(Number(writes.createRatioShort), Number(writes.createRatioLong)),
    importPerSec: IMPORTS / (sum(imports.a) / 1000),
    importRatio: sum(imports.a) / sum(imports.b),
    updateRatio: Math.max(Number(writes.updateRatioShort), Number(writes.updateRatioLong)),
  }
}

/** The delivery queries on ARTICLES published articles: statements, latency, plans. */
const measureReads = async (
  server: string,
  contexts: TestContext[],
  embedded: EmbeddedServer | null,
): Promise<Figures> => {
  const ctx = await startPayloadOn(await createDatabaseOn(server), {
    key: 'bench-reads',
    // Feeds and sitemaps list absolute URLs.
    plugin: { media: 'media', site: { name: 'Bench', url: 'https://bench.example' } },
  })
  contexts.push(ctx)
  const { payload } = ctx
  const tree = await createRegionTree(payload)
  const [country] = tree.countries
  const template = await create(payload, editorialArticle('Vorlage', [country!.id]))
  await cloneArticles(ctx, template.id, ARTICLES)

  // A large page (three regions, ten sponsors, ten curated links) and a small one (one region, no
  // curated links: a kind of document a page has none of is not read).
  const regions = [tree.continents[0]!, tree.countries[0]!.id, tree.countries[1]!.id]
  for (let i = 0; i < 10; i += 1) {
    await fixtures(payload).sponsor({
      name: `Sponsor ${i}`,
      regions: [tree.continents[0]],
      url: 'https://sponsor.example',
    })
  }
  const large = await create(payload, editorialArticle('Große Seite', regions))
  const targets = await ctx.query<{ id: number }>(
    `SELECT id FROM articles WHERE slug LIKE 'bench-%' LIMIT 10`,
  )
  for (const [order, target] of targets.entries()) {
    await fixtures(payload).relatedLink({ article: large.id, order, target: target.id, type: 'internal' })
  }
  const small = await create(payload, editorialArticle('Kleine Seite', [tree.countries[5]!.id]))
  await ctx.query('VACUUM ANALYZE')

  const largeStatements = await recordStatements(() => getArticlePage({ payload, slug: large.slug }))
  const smallStatements = await recordStatements(() => getArticlePage({ payload, slug: small.slug }))
  const pages = await sideBySide(
    ROUNDS,
    () => getArticlePage({ payload, slug: large.slug }),
    () => payload.findByID({ id: large.id, collection: 'articles', depth: 0 }),
  )

  // The automatic related query for random articles, as getArticlePage runs it (in one
  // statement with the page's sponsors, link targets and comment count).
  const sampled = await ctx.query<{ slug: string }>(
    `SELECT slug FROM articles WHERE slug LIKE 'bench-%' ORDER BY random() LIMIT $1`,
    [SAMPLES],
  )
  const related = []
  for (const article of sampled) {
    related.push(
      await timed(() =>
        findPageFacts(payload, {
          article: { slug: article.slug },
          articlesSlug: 'articles',
          commentsSlug: 'comments',
          hasLogo: true,
          limit: 4,
          maxAgeDays: 365,
          now: new Date(),
          regionsSlug: 'regions',
          relatedLinksSlug: 'related-links',
          sponsorsSlug: 'sponsors',
        }),
      ),
    )
  }

  // "Articles of a region, newest first", pages 1 and 100, as an anonymous reader asks for them.
  const list = (regionID: number, page: number) =>
    payload.find({
      collection: 'articles',
      depth: 0,
      limit: 10,
      overrideAccess: false,
      page,
      sort: '-publishedAt',
      where: { regions: { equals: regionID } },
    })
  const allRegions = [...tree.continents, ...tree.countries.map((c) => c.id)]
  const lists: Record<1 | 100, number[]> = { 1: [], 100: [] }
  for (let i = 0; i < SAMPLES; i += 1) {
    const regionID = allRegions[(i * 37) % allRegions.length]!
    for (const page of [1, 100] as const) lists[page].push(await timed(() => list(regionID, page)))
  }
  const listStatements: Statement[] = [
    ...(await recordStatements(() => list(country!.id, 1))),
    ...(await recordStatements(() => list(country!.id, 100))),
  ]

  // The same regions' archives through getRegionPage (descendants included), pages 1 and 100:
  // page 100 starts from the cursor that ends page 99, found here in SQL in the list's order.
  const regionPaths = new Map(
    (await ctx.query<{ id: number; path: string }>('SELECT id, path FROM regions')).map((row) => [
      row.id,
      row.path,
    ]),
  )
  const cursorOfPage = async (regionID: number, page: number) => {
    const [row] = await ctx.query<{ created_at: Date; id: number; published_at: Date }>(
      `WITH RECURSIVE subtree AS (
         SELECT id FROM regions WHERE id = $1
         UNION SELECT c.id FROM regions c JOIN subtree t ON c.parent_id = t.id
       )
       SELECT a.published_at, a.created_at, a.id FROM articles a
       WHERE a._status = 'published' AND a.published_at IS NOT NULL AND EXISTS (
         SELECT 1 FROM articles_rels r WHERE r.parent_id = a.id AND r.path = 'regions'
           AND r.regions_id IN (SELECT id FROM subtree))
       ORDER BY a.published_at DESC, a.created_at DESC, a.id ASC OFFSET $2 LIMIT 1`,
      [regionID, (page - 1) * 10 - 1],
    )
    // The quick run's regions have no page 100: page 1 stands in.
    if (!row) return undefined
    return encodeCursor(
      {
        createdAt: row!.created_at.toISOString(),
        id: row!.id,
        publishedAt: row!.published_at.toISOString(),
      },
      cursorKey(payload.secret),
    )
  }
  const archive = (regionID: number, cursor?: string) =>
    getRegionPage({ cursor, limit: 10, path: regionPaths.get(regionID)!, payload })
  const archives: Record<1 | 100, number[]> = { 1: [], 100: [] }
  for (let i = 0; i < SAMPLES; i += 1) {
    const regionID = allRegions[(i * 37) % allRegions.length]!
    const cursor = await cursorOfPage(regionID, 100)
    archives[1].push(await timed(() => archive(regionID)))
    archives[100].push(await timed(() => archive(regionID, cursor)))
  }
  // A sparse region (three articles from years ago) and an unknown path: they must not walk the
  // whole date index for a handful of matches (or none).
  const sparse = await fixtures(payload).region({ name: 'Selten', type: 'other' })
  for (let i = 0; i < 3; i += 1) {
    await create(payload, {
      ...editorialArticle(`Selten ${i}`, [sparse.id]),
      publishedAt: `201${i}-01-01T08:00:00.000Z`,
    })
  }
  const sparseTimes: number[] = []
  const missingTimes: number[] = []
  for (let i = 0; i < SAMPLES; i += 1) {
    sparseTimes.push(await timed(() => getRegionPage({ limit: 10, path: sparse.path!, payload })))
    missingTimes.push(await timed(() => getRegionPage({ limit: 10, path: `gibt-es-nicht-${i}`, payload })))
  }
  const continent = tree.continents[0]!
  const archiveStatements = {
    1: await recordStatements(() => archive(continent)),
    100: await recordStatements(async () => archive(continent, await cursorOfPage(continent, 100))),
  }
  // Sitemaps: the first article file and the tenth cost the same (a walk of the date index from the
  // file's key), and a feed is a fixed number of statements whichever its owner.
  const index = await getSitemap({ payload })
  const files = [...index!.body.matchAll(/sitemap-articles-[\w-]+\.xml/g)].map((match) => match[0])
  // A name the pattern misses would time the index instead of a file.
  if (files.length < Math.min(10, Math.ceil(ARTICLES / 1000)))
    throw new Error(`the sitemap index names ${files.length} article files`)
  // The quick run's 1,000 articles fill one or two files: its "tenth" is the last.
  const sitemapFile = (n: number) => getSitemap({ file: files[Math.min(n, files.length) - 1]!, payload })
  const sitemapTimes = await sideBySide(
    SITEMAP_ROUNDS,
    () => sitemapFile(10),
    () => sitemapFile(1),
  )
  const sitemapStatements = {
    1: await recordStatements(() => sitemapFile(1)),
    10: await recordStatements(() => sitemapFile(10)),
  }
  const sitemapIndexTimes: number[] = []
  const newsTimes: number[] = []
  const feedTimes: number[] = []
  for (let i = 0; i < SITEMAP_ROUNDS; i += 1) {
    sitemapIndexTimes.push(await timed(() => getSitemap({ payload })))
    newsTimes.push(await timed(() => getNewsSitemap({ payload })))
    feedTimes.push(await timed(() => getFeed({ format: 'rss', payload })))
  }
  const feedStatements = {
    region: await recordStatements(() => getFeed({ format: 'atom', payload, region: `kontinent-0` })),
    site: await recordStatements(() => getFeed({ format: 'rss', payload })),
  }
  const scans = await seqScansOf(
    ctx,
    [
      ...largeStatements,
      ...smallStatements,
      ...listStatements,
      ...archiveStatements[1],
      ...archiveStatements[100],
      ...sitemapStatements[10],
      ...feedStatements.site,
      ...feedStatements.region,
    ],
    'articles',
  )

  const replicaFigures = embedded
    ? await measureReplica(
        embedded,
        ctx,
        sampled.map((article) => article.slug),
      )
    : { replica: 'skipped: DATABASE_URL is not the embedded server' }

  const listPage1P95Ms = percentile(lists[1], 0.95)
  const listPage100P95Ms = percentile(lists[100], 0.95)
  const regionPage1P95Ms = percentile(archives[1], 0.95)
  const regionPage100P95Ms = percentile(archives[100], 0.95)
  return {
    articles: Number((await ctx.query<{ n: string }>('SELECT count(*) AS n FROM articles'))[0]!.n),
    listP95Ms: Math.max(listPage1P95Ms, listPage100P95Ms),
    listPage1P95Ms,
    listPage100P95Ms,
    findByIDMs: median(pages.b),
    pageMs: median(pages.a),
    pageQueries: largeStatements.length,
    pageQueriesSmall: smallStatements.length,
    pageRatio: median(pages.a) / median(pages.b),
    regionPage1P95Ms,
    regionPage100P95Ms,
    regionPageQueries: archiveStatements[100].length,
    regionPageQueriesFirst: archiveStatements[1].length,
    regionPageRatio: regionPage100P95Ms / regionPage1P95Ms,
    regionMissingP95Ms: percentile(missingTimes, 0.95),
    regionSparseP95Ms: percentile(sparseTimes, 0.95),
    relatedP95Ms: percentile(related, 0.95),
    feedMs: median(feedTimes),
    feedQueries: feedStatements.site.length,
    feedQueriesRegion: feedStatements.region.length,
    newsSitemapMs: median(newsTimes),
    sitemapFiles: files.length,
    sitemapIndexMs: median(sitemapIndexTimes),
    sitemapPage1Ms: median(sitemapTimes.b),
    sitemapPage10Ms: median(sitemapTimes.a),
    sitemapPage10Ratio: median(sitemapTimes.a) / median(sitemapTimes.b),
    sitemapQueries: sitemapStatements[10].length,
    sitemapQueriesFirst: sitemapStatements[1].length,
    ...replicaFigures,
    seqScans: scans.scans,
    ...(scans.scans ? { seqScanTables: [...new Set(scans.tables)].join(' ') } : {}),
  }
}

/**
 * The article page read through a second instance whose reads go to a streaming replica of the
 * bench's server (db-postgres `readReplicas`), beside the same pages on the primary.
 */
const measureReplica = async (
  primary: EmbeddedServer,
  ctx: TestContext,
  slugs: string[],
): Promise<Figures> => {
  const replica = await startStreamingReplica(primary)
  const replicaUrl = new URL(new URL(ctx.databaseUrl).pathname, replica.serverUrl).toString()
  let onReplica: TestContext | undefined
  try {
    const [{ lsn }] = await ctx.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
    const standby = new pg.Client({ connectionString: replicaUrl })
    standby.on('error', () => {})
    await standby.connect()
    for (;;) {
      const { rows } = await standby.query<{ done: boolean }>(
        'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
        [lsn],
      )
      if (rows[0]!.done) break
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    await standby.end()
    onReplica = await startPayloadOn(ctx.databaseUrl, {
      config: {
        db: postgresAdapter({
          pool: { connectionString: ctx.databaseUrl, max: 20 },
          readReplicas: [replicaUrl],
        }),
      },
      key: 'bench-replica',
      plugin: { media: 'media', site: { name: 'Bench', url: 'https://bench.example' } },
    })
    const on = (payload: Payload) => (i: number) =>
      getArticlePage({ payload, slug: slugs[i % slugs.length]! })
    // Warm both (prepared statements, caches), then alternate.
    await sideBySide(20, on(onReplica.payload), on(ctx.payload))
    const times = await sideBySide(SAMPLES, on(onReplica.payload), on(ctx.payload))
    return {
      replicaPageP95Ms: percentile(times.a, 0.95),
      primaryPageP95Ms: percentile(times.b, 0.95),
      replicaPageRatio: percentile(times.a, 0.95) / percentile(times.b, 0.95),
    }
  } finally {
    // Payload's destroy leaves the pool open; its idle connections end with the replica.
    ;(onReplica?.payload.db as unknown as { pool?: pg.Pool } | undefined)?.pool?.on('error', () => {})
    await onReplica?.stop()
    await replica.stop()
  }
}

/**
 * The production build under load: the reader page as Next caches it, the page endpoint (not
 * cached: a result per caller) and Payload's own REST read by id.
 */
const measureHttp = async (server: string): Promise<Figures> => {
  const buildSeconds = (await timed(buildProductionApp)) / 1000
  const databaseUrl = await createDatabaseOn(server)
  await prepareDevDatabase(databaseUrl)
  let app: null | ProductionApp = null
  try {
    app = await startProductionApp(databaseUrl)
    const response = await fetch(`${app.origin}/api/articles?limit=1&depth=0&sort=-publishedAt`)
    const [article] = ((await response.json()) as { docs: { id: number; slug: string }[] }).docs
    if (!article) throw new Error('the dev app has no published article to load')
    const cached = `${app.origin}/articles/${article.slug}`
    await (await fetch(cached)).text() // rendered once, then served from Next's cache
    const load = await loadSideBySide(
      {
        cached,
        page: `${app.origin}/api/newsroom/articles/${article.slug}`,
        plain: `${app.origin}/api/articles/${article.id}?depth=0`,
      },
      LOAD,
    )
    return {
      buildSeconds,
      cachedPageP99Ms: load.cached.p99Ms,
      cachedPageRps: load.cached.rps,
      cachedPageVsPlain: load.cached.rps / load.plain.rps,
      httpErrors: load.cached.errors + load.page.errors + load.plain.errors,
      httpP99Ms: load.page.p99Ms,
      httpPlainP99Ms: load.plain.p99Ms,
      httpPlainRps: load.plain.rps,
      httpPageVsPlain: load.page.rps / load.plain.rps,
      httpRps: load.page.rps,
    }
  } finally {
    await app?.stop()
  }
}

const serverVersion = async (server: string): Promise<string> => {
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version')
  await client.end()
  return rows[0]!.server_version
}

const main = async () => {
  let peakRss = 0
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100)
  const postgres = process.env.DATABASE_URL ? null : await startEmbeddedPostgres()
  const server = postgres?.serverUrl ?? new URL('/', process.env.DATABASE_URL!).toString()
  const contexts: TestContext[] = []
  try {
    // The load first, while this process (the load's client) is small: a heap grown by seeding
    // 100k articles pauses the client, which then measures its own garbage collection.
    const http = runs('http') ? await measureHttp(server) : {}
    const writes = runs('writes') ? await measureWrites(server, contexts) : {}
    const reads = runs('reads') ? await measureReads(server, contexts, postgres) : {}
    const wxr = runs('import') ? await measureWxrImport(server, contexts) : {}
    for (const ctx of contexts.splice(0)) await ctx.stop()
    const version = await serverVersion(server)
    const results: Figures = {
      ...writes,
      ...reads,
      ...http,
      ...wxr,
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, PostgreSQL ${version}`,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      quick,
      ...(only ? { only } : {}),
    }
    await mkdir(path.dirname(resultsFile), { recursive: true })
    await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`)
    console.table(
      Object.entries(results).map(([figure, value]) => ({
        bar: BARS[figure] ?? '',
        figure,
        value: typeof value === 'number' ? Number(value.toFixed(value < 10 ? 2 : 1)) : value,
      })),
    )
  } catch (error) {
    console.error('the benchmark failed:', error, JSON.stringify((error as { data?: unknown }).data))
    process.exitCode = 1
  } finally {
    clearInterval(sampler)
    for (const ctx of contexts) await ctx.stop()
    await postgres?.stop()
  }
}

// Idle pool clients see PostgreSQL go away at the very end ("terminating connection due to
// administrator command"); that is the shutdown, not a failure.
process.on('uncaughtException', (error: Error & { code?: string }) => {
  if (error.code === '57P01') return
  throw error
})

const guard = guardScript('npm run bench')
await main()
guard.finished()
