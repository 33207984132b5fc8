import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'
import { restClient } from '../helpers/rest.js'

// Races, each forced with a barrier held by the test's own PostgreSQL session (an advisory lock,
// row locks, a table lock), so both requests really overlap instead of merely starting together.
let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let barrier: pg.Client
beforeAll(async () => {
  ctx = await startWithEditor({ plugin: { media: 'media' } })
  create = fixtures(ctx.payload)
  barrier = new pg.Client({ connectionString: ctx.databaseUrl })
  await barrier.connect()
})
afterAll(async () => {
  await barrier?.end()
  await ctx?.stop()
})

/**
 * Waits until `n` backends of this database wait on a lock in a statement like one of `like` (the
 * requests are parked at the barrier). Asked on a connection of its own: inside the barrier's
 * transaction PostgreSQL would answer from one snapshot of the statistics.
 */
const waitForWaiters = async (n: number, like: string[]) => {
  for (let tries = 0; tries < 400; tries++) {
    const [row] = await ctx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE ANY($1)`,
      [like],
    )
    if (row!.n >= n) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`fewer than ${n} requests reached the barrier`)
}

/** Resolves with the promise's value, or rejects when it has not settled after `ms` (a hang, not a speed). */
const settlesWithin = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} hung`)), ms)),
  ])

describe('races', () => {
  test('a burst of comments with one email does not park pool connections: page reads go on', async () => {
    const article = await create.article({ _status: 'published', title: 'Viel Andrang' })
    const email = 'andrang@example.com'
    // Someone else's submission with this email is under way and holds its lock.
    await barrier.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [
      `newsroom:comment:email:${email}`,
    ])
    const rest = restClient(ctx.config)
    let burst: Promise<unknown> | undefined
    try {
      // More than the pool's 20 connections.
      const requests = Promise.all(
        Array.from({ length: 30 }, (_, n) =>
          rest.post('/comments', {
            article: article.id,
            authorEmail: email,
            authorName: 'A',
            body: `Andrang ${n}`,
            consent: true,
          }),
        ),
      )
      burst = requests
      const responses = await settlesWithin(requests, 30_000, 'the burst')
      expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]))
      const page = await settlesWithin(rest.get(`/articles/${article.id}`), 10_000, 'a page read')
      expect(page.status).toBe(200)
      // Each was stored, as spam: a sender whose other submission is under way is a flood.
      const { rows } = await barrier.query(`SELECT DISTINCT status FROM comments WHERE author_email = $1`, [
        email,
      ])
      expect(rows).toEqual([{ status: 'spam' }])
    } finally {
      await barrier.query(`SELECT pg_advisory_unlock_all()`)
      // Nothing of the burst may run on into the next test.
      await burst?.catch(() => undefined)
    }
  })

  test('crossing moves (A under B, B under A) at once: one is refused as a cycle', async () => {
    const a = await create.region({ name: 'Kreuz A', type: 'other' })
    const b = await create.region({ name: 'Kreuz B', type: 'other' })
    await barrier.query('BEGIN')
    await barrier.query('SELECT id FROM regions WHERE id = ANY($1) FOR UPDATE', [[a.id, b.id]])
    const rest = restClient(ctx.config)
    const moveA = rest.patch(`/regions/${a.id}`, { parent: b.id }, { token: ctx.token })
    const moveB = rest.patch(`/regions/${b.id}`, { parent: a.id }, { token: ctx.token })
    try {
      await waitForWaiters(2, ['update "regions"%', '%pg_advisory_xact_lock%'])
    } finally {
      await barrier.query('COMMIT')
    }
    const statuses = (await Promise.all([moveA, moveB])).map((response) => response.status).sort()
    expect(statuses).toEqual([200, 400])
    const { rows } = await barrier.query('SELECT id, parent_id FROM regions WHERE id = ANY($1)', [
      [a.id, b.id],
    ])
    const parents = rows.map((row) => row.parent_id).filter((parent) => parent !== null)
    expect(parents).toHaveLength(1)
  })

  test('a link created while its article is unpublished does not stay visible', async () => {
    const article = await create.article({ _status: 'published', title: 'Wird zurückgezogen' })
    const target = await create.article({ _status: 'published', title: 'Linkziel Rennen' })
    await barrier.query('BEGIN')
    // Lets the link read its article, then parks its insert.
    await barrier.query('LOCK TABLE related_links IN SHARE MODE')
    const rest = restClient(ctx.config)
    const link = rest.post(
      '/related-links',
      { article: article.id, target: target.id, type: 'internal' },
      { token: ctx.token },
    )
    let unpublish: ReturnType<typeof rest.patch> | undefined
    try {
      await waitForWaiters(1, ['insert into "related_links"%'])
      unpublish = rest.patch(`/articles/${article.id}`, { _status: 'draft' }, { token: ctx.token })
      // Parked behind the link (the rule), or done without waiting (no rule): either way, go on. A
      // save parks at its first lock on the article row: the corrections' turn or the update.
      await Promise.race([
        unpublish,
        waitForWaiters(1, ['insert into "articles"%', 'update "articles"%', '%from "articles"% for update%']),
      ])
    } finally {
      await barrier.query('COMMIT')
    }
    const [created, unpublished] = await Promise.all([link, unpublish!])
    expect([created.status, unpublished.status]).toEqual([201, 200])
    const { rows } = await barrier.query('SELECT article_published FROM related_links WHERE id = $1', [
      created.json.doc.id,
    ])
    expect(rows).toEqual([{ article_published: false }])
    expect((await rest.get(`/related-links/${created.json.doc.id}`)).status).toBe(404)
  })

  test('a region deleted while a save that targets a sponsor at it is under way: 409, the targeting stays', async () => {
    const region = await create.region({ name: 'Umkämpft', type: 'other' })
    const sponsor = await create.sponsor({ name: 'Nur dort', url: 'https://n.example' })
    // The save that targets the sponsor at the region, not yet committed.
    await barrier.query('BEGIN')
    await barrier.query(
      `INSERT INTO sponsors_rels (parent_id, path, regions_id, "order") VALUES ($1, 'regions', $2, 1)`,
      [sponsor.id, region.id],
    )
    const rest = restClient(ctx.config)
    const removal = rest.delete(`/regions/${region.id}`, { token: ctx.token })
    try {
      // Parked at the region's row (the rule), or at its delete (no rule).
      await waitForWaiters(1, ['%for update%', 'delete from "regions"%'])
    } finally {
      await barrier.query('COMMIT')
    }
    expect((await removal).status).toBe(409)
    const { rows } = await barrier.query('SELECT regions_id FROM sponsors_rels WHERE parent_id = $1', [
      sponsor.id,
    ])
    expect(rows).toEqual([{ regions_id: region.id }])
  })
})
