/**
 * `npm run bench [-- --quick]`: the plugin's cost measured side by side in one run, on one
 * PostgreSQL (embedded unless DATABASE_URL is set). Prints a table and writes .bench/results.json.
 * Covers so far: create/update ratios against `disabled: true`, statements per page, and page
 * latency against a plain findByID. Not yet: 100k-row query plans, import rate, HTTP load.
 */
import type { Payload } from 'payload'

import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { performance } from 'node:perf_hooks'

import { getArticlePage } from '../../src/index.js'
import { startEmbeddedPostgres } from '../helpers/embeddedPostgres.js'
import { createDatabaseOn, recordQueries, startPayloadOn, type TestContext } from '../helpers/instance.js'

const quick = process.argv.includes('--quick')
const ROUNDS = quick ? 30 : 200
const ARTICLES = quick ? 1000 : 5000

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** Times `fn` for the two instances alternately, so machine noise hits both alike. */
const sideBySide = async (
  rounds: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
) => {
  const times: [number[], number[]] = [[], []]
  for (let i = 0; i < rounds; i += 1) {
    for (const [index, fn] of [a, b].entries()) {
      const started = performance.now()
      await fn(i)
      times[index]!.push(performance.now() - started)
    }
  }
  return { a: median(times[0]), b: median(times[1]) }
}

const createArticle = (payload: Payload, title: string, regions: unknown[] = [], slug?: string) =>
  payload.create({
    collection: 'articles',
    data: {
      _status: 'published',
      ai: { usage: 'rewritten' },
      regions,
      slug,
      source: { kind: 'external', url: 'https://quelle.example/a' },
      title,
    } as never,
  }) as Promise<{ id: number; slug: string }>

const main = async () => {
  let peakRss = 0
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100)
  const postgres = process.env.DATABASE_URL ? null : await startEmbeddedPostgres()
  const server = postgres?.serverUrl ?? new URL('/', process.env.DATABASE_URL!).toString()
  const contexts: TestContext[] = []
  try {
    const withPlugin = await startPayloadOn(
      await createDatabaseOn(server),
      { media: 'media' },
      {},
      'bench-plugin',
    )
    const without = await startPayloadOn(
      await createDatabaseOn(server),
      { disabled: true, media: 'media' },
      {},
      'bench-disabled',
    )
    contexts.push(withPlugin, without)

    const creates = await sideBySide(
      ROUNDS,
      (i) => createArticle(withPlugin.payload, `Artikel ${i}`),
      // Without the plugin's hooks nothing picks a slug, so the client sends one.
      (i) => createArticle(without.payload, `Artikel ${i}`, [], `artikel-${i}`),
    )
    const [first] = (await withPlugin.payload.find({ collection: 'articles', limit: 1 })).docs as {
      id: number
    }[]
    const [firstPlain] = (await without.payload.find({ collection: 'articles', limit: 1 })).docs as {
      id: number
    }[]
    const updates = await sideBySide(
      ROUNDS,
      (i) =>
        withPlugin.payload.update({
          id: first!.id,
          collection: 'articles',
          data: { subtitle: `Fassung ${i}` } as never,
        }),
      (i) =>
        without.payload.update({
          id: firstPlain!.id,
          collection: 'articles',
          data: { subtitle: `Fassung ${i}` } as never,
        }),
    )

    // A region tree and a large page: many sponsors, regions and links.
    const region = (name: string, parent?: number) =>
      withPlugin.payload.create({
        collection: 'regions',
        data: { name, parent, type: 'other' } as never,
      }) as Promise<{ id: number }>
    const asia = await region('Asien')
    const regions = [asia.id, (await region('China', asia.id)).id, (await region('Kasachstan', asia.id)).id]
    for (let i = 0; i < 10; i += 1) {
      await withPlugin.payload.create({
        collection: 'sponsors',
        data: { name: `Sponsor ${i}`, regions: [asia.id], url: 'https://s.example' } as never,
      })
    }
    const large = await createArticle(withPlugin.payload, 'Große Seite', regions)
    for (let i = 0; i < 10; i += 1) {
      const target = await createArticle(withPlugin.payload, `Ziel ${i}`, [regions[1]])
      await withPlugin.payload.create({
        collection: 'related-links',
        data: { article: large.id, order: i, target: target.id, type: 'internal' } as never,
      })
    }
    const small = await createArticle(withPlugin.payload, 'Kleine Seite')
    const remaining = ARTICLES - (await withPlugin.payload.count({ collection: 'articles' })).totalDocs
    for (let i = 0; i < remaining; i += 1)
      await createArticle(withPlugin.payload, `Füllartikel ${i}`, [regions[i % 3]])

    const pageQueries = (
      await recordQueries(() => getArticlePage({ payload: withPlugin.payload, slug: large.slug }))
    ).length
    const pageQueriesSmall = (
      await recordQueries(() => getArticlePage({ payload: withPlugin.payload, slug: small.slug }))
    ).length
    const pages = await sideBySide(
      ROUNDS,
      () => getArticlePage({ payload: withPlugin.payload, slug: large.slug }),
      () => withPlugin.payload.findByID({ id: large.id, collection: 'articles', depth: 0 }),
    )
    const articles = (await withPlugin.payload.count({ collection: 'articles' })).totalDocs

    const results = {
      articles,
      createMs: creates.a,
      createRatio: creates.a / creates.b,
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      pageMs: pages.a,
      pageQueries,
      pageQueriesSmall,
      pageRatio: pages.a / pages.b,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      quick,
      rounds: ROUNDS,
      updateMs: updates.a,
      updateRatio: updates.a / updates.b,
    }
    await mkdir('.bench', { recursive: true })
    await writeFile('.bench/results.json', `${JSON.stringify(results, null, 2)}\n`)
    console.table(
      Object.entries(results).map(([figure, value]) => ({
        figure,
        value: typeof value === 'number' ? Number(value.toFixed(3)) : value,
      })),
    )
  } catch (error) {
    console.error('the benchmark failed:', error)
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

await main()
