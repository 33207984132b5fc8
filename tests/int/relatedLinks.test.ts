import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { NewsroomArticle } from '../../src/index.js'

import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'
import { errorPaths, restClient } from '../helpers/rest.js'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let token: string
let published: NewsroomArticle
let other: NewsroomArticle
let draft: NewsroomArticle
beforeAll(async () => {
  ctx = await startWithEditor()
  create = fixtures(ctx.payload)
  token = ctx.token
  published = await create.article({ title: 'Hauptartikel', _status: 'published' })
  other = await create.article({ title: 'Anderer Artikel', _status: 'published' })
  draft = await create.article({ title: 'Noch geheim' }, { draft: true })
})
afterAll(async () => ctx?.stop())

const linkCount = async () => (await ctx.payload.count({ collection: 'related-links' })).totalDocs
const postLink = (body: Record<string, unknown>) =>
  restClient(ctx.config).post('/related-links', body, { token })

describe('related link rules', () => {
  test('an internal link to another article is stored; its url is cleared', async () => {
    const response = await postLink({
      article: published.id,
      type: 'internal',
      target: other.id,
      url: 'https://stale.example',
    })
    expect(response.status).toBe(201)
    expect(response.json.doc.url).toBeNull()
  })

  test.each([
    ['an internal link without target', () => ({ article: published.id, type: 'internal' }), 'target'],
    [
      'a link to the article itself',
      () => ({ article: published.id, type: 'internal', target: published.id }),
      'target',
    ],
    [
      'a second link to the same target',
      () => ({ article: published.id, type: 'internal', target: other.id }),
      'target',
    ],
    [
      'an external link without url',
      () => ({ article: published.id, type: 'external', label: 'Mehr' }),
      'url',
    ],
    [
      'an external link without label',
      () => ({ article: published.id, type: 'external', url: 'https://a.example' }),
      'label',
    ],
    [
      'a link to an unknown article',
      () => ({ article: published.id, type: 'internal', target: 99999 }),
      'target',
    ],
    [
      'a link without its article',
      () => ({ type: 'external', url: 'https://a.example', label: 'x' }),
      'article',
    ],
    [
      'a link of an unknown article',
      () => ({ article: 99999, type: 'external', url: 'https://a.example', label: 'x' }),
      'article',
    ],
  ])('%s is refused with 400 naming the field, nothing stored', async (_, body, path) => {
    const before = await linkCount()
    const response = await postLink(body())
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toContain(path)
    expect(await linkCount()).toBe(before)
  })

  test('an external link with url and label is stored without target', async () => {
    const response = await postLink({
      article: published.id,
      type: 'external',
      url: 'https://quelle.example',
      label: 'Zur Quelle',
      target: other.id,
    })
    expect(response.status).toBe(201)
    expect(response.json.doc.target).toBeNull()
  })

  test('the article lists its links through the join, in order', async () => {
    const article = (await ctx.payload.findByID({
      id: published.id,
      collection: 'articles',
      depth: 0,
    })) as Record<string, any>
    expect(article.relatedLinks.docs).toHaveLength(2)
  })
})

describe('anonymous readers see links of published articles only', () => {
  test('links of a draft article are hidden until it is published', async () => {
    await create.relatedLink({ article: draft.id, type: 'internal', target: other.id })
    const anonymous = await restClient(ctx.config).get(`/related-links?where[article][equals]=${draft.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.json.docs).toEqual([])
    const editor = await restClient(ctx.config).get(`/related-links?where[article][equals]=${draft.id}`, {
      token,
    })
    expect(editor.json.docs).toHaveLength(1)
    await ctx.payload.update({
      id: draft.id,
      collection: 'articles',
      data: { _status: 'published' },
    })
    const afterPublish = await restClient(ctx.config).get(`/related-links?where[article][equals]=${draft.id}`)
    expect(afterPublish.json.docs).toHaveLength(1)
  })

  test('unpublishing hides the links again; deleting the article deletes its links', async () => {
    const article = await create.article({ title: 'Kurzlebig', _status: 'published' })
    await create.relatedLink({ article: article.id, type: 'internal', target: other.id })
    const visible = async () =>
      (await ctx.rest.get(`/related-links?where[article][equals]=${article.id}`)).json.docs.length
    expect(await visible()).toBe(1)
    await ctx.payload.update({ id: article.id, collection: 'articles', data: { _status: 'draft' } })
    expect(await visible()).toBe(0)
    await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { _status: 'published' },
    })
    expect(await visible()).toBe(1)
    // A draft saved over the published article leaves it, and its links, live.
    await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { subtitle: 'neu' },
      draft: true,
    })
    expect(await visible()).toBe(1)
    await ctx.payload.delete({ id: article.id, collection: 'articles' })
    const [row] = await ctx.query<{ n: string }>(
      'SELECT count(*) AS n FROM related_links WHERE article_id = $1',
      [article.id],
    )
    expect(row!.n).toBe('0')
  })
})
