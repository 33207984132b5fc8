import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { NewsroomArticle } from '../../src/index.js'

import { fixtures } from '../helpers/fixtures.js'
import { createEditor, createReader, startPayload, type TestContext } from '../helpers/payload.js'
import { restClient } from '../helpers/rest.js'

let ctx: TestContext
let editorToken: string
let readerToken: string
let published: NewsroomArticle
let draft: NewsroomArticle
let editor: Awaited<ReturnType<typeof createEditor>>
let reader: Awaited<ReturnType<typeof createReader>>
beforeAll(async () => {
  ctx = await startPayload()
  editor = await createEditor(ctx.payload)
  reader = await createReader(ctx.payload)
  const rest = restClient(ctx.config)
  editorToken = await rest.login('users', 'editor@newsroom.test', 'secret-password')
  readerToken = await rest.login('readers', 'reader@newsroom.test', 'secret-password')
  const create = fixtures(ctx.payload)
  published = await create.article({ title: 'Öffentlich', _status: 'published' })
  draft = await create.article({ title: 'Entwurf' }, { draft: true })
})
afterAll(async () => ctx?.stop())

describe('articles', () => {
  test('anonymous readers find published articles only, also when asking for drafts', async () => {
    const rest = restClient(ctx.config)
    for (const query of ['', '?draft=true']) {
      const response = await rest.get(`/articles${query}`)
      expect(response.status).toBe(200)
      expect(response.json.docs.map((doc: any) => doc.id)).toEqual([published.id])
    }
    expect((await rest.get(`/articles/${draft.id}`)).status).toBe(404)
    expect((await rest.get(`/articles/${draft.id}?draft=true`)).status).toBe(404)
  })

  test('a logged-in reader is not an editor', async () => {
    const rest = restClient(ctx.config)
    const list = await rest.get('/articles?draft=true', { token: readerToken })
    expect(list.json.docs.map((doc: any) => doc.id)).toEqual([published.id])
    const create = await rest.post('/articles', { title: 'Leserbrief' }, { token: readerToken })
    expect(create.status).toBe(403)
    const update = await rest.patch(`/articles/${published.id}`, { title: 'Gehackt' }, { token: readerToken })
    expect(update.status).toBe(403)
    expect((await rest.delete(`/articles/${published.id}`, { token: readerToken })).status).toBe(403)
    const [row] = await ctx.query<{ title: string }>('SELECT title FROM articles WHERE id = $1', [
      published.id,
    ])
    expect(row!.title).toBe('Öffentlich')
  })

  test('the Local API with overrideAccess false and a reader applies the same rules', async () => {
    const result = await ctx.payload.find({
      collection: 'articles',
      draft: true,
      overrideAccess: false,
      user: reader,
    })
    expect(result.docs.map((doc) => doc.id)).toEqual([published.id])
    await expect(
      ctx.payload.create({
        collection: 'articles',
        data: { title: 'x' },
        overrideAccess: false,
        user: reader,
      }),
    ).rejects.toMatchObject({ status: 403 })
    const asEditor = await ctx.payload.find({
      collection: 'articles',
      draft: true,
      overrideAccess: false,
      user: editor,
    })
    expect(asEditor.docs.map((doc) => doc.id).sort()).toEqual([published.id, draft.id].sort())
  })

  test('versions are for editors only', async () => {
    const rest = restClient(ctx.config)
    expect((await rest.get('/articles/versions')).status).toBe(403)
    expect((await rest.get('/articles/versions', { token: readerToken })).status).toBe(403)
    const editorVersions = await rest.get('/articles/versions', { token: editorToken })
    expect(editorVersions.status).toBe(200)
    expect(editorVersions.json.totalDocs).toBeGreaterThan(0)
  })

  test('anonymous writes are refused and store nothing', async () => {
    const rest = restClient(ctx.config)
    const before = (await ctx.payload.count({ collection: 'articles' })).totalDocs
    expect((await rest.post('/articles', { title: 'Anonym' })).status).toBe(403)
    expect((await rest.post('/regions', { name: 'Anonym', type: 'other' })).status).toBe(403)
    expect((await rest.post('/sponsors', { name: 'Anonym', url: 'https://a.example' })).status).toBe(403)
    expect(
      (await rest.post('/related-links', { article: published.id, type: 'internal', target: draft.id }))
        .status,
    ).toBe(403)
    expect((await ctx.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
  })
})

describe('regions', () => {
  test('are readable by everyone and writable by editors only', async () => {
    const rest = restClient(ctx.config)
    const created = await rest.post('/regions', { name: 'Afrika', type: 'continent' }, { token: editorToken })
    expect(created.status).toBe(201)
    expect((await rest.get(`/regions/${created.json.doc.id}`)).status).toBe(200)
    expect(
      (await rest.patch(`/regions/${created.json.doc.id}`, { name: 'X' }, { token: readerToken })).status,
    ).toBe(403)
    expect((await rest.delete(`/regions/${created.json.doc.id}`)).status).toBe(403)
    expect((await ctx.payload.findByID({ id: created.json.doc.id, collection: 'regions' })).name).toBe(
      'Afrika',
    )
  })
})
