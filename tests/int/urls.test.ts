import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { NewsroomArticle } from '../../src/index.js'

import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'
import { errorPaths, restClient } from '../helpers/rest.js'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let token: string
let article: NewsroomArticle
beforeAll(async () => {
  ctx = await startWithEditor()
  create = fixtures(ctx.payload)
  token = ctx.token
  article = await create.article({ title: 'Verlinkter Artikel' })
})
afterAll(async () => ctx?.stop())

const unsafe = [
  'javascript:alert(document.cookie)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  '//evil.example/path',
  'not a url',
  `https://example.com/${'x'.repeat(2100)}`,
]

const count = async (table: string) =>
  Number((await ctx.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n)

describe('every URL field accepts only absolute http(s) URLs', () => {
  test.each(unsafe)('article source.url %s is refused in a draft save', async (url) => {
    const [articles, versions] = [await count('articles'), await count('_articles_v')]
    const response = await restClient(ctx.config).post(
      '/articles?draft=true',
      { title: 'Entwurf', source: { url } },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['source.url'])
    expect([await count('articles'), await count('_articles_v')]).toEqual([articles, versions])
  })

  test.each(unsafe)('article source.url %s is refused when publishing', async (url) => {
    const response = await restClient(ctx.config).post(
      '/articles',
      { title: 'Veröffentlicht', _status: 'published', source: { url } },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toContain('source.url')
  })

  test('an unsafe URL cannot be put into an existing draft by update either', async () => {
    const draft = await create.article({ title: 'Später' }, { draft: true })
    const response = await restClient(ctx.config).patch(
      `/articles/${draft.id}?draft=true`,
      { source: { url: 'javascript:alert(1)' } },
      { token },
    )
    expect(response.status).toBe(400)
    const [row] = await ctx.query<{ url: null | string }>(
      'SELECT source_url AS url FROM articles WHERE id = $1',
      [draft.id],
    )
    expect(row!.url).toBeNull()
  })

  test.each(unsafe)('sponsor url %s is refused', async (url) => {
    const before = await count('sponsors')
    const response = await restClient(ctx.config).post('/sponsors', { name: 'Sponsor', url }, { token })
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toContain('url')
    expect(await count('sponsors')).toBe(before)
  })

  test.each(unsafe)('related link url %s is refused', async (url) => {
    const before = await count('related_links')
    const response = await restClient(ctx.config).post(
      '/related-links',
      { article: article.id, type: 'external', url, label: 'Mehr' },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toContain('url')
    expect(await count('related_links')).toBe(before)
  })

  test('URLs are stored trimmed', async () => {
    const sponsor = await create.sponsor({ name: 'Trim', url: '  https://example.com/a  ' })
    expect(sponsor.url).toBe('https://example.com/a')
    const draft = await create.article(
      { title: 'Mit Quelle', source: { kind: 'external', url: ' https://quelle.example/artikel ' } },
      { draft: true },
    )
    expect(draft.source.url).toBe('https://quelle.example/artikel')
  })

  test("the error is in the editor's language", async () => {
    const response = await restClient(ctx.config).post(
      '/sponsors',
      { name: 'Sponsor', url: 'javascript:alert(1)' },
      { headers: { 'accept-language': 'de' }, token },
    )
    expect(response.status).toBe(400)
    expect(response.json.errors[0].data.errors[0].message).toBe(
      'Nur Adressen mit http:// und https:// sind erlaubt.',
    )
  })
})
