import type { PayloadRequest } from 'payload'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest'

import { getArticlePage } from '../../src/index.js'
import { resolveOptions } from '../../src/options.js'
import { editorsAccessWarning } from '../../src/startupChecks.js'
import {
  media,
  createDatabaseOn,
  createEditor,
  readers,
  startPayload,
  startPayloadOn,
  type TestContext,
  users,
} from '../helpers/payload.js'
import { configWith, fixtures } from '../helpers/fixtures.js'
import { restClient } from '../helpers/rest.js'

const started: TestContext[] = []
afterAll(async () => {
  for (const ctx of started) await ctx.stop()
})
const freshDatabase = () => createDatabaseOn(inject('postgresServerUrl'))

describe('start-up checks', () => {
  test('transactionOptions: false is a start-up error (locks and gates would be void)', async () => {
    const url = await freshDatabase()
    await expect(
      startPayloadOn(url, {
        config: { db: postgresAdapter({ pool: { connectionString: url }, transactionOptions: false }) },
        key: 'no-transactions',
      }),
    ).rejects.toThrow(/needs database transactions/)
  })

  test('comments.clientAddress without comments.hashSecret is a start-up error', () => {
    expect(() => resolveOptions({ comments: { clientAddress: () => '203.0.113.1' } }, configWith())).toThrow(
      /hashSecret/,
    )
    expect(() =>
      resolveOptions({ comments: { clientAddress: () => undefined, hashSecret: 'eigenes' } }, configWith()),
    ).not.toThrow()
  })

  test("the editors' collection with Payload's default access next to reader accounts is named in a warning", async () => {
    const open = { slug: 'users', auth: true, fields: [] }
    const warning = editorsAccessWarning(configWith({ collections: [open, readers] }), 'users')
    expect(warning).toMatch(/"users".*create, read, update, delete.*"readers"/)
    expect(editorsAccessWarning(configWith({ collections: [users, readers] }), 'users')).toBeNull()
    // One auth collection: every account is an editor anyway.
    expect(editorsAccessWarning(configWith({ collections: [open] }), 'users')).toBeNull()
    // And it reaches Payload's log when Payload starts.
    const ctx = await startPayload({ config: { collections: [open, readers, media] }, key: 'open-users' })
    started.push(ctx)
    const warn = vi.spyOn(ctx.payload.logger, 'warn')
    await ctx.config.onInit?.(ctx.payload)
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/default access/))
  })
})

describe('a save outside a transaction', () => {
  test('is refused where the plugin needs a lock, and stores nothing', async () => {
    const ctx = await startPayload({ key: 'no-transaction-save' })
    started.push(ctx)
    await expect(
      ctx.payload.create({
        collection: 'articles',
        data: { title: 'Ohne Transaktion' },
        disableTransaction: true,
      }),
    ).rejects.toThrow(/needs a database transaction/)
    expect(await ctx.query(`SELECT id FROM articles`)).toEqual([])
  })
})

