import { postgresAdapter } from '@payloadcms/db-postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { getArticlePage, getFeed, getRegionPage, type NewsroomArticle } from '../../src/index.js'
import {
  type EmbeddedServer,
  startEmbeddedPostgres,
  startStreamingReplica,
  type StreamingReplica,
} from '../helpers/embeddedPostgres.js'
import { fixtures } from '../helpers/fixtures.js'
import { createDatabaseOn, createEditor, startPayloadOn, type TestContext } from '../helpers/instance.js'

/**
 * Delivery on a real streaming replica of the embedded PostgreSQL (db-postgres `readReplicas`):
 * which server ran what is read from each server's own statement log.
 */
let primary: EmbeddedServer
let replica: StreamingReplica
let ctx: TestContext
let editor: Awaited<ReturnType<typeof createEditor>>
let replicaClient: pg.Client
let lead: NewsroomArticle
const primaryLog: string[] = []
const replicaLog: string[] = []

const since = (log: string[], from: number) => log.slice(from).join('')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Payload reads from the primary for 2 s after this instance wrote (`readReplicasAfterWriteInterval`). */
const pastReadAfterWrite = () => sleep(2500)

/** What each `onInvalidate` call named, and what a page rebuilt in the call read. */
const invalidations: { paths: string[]; titles: (null | string)[] }[] = []

let marks = 0
/** Waits until both servers have logged everything sent so far (stderr may trail the answer). */
const logsFlushed = async () => {
  marks += 1
  const mark = `newsroom-mark-${marks}`
  const primaryClient = new pg.Client({ connectionString: new URL('postgres', primary.serverUrl).toString() })
  await primaryClient.connect()
  await primaryClient.query(`SELECT '${mark}'`)
  await primaryClient.end()
  await replicaClient.query(`SELECT '${mark}'`)
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (primaryLog.join('').includes(mark) && replicaLog.join('').includes(mark)) return
    await sleep(50)
  }
  throw new Error('the servers did not log the mark')
}

/** Pauses the replica's replay and waits until it has paused. */
const pauseReplay = async () => {
  await replicaClient.query('SELECT pg_wal_replay_pause()')
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { rows } = await replicaClient.query<{ state: string }>(
      'SELECT pg_get_wal_replay_pause_state() AS state',
    )
    if (rows[0]!.state === 'paused') return
    await sleep(50)
  }
  throw new Error('the replica did not pause')
}

/** The test's own session on the replica; a stopped replica ends it (an expected error). */
const replicaSession = async () => {
  const client = new pg.Client({ connectionString: new URL('postgres', replica.serverUrl).toString() })
  client.on('error', () => {})
  await client.connect()
  return client
}

/** Waits until the replica has replayed the primary's latest change. */
const caughtUp = async (primaryUrl: string) => {
  const client = new pg.Client({ connectionString: primaryUrl })
  await client.connect()
  const { rows } = await client.query<{ lsn: string }>('SELECT pg_current_wal_lsn() AS lsn')
  await client.end()
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const replayed = await replicaClient.query<{ done: boolean }>(
      'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
      [rows[0]!.lsn],
    )
    if (replayed.rows[0]!.done) return
    await sleep(100)
  }
  throw new Error('the replica did not catch up')
}

beforeAll(async () => {
  primary = await startEmbeddedPostgres({ onLog: (message) => primaryLog.push(message) })
  const admin = new pg.Client({ connectionString: new URL('postgres', primary.serverUrl).toString() })
  await admin.connect()
  // Copied into the replica by its base backup: both servers log every statement.
  await admin.query(`ALTER SYSTEM SET log_statement = 'all'`)
  await admin.query('SELECT pg_reload_conf()')
  await admin.end()
  replica = await startStreamingReplica(primary, { onLog: (message) => replicaLog.push(message) })
  const databaseUrl = await createDatabaseOn(primary.serverUrl)
  const name = new URL(databaseUrl).pathname
  const replicaUrl = new URL(name, replica.serverUrl).toString()
  replicaClient = await replicaSession()
  // db-postgres connects to the replica at start and does not catch a failure (docs/performance.md):
  // the replica must have replayed CREATE DATABASE first.
  await caughtUp(databaseUrl)
  ctx = await startPayloadOn(databaseUrl, {
    config: {
      db: postgresAdapter({ pool: { connectionString: databaseUrl, max: 10 }, readReplicas: [replicaUrl] }),
    },
    plugin: {
      media: 'media',
      // The outbox and its dispatcher run too: they must stay on the primary.
      onInvalidate: async ({ paths }) => {
        const slugs = paths.flatMap((path) =>
          path.startsWith('/articles/') ? [path.slice('/articles/'.length)] : [],
        )
        const titles = await Promise.all(
          slugs.map(
            async (slug) => (await getArticlePage({ payload: ctx.payload, slug }))?.article.title ?? null,
          ),
        )
        invalidations.push({ paths, titles })
      },
      site: { name: 'Replik', url: 'https://news.example' },
    },
  })
  editor = await createEditor(ctx.payload)
  const create = fixtures(ctx.payload)
  const region = await create.region({ name: 'Asien', type: 'continent' })
  lead = await create.article({ _status: 'published', regions: [region.id], title: 'Auf dem Primärserver' })
  await caughtUp(databaseUrl)
  await pastReadAfterWrite()
}, 300_000)

afterAll(async () => {
  // Payload's destroy leaves the adapter's pool open (with one client held): its idle connections
  // end with the server, an expected error here.
  ;(ctx?.payload.db as unknown as { pool?: pg.Pool } | undefined)?.pool?.on('error', () => {})
  await ctx?.stop()
  await replicaClient?.end()
  await replica?.stop()
  await primary?.stop()
})

