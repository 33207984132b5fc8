import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { getArticlePage } from '../../src/index.js'
import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'

// Deletes remove or refuse: never a 500, never a dangling rule.
type Doc = Record<string, any> & { id: number }
let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
const count = async (sql: string, params: unknown[] = []) =>
  Number((await ctx.query<{ n: string }>(sql, params))[0]!.n)

beforeAll(async () => {
  ctx = await startWithEditor({ plugin: { media: 'media' } })
  create = fixtures(ctx.payload)
})
afterAll(async () => ctx?.stop())

describe('deleting an article', () => {
  test.each(['REST', 'GraphQL', 'Local API'])(
    'over %s takes its comments and related links along',
    async (channel) => {
      const article = await create.article({ _status: 'published', title: `Mit Kommentar ${channel}` })
      const target = await create.article({ _status: 'published', title: `Ziel ${channel}` })
      await create.relatedLink({ article: article.id, target: target.id, type: 'internal' })
      // A public comment, as anyone on the internet could leave one.
      const comment = await ctx.rest.post('/comments', {
        article: article.id,
        authorEmail: `d-${channel.length}@example.com`,
        authorName: 'D',
        body: 'Ein Kommentar',
        consent: true,
      })
      expect(comment.status).toBe(201)
      if (channel === 'REST') {
        expect((await ctx.rest.delete(`/articles/${article.id}`, { token: ctx.token })).status).toBe(200)
      } else if (channel === 'GraphQL') {
        const response = await ctx.rest.graphql(
          `mutation { deleteArticle(id: ${article.id}) { id } }`,
          {},
          { token: ctx.token },
        )
        expect(response.json.errors).toBeUndefined()
      } else {
        await ctx.payload.delete({
          id: article.id,
          collection: 'articles',
          overrideAccess: false,
          user: ctx.editor,
        })
      }
      expect(await count('SELECT count(*) AS n FROM articles WHERE id = $1', [article.id])).toBe(0)
      expect(await count('SELECT count(*) AS n FROM comments WHERE article_id = $1', [article.id])).toBe(0)
      expect(await count('SELECT count(*) AS n FROM related_links WHERE article_id = $1', [article.id])).toBe(
        0,
      )
    },
  )

  test('a link of another article that pointed at it is deleted with it, and drops out of that page', async () => {
    const page = await create.article({ _status: 'published', title: 'Seite mit Link' })
    const gone = await create.article({ _status: 'published', title: 'Wird gelöscht' })
    const link = await create.relatedLink({ article: page.id, target: gone.id, type: 'internal' })
    await ctx.payload.delete({ id: gone.id, collection: 'articles' })
    expect(await count('SELECT count(*) AS n FROM related_links WHERE id = $1', [link.id])).toBe(0)
    const result = await getArticlePage({ payload: ctx.payload, slug: page.slug })
    expect(result!.related.filter((item) => item.curated)).toEqual([])
  })
})