describe('a custom schemaName', () => {
  test('holds every rule that runs raw SQL: slugs, relations, comments, the page', async () => {
    const url = await freshDatabase()
    const ctx = await startPayloadOn(url, {
      config: { db: postgresAdapter({ pool: { connectionString: url }, schemaName: 'zeitung' }) },
      key: 'schema',
      plugin: { comments: { floodSeconds: 60 }, media: 'media' },
    })
    started.push(ctx)
    const create = fixtures(ctx.payload)
    const region = await create.region({ name: 'Asien', type: 'continent' })
    const first = await create.article({ _status: 'published', regions: [region.id], title: 'Gleich' })
    const second = await create.article({ _status: 'published', regions: [region.id], title: 'Gleich' })
    expect([first.slug, second.slug]).toEqual(['gleich', 'gleich-2'])
    await expect(create.article({ regions: [987654], title: 'X' })).rejects.toMatchObject({ status: 400 })
    await create.relatedLink({ article: first.id, target: second.id, type: 'internal' })
    await create.sponsor({ name: 'Überall', url: 'https://s.example' })
    // A public comment (REST serves the file's default instance; the Local API without a user stands in).
    const comment = {
      article: first.id,
      authorEmail: 'l@example.com',
      authorName: 'L',
      body: 'Eins',
      consent: true,
    }
    await ctx.payload.create({ collection: 'comments', data: comment, overrideAccess: false })
    const again = await ctx.payload.create({
      collection: 'comments',
      data: comment,
      overrideAccess: false,
    })
    const statuses = await ctx.query(`SELECT status FROM zeitung.comments ORDER BY id`)
    expect(statuses.map((row) => row.status)).toEqual(['pending', 'spam'])
    expect((again as Record<string, unknown>).status).toBeUndefined()
    const page = (await getArticlePage({ payload: ctx.payload, slug: 'gleich' }))!
    expect(page.related.map((item) => item.slug)).toContain('gleich-2')
    expect(page.sponsors.map((sponsor) => sponsor.name)).toEqual(['Überall'])
    const tables = await ctx.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'zeitung'`)
    expect(tables[0]!.n).toBeGreaterThan(5)
  })
})

// REST serves the instance under Payload's default key: the REST checks share this one.
describe('over REST', () => {
  let ctx: TestContext
  const isEditor = (req: PayloadRequest) =>
    req.headers.get('x-newsroom-editor') === 'ja' || req.user?.collection === 'users'
  beforeAll(async () => {
    ctx = await startPayload({ plugin: { isEditor, media: 'media' } })
    started.push(ctx)
  })

  test("with the editors' access set, a reader account cannot make itself an editor", async () => {
    await ctx.payload.create({
      collection: 'readers',
      data: { email: 'leser@newsroom.test', password: 'secret-password' },
    })
    const editor = await createEditor(ctx.payload)
    const rest = restClient(ctx.config)
    const token = await rest.login('readers', 'leser@newsroom.test', 'secret-password')
    const before = await ctx.query('SELECT id, email FROM users ORDER BY id')
    const created = await rest.post(
      '/users',
      { email: 'boese@newsroom.test', password: 'secret-password' },
      { token },
    )
    expect(created.status).toBe(403)
    const changed = await rest.patch(`/users/${editor.id}`, { password: 'uebernommen' }, { token })
    expect(changed.status).toBeGreaterThanOrEqual(400)
    expect(await ctx.query('SELECT id, email FROM users ORDER BY id')).toEqual(before)
  })

  test('isEditor is called with a real request: a host rule that reads headers works for the page too', async () => {
    const editor = await createEditor(ctx.payload, 'zweite@newsroom.test')
    await ctx.payload.create({ collection: 'articles', data: { title: 'Nur Entwurf' }, draft: true })
    const page = await getArticlePage({
      draft: true,
      payload: ctx.payload,
      slug: 'nur-entwurf',
      user: editor,
    })
    expect(page?.article.title).toBe('Nur Entwurf')
    await expect(getArticlePage({ draft: true, payload: ctx.payload, slug: 'nur-entwurf' })).rejects.toThrow()
    const rest = restClient(ctx.config)
    const byHeader = await rest.get('/newsroom/articles/nur-entwurf?draft=true', {
      headers: { 'x-newsroom-editor': 'ja' },
    })
    expect(byHeader.status).toBe(200)
    expect((await rest.get('/newsroom/articles/nur-entwurf?draft=true')).status).toBe(403)
  })

  test('a NUL character or an over-long slug on the page endpoint is a 400 naming the slug', async () => {
    const rest = restClient(ctx.config)
    for (const slug of ['a%00b', 'x'.repeat(2000)]) {
      const response = await rest.get(`/newsroom/articles/${slug}`)
      expect(response.status).toBe(400)
      expect(response.json.errors[0].message).toMatch(/^slug/)
    }
  })
})
