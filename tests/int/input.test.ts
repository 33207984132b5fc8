import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { recordQueries, startWithEditor } from '../helpers/payload.js'
import { errorPaths, restClient } from '../helpers/rest.js'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let token: string
beforeAll(async () => {
  ctx = await startWithEditor({ plugin: { maxLimit: 25, media: 'media' } })
  create = fixtures(ctx.payload)
  token = ctx.token
})
afterAll(async () => ctx?.stop())

const rows = async () => {
  const [row] = await ctx.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM _articles_v) AS versions,
            (SELECT count(*) FROM articles_rels) AS rels, (SELECT count(*) FROM regions) AS regions,
            (SELECT count(*) FROM sponsors) AS sponsors, (SELECT count(*) FROM related_links) AS links`,
  )
  return row
}

describe('unknown relationship ids are refused with 400 naming the field', () => {
  test.each([
    ['authors', { authors: [123456] }],
    ['regions', { regions: [123456] }],
    ['sponsors', { sponsors: [123456] }],
    ['image', { image: 123456 }],
    ['ai.reviewedBy', { ai: { usage: 'generated', reviewedBy: 123456 } }],
  ])('%s', async (path, data) => {
    const before = await rows()
    for (const draft of [true, false]) {
      const response = await restClient(ctx.config).post(
        `/articles${draft ? '?draft=true' : ''}`,
        { title: 'Mit Verweis', _status: draft ? 'draft' : 'published', ...data },
        { token },
      )
      expect(response.status).toBe(400)
      expect(errorPaths(response)).toEqual([path])
    }
    expect(await rows()).toEqual(before)
  })

  test('one unknown id among known ones is named', async () => {
    const region = await create.region({ name: 'Bekannt', type: 'other' })
    const response = await restClient(ctx.config).post(
      '/articles?draft=true',
      { title: 'Gemischt', regions: [region.id, 777777] },
      { token },
    )
    expect(response.status).toBe(400)
    expect(response.json.errors[0].data.errors[0].message).toContain('777777')
  })

  test.each([['abc'], [-1], [1.5], [{ nested: true }], [2_147_483_648], ['99999999999']])(
    'a malformed id %j is refused with 400',
    async (id) => {
      const before = await rows()
      const response = await restClient(ctx.config).post(
        '/articles?draft=true',
        { title: 'Kaputt', regions: [id] },
        { token },
      )
      expect(response.status).toBe(400)
      expect(errorPaths(response)).toEqual(['regions'])
      expect(await rows()).toEqual(before)
    },
  )

  test('known ids, also given as populated objects, are accepted', async () => {
    const region = await create.region({ name: 'Gültig', type: 'other' })
    const author = await create.author({ name: 'Gültige Autorin' })
    const response = await restClient(ctx.config).post(
      '/articles?draft=true',
      { title: 'Gültige Verweise', regions: [{ id: region.id }], authors: [author.id] },
      { token },
    )
    expect(response.status).toBe(201)
  })

  test('an update keeping a stored region and adding an unknown one is refused, and nothing changes', async () => {
    const region = await create.region({ name: 'Gespeichert', type: 'other' })
    const article = await create.article({ title: 'Mit gespeicherter Region', regions: [region.id] })
    const before = await rows()
    const response = await restClient(ctx.config).patch(
      `/articles/${article.id}?draft=true`,
      { regions: [region.id, 888888] },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['regions'])
    expect(await rows()).toEqual(before)
  })
})

describe("reference checks go with the save's own first statement", () => {
  test("an article create checks its regions in its slug lock's round trip, not in one of its own", async () => {
    const region = await create.region({ name: 'In einer Runde', type: 'other' })
    const queries = await recordQueries(() => create.article({ title: 'Eine Runde', regions: [region.id] }))
    const checks = queries.filter((query) => /SELECT id FROM "regions"/.test(query))
    expect(checks).toHaveLength(1)
    expect(checks[0]).toContain('pg_advisory_xact_lock')
  })

  test('an author update that takes no slug lock still has its references checked, and nothing changes', async () => {
    const author = await create.author({ name: 'Ohne Bild' })
    const before = await ctx.query('SELECT * FROM authors WHERE id = $1', [author.id])
    const response = await restClient(ctx.config).patch(`/authors/${author.id}`, { image: 999999 }, { token })
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['image'])
    expect(await ctx.query('SELECT * FROM authors WHERE id = $1', [author.id])).toEqual(before)
    const created = await restClient(ctx.config).post(
      '/authors',
      { image: 999999, name: 'Mit Bild' },
      { token },
    )
    expect(created.status).toBe(400)
    expect(errorPaths(created)).toEqual(['image'])
  })
})

describe('NUL bytes are refused with 400 naming the field', () => {
  test.each([
    ['title', { title: 'Null\u0000Byte' }],
    ['subtitle', { title: 'ok', subtitle: 'a\u0000' }],
    ['source.name', { title: 'ok', source: { name: '\u0000' } }],
    ['dateline.place', { title: 'ok', dateline: { place: 'Alma\u0000ty' } }],
  ])('%s', async (path, data) => {
    const before = await rows()
    const response = await restClient(ctx.config).post('/articles?draft=true', data, { token })
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual([path])
    expect(await rows()).toEqual(before)
  })

  test('in rich text too', async () => {
    const content = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: 'bö\u0000se', version: 1 }], version: 1 },
        ],
        direction: null,
        format: '',
        indent: 0,
        version: 1,
      },
    }
    const response = await restClient(ctx.config).post(
      '/articles?draft=true',
      { title: 'ok', content },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)[0]).toMatch(/^content\./)
  })

  test('in regions and sponsors', async () => {
    const before = await rows()
    const region = await restClient(ctx.config).post(
      '/regions',
      { name: 'X\u0000', type: 'other' },
      { token },
    )
    const sponsor = await restClient(ctx.config).post(
      '/sponsors',
      { name: 'Y\u0000', url: 'https://a.example' },
      { token },
    )
    expect([region.status, sponsor.status]).toEqual([400, 400])
    expect(errorPaths(region)).toEqual(['name'])
    expect(errorPaths(sponsor)).toEqual(['name'])
    expect(await rows()).toEqual(before)
  })
})

describe('other input', () => {
  test('unknown fields are ignored and never stored', async () => {
    const response = await restClient(ctx.config).post(
      '/articles?draft=true',
      { title: 'Extra', notAField: 'x', __proto__x: 1 },
      { token },
    )
    expect(response.status).toBe(201)
    expect(response.json.doc.notAField).toBeUndefined()
    const stored = await ctx.payload.findByID({
      id: response.json.doc.id,
      collection: 'articles',
      draft: true,
    })
    expect((stored as Record<string, unknown>).notAField).toBeUndefined()
  })

  test('a body that is not JSON is a 4xx, not a crash', async () => {
    const before = await rows()
    const response = await restClient(ctx.config).post('/articles', '{"title": "kaputt', { token })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(await rows()).toEqual(before)
  })

  test('a title over its maximum length is refused when publishing', async () => {
    const response = await restClient(ctx.config).post(
      '/articles',
      { title: 'x'.repeat(301), _status: 'published' },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['title'])
  })
})

describe('page sizes are clamped to maxLimit', () => {
  beforeAll(async () => {
    for (let index = 0; index < 30; index += 1) {
      await create.region({ name: `Region ${index}`, type: 'other' })
    }
  })

  test.each([['?limit=0'], ['?limit=1000'], ['?pagination=false'], ['?limit=26']])(
    '%s serves at most 25',
    async (query) => {
      const response = await restClient(ctx.config).get(`/regions${query}`)
      expect(response.status).toBe(200)
      expect(response.json.docs.length).toBe(25)
      expect(response.json.totalDocs).toBeGreaterThanOrEqual(30)
    },
  )

  test('smaller limits are served as asked', async () => {
    const response = await restClient(ctx.config).get('/regions?limit=5')
    expect(response.json.docs).toHaveLength(5)
  })

  test('GraphQL is clamped too; server code on the Local API chooses its own page size', async () => {
    const response = await ctx.rest.graphql('{ Regions(limit: 0) { docs { id } totalDocs } }')
    expect(response.json.data.Regions.docs).toHaveLength(25)
    const trusted = await ctx.payload.find({
      collection: 'regions',
      pagination: false,
      overrideAccess: false,
    })
    expect(trusted.docs.length).toBeGreaterThanOrEqual(30)
  })
})

describe('articles', () => {
  test('publishedAt is set on first publication when empty, and kept afterwards', async () => {
    const draft = await create.article({ title: 'Bald' }, { draft: true })
    expect(draft.publishedAt ?? null).toBeNull()
    const publishedDoc = (await ctx.payload.update({
      id: draft.id,
      collection: 'articles',
      data: { _status: 'published' },
    })) as any
    expect(publishedDoc.publishedAt).toBeTruthy()
    const later = (await ctx.payload.update({
      id: draft.id,
      collection: 'articles',
      data: { subtitle: 'neu', _status: 'published' },
    })) as any
    expect(later.publishedAt).toBe(publishedDoc.publishedAt)
  })

  test('an editor-set publishedAt is kept', async () => {
    const article = await create.article({
      title: 'Rückdatiert',
      _status: 'published',
      publishedAt: '2026-04-26T08:00:00.000Z',
    })
    expect(article.publishedAt).toBe('2026-04-26T08:00:00.000Z')
  })

  test('defaults: staff source, no AI, comments allowed, not paid', async () => {
    const article = await create.article({ title: 'Standard' })
    expect(article.source.kind).toBe('staff')
    expect(article.ai.usage).toBe('none')
    expect(article.allowComments).toBe(true)
    expect(article.paidContent).toBe(false)
  })

  test('scheduled publishing is on', () => {
    const articles = ctx.payload.collections.articles.config
    expect(
      articles.versions &&
        typeof articles.versions.drafts === 'object' &&
        articles.versions.drafts.schedulePublish,
    ).toBe(true)
  })
})