describe('deleting a region', () => {
  test('still targeted by a sponsor: 409 naming the sponsors, and the sponsor keeps its target', async () => {
    const region = await create.region({ name: 'Zielregion', type: 'other' })
    const sponsor = await create.sponsor({
      name: 'Gezielt',
      regions: [region.id],
      url: 'https://z.example',
    })
    const response = await ctx.rest.delete(`/regions/${region.id}`, { token: ctx.token })
    expect(response.status).toBe(409)
    expect(response.text).toMatch(/Sponsoren: 1|Sponsors: 1/)
    expect(await count('SELECT count(*) AS n FROM regions WHERE id = $1', [region.id])).toBe(1)
    expect(
      await count('SELECT count(*) AS n FROM sponsors_rels WHERE parent_id = $1 AND regions_id = $2', [
        sponsor.id,
        region.id,
      ]),
    ).toBe(1)
  })

  test('with a child region: 409 naming it; the child keeps its breadcrumbs', async () => {
    const parent = await create.region({ name: 'Elternregion', type: 'continent' })
    const child = await create.region({ name: 'Kindregion', parent: parent.id, type: 'country' })
    const response = await ctx.rest.delete(`/regions/${parent.id}`, { token: ctx.token })
    expect(response.status).toBe(409)
    expect(response.text).toMatch(/Unterregionen: 1|Child regions: 1/)
    const [row] = await ctx.query<Doc>('SELECT path FROM regions WHERE id = $1', [child.id])
    expect(row!.path).toBe('elternregion/kindregion')
  })

  test('used by a published article, or only by the newer draft of one: 409 naming the articles', async () => {
    const region = await create.region({ name: 'Artikelregion', type: 'other' })
    await create.article({ _status: 'published', regions: [region.id], title: 'Regional' })
    const draftOnly = await create.region({ name: 'Entwurfsregion', type: 'other' })
    const published = await create.article({ _status: 'published', title: 'Bald regional' })
    // The newer draft adds the region; the published row does not have it.
    await ctx.payload.update({
      id: published.id,
      collection: 'articles',
      data: { regions: [draftOnly.id] },
      draft: true,
    })
    expect(await count('SELECT count(*) AS n FROM articles_rels WHERE regions_id = $1', [draftOnly.id])).toBe(
      0,
    )
    for (const id of [region.id, draftOnly.id]) {
      const response = await ctx.rest.delete(`/regions/${id}`, { token: ctx.token })
      expect(response.status).toBe(409)
      expect(response.text).toMatch(/Artikel: 1|Articles: 1/)
    }
  })

  test('over GraphQL and the Local API the refusal holds too', async () => {
    const region = await create.region({ name: 'Zweimal', type: 'other' })
    await create.sponsor({ name: 'Auch gezielt', regions: [region.id], url: 'https://y.example' })
    const viaGraphql = await ctx.rest.graphql(
      `mutation { deleteRegion(id: ${region.id}) { id } }`,
      {},
      { token: ctx.token },
    )
    expect(viaGraphql.json.errors?.[0]?.message).toMatch(/Sponsoren|Sponsors/)
    await expect(ctx.payload.delete({ id: region.id, collection: 'regions' })).rejects.toMatchObject({
      status: 409,
    })
    expect(await count('SELECT count(*) AS n FROM regions WHERE id = $1', [region.id])).toBe(1)
  })

  test('unused: deleted', async () => {
    const region = await create.region({ name: 'Unbenutzt', type: 'other' })
    expect((await ctx.rest.delete(`/regions/${region.id}`, { token: ctx.token })).status).toBe(200)
    expect(await count('SELECT count(*) AS n FROM regions WHERE id = $1', [region.id])).toBe(0)
  })
})

describe('deleting a user', () => {
  test('who reviewed AI text leaves the article saveable and published under requireHumanReview', async () => {
    const strict = await startWithEditor({
      key: 'strict',
      plugin: { attribution: { requireHumanReview: true }, media: 'media' },
    })
    try {
      const reviewer = (await strict.payload.create({
        collection: 'users',
        data: { email: 'pruefer@newsroom.test', password: 'secret-password' },
      })) as Doc
      const article = await fixtures(strict.payload).article(
        { _status: 'published', ai: { humanReviewed: true, usage: 'generated' }, title: 'Geprüft' },
        { user: { ...reviewer, collection: 'users' } as never },
      )
      await strict.payload.delete({ id: reviewer.id, collection: 'users' })
      // REST serves the file's default instance; the Local API with the editor's access stands in.
      const saved = (await strict.payload.update({
        id: article.id,
        collection: 'articles',
        data: { allowComments: false },
        overrideAccess: false,
        user: strict.editor,
      })) as Doc
      expect(saved._status).toBe('published')
      // The record behind the exemption: the reviewer's name and the time survive the account.
      expect(saved.ai).toMatchObject({ reviewedBy: null, reviewerName: 'pruefer@newsroom.test' })
      expect(saved.ai.reviewedAt).toBeTruthy()
      expect(saved.attribution.aiAct).toBe('exempt')
    } finally {
      await strict.stop()
    }
  })
})