describe('delivery on a streaming replica', () => {
  test('writes, row locks and the outbox run on the primary; the replica only reads', async () => {
    const fromPrimary = primaryLog.length
    const fromReplica = replicaLog.length
    await fixtures(ctx.payload).article({ _status: 'published', title: 'Noch ein Artikel' })
    await logsFlushed()
    const written = since(primaryLog, fromPrimary)
    expect(written).toMatch(/insert into "articles"/i)
    expect(written).toMatch(/newsroom_invalidations/)
    expect(written).toMatch(/pg_advisory_xact_lock/)
    expect(since(replicaLog, fromReplica)).not.toMatch(/insert into|newsroom_invalidations|pg_advisory/i)
    expect((await replicaClient.query('SELECT pg_is_in_recovery() AS standby')).rows[0].standby).toBe(true)
  })

  test("an anonymous reader's page, archive and feed are read on the replica", async () => {
    await caughtUp(ctx.databaseUrl)
    await pastReadAfterWrite()
    const fromPrimary = primaryLog.length
    const fromReplica = replicaLog.length
    const page = await getArticlePage({ payload: ctx.payload, slug: lead.slug })
    expect(page?.article.title).toBe('Auf dem Primärserver')
    expect(await getRegionPage({ path: 'asien', payload: ctx.payload })).not.toBeNull()
    expect((await getFeed({ format: 'rss', payload: ctx.payload }))?.feed.items.length).toBeGreaterThan(0)
    await logsFlushed()
    const onReplica = since(replicaLog, fromReplica)
    // The plugin's own statement (the page's facts) and Payload's reads of the documents.
    expect(onReplica).toMatch(/WITH RECURSIVE/)
    expect(onReplica).toMatch(/from "articles"/i)
    expect(since(primaryLog, fromPrimary)).not.toMatch(/WITH RECURSIVE|from "articles"/i)
  })

  test("an editor's draft preview right after a save reads its own write while the replica lags", async () => {
    await pauseReplay()
    try {
      await ctx.payload.update({
        collection: 'articles',
        data: { title: 'Neuer Entwurf' },
        draft: true,
        id: lead.id,
        overrideAccess: true,
      })
      await ctx.payload.update({
        collection: 'articles',
        data: { _status: 'published', title: 'Veröffentlicht, noch nicht repliziert' },
        id: (await fixtures(ctx.payload).article({ title: 'Entwurf zuerst' })).id,
        overrideAccess: true,
      })
      await pastReadAfterWrite()
      const preview = await getArticlePage({
        draft: true,
        payload: ctx.payload,
        slug: lead.slug,
        user: editor,
      })
      expect(preview?.article.title).toBe('Neuer Entwurf')
      // Readers get what the replica has, without waiting for it: the article published meanwhile
      // is not there yet, the lead's published version is.
      expect((await getArticlePage({ payload: ctx.payload, slug: lead.slug }))?.article.title).toBe(
        'Auf dem Primärserver',
      )
      expect(await getArticlePage({ payload: ctx.payload, slug: 'entwurf-zuerst' })).toBeNull()
    } finally {
      await replicaClient.query('SELECT pg_wal_replay_resume()')
    }
  })

  test('pages are served from the primary while the replica is down, and from the replica again after', async () => {
    await replica.pause()
    const fromPrimary = primaryLog.length
    try {
      const page = await getArticlePage({ payload: ctx.payload, slug: lead.slug })
      expect(page?.article.title).toBe('Auf dem Primärserver')
      expect(await getRegionPage({ path: 'asien', payload: ctx.payload })).not.toBeNull()
      expect((await getFeed({ format: 'atom', payload: ctx.payload }))?.feed.items.length).toBeGreaterThan(0)
    } finally {
      await replica.restart()
    }
    // The page's own statement ran on the primary meanwhile.
    expect(since(primaryLog, fromPrimary)).toMatch(/WITH RECURSIVE/)
    await replicaClient.end()
    replicaClient = await replicaSession()
    await caughtUp(ctx.databaseUrl)
    const fromReplica = replicaLog.length
    // The pool's connections to the stopped server fail once each; the reads after them use the replica.
    for (let attempt = 0; attempt < 12; attempt += 1) {
      expect((await getArticlePage({ payload: ctx.payload, slug: lead.slug }))?.article.title).toBeTruthy()
    }
    expect(since(replicaLog, fromReplica)).toMatch(/WITH RECURSIVE/)
  })

  test('a change is named only once the replica has it: a page rebuilt in onInvalidate shows it', async () => {
    await caughtUp(ctx.databaseUrl)
    await pauseReplay()
    const before = invalidations.length
    let fresh: NewsroomArticle | undefined
    try {
      fresh = await fixtures(ctx.payload).article({ _status: 'published', title: 'Frisch veröffentlicht' })
      // Past Payload's read-after-write window: a rebuild would now read the (paused) replica.
      await pastReadAfterWrite()
      expect(
        invalidations.slice(before).some((call) => call.paths.includes(`/articles/${fresh!.slug}`)),
      ).toBe(false)
    } finally {
      await replicaClient.query('SELECT pg_wal_replay_resume()')
    }
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (invalidations.slice(before).some((call) => call.paths.includes(`/articles/${fresh!.slug}`))) break
      await sleep(100)
    }
    const call = invalidations.slice(before).find((entry) => entry.paths.includes(`/articles/${fresh!.slug}`))
    expect(call?.titles).toContain('Frisch veröffentlicht')
  })
})
