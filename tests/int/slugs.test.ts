import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startPayload, type TestContext } from '../helpers/payload.js'

let ctx: TestContext
beforeAll(async () => {
  ctx = await startPayload()
})
afterAll(async () => ctx?.stop())

const createArticle = (data: Record<string, unknown>, draft = false) =>
  ctx.payload.create({ collection: 'articles', data: data as never, draft }) as Promise<Record<string, any>>

describe('article slugs', () => {
  test('come from the title with German transliteration', async () => {
    const article = await createArticle({ title: 'Außenministertreffen stärkt Beziehungen' })
    expect(article.slug).toBe('aussenministertreffen-staerkt-beziehungen')
  })

  test('collisions get -2, -3', async () => {
    const first = await createArticle({ title: 'Handel wächst' })
    const second = await createArticle({ title: 'Handel wächst' })
    const third = await createArticle({ title: 'Handel wächst' }, true)
    expect([first.slug, second.slug, third.slug]).toEqual([
      'handel-waechst',
      'handel-waechst-2',
      'handel-waechst-3',
    ])
  })

  test('a title that slugifies to nothing falls back to a readable unique value', async () => {
    const first = await createArticle({ title: '北京' })
    const second = await createArticle({ title: '上海' })
    const day = new Date().toISOString().slice(0, 10)
    expect(first.slug).toBe(`artikel-${day}`)
    expect(second.slug).toBe(`artikel-${day}-2`)
  })

  test('a slug given by the editor is slugified and made unique too', async () => {
    await createArticle({ title: 'Erster', slug: 'eigene adresse' })
    const second = await createArticle({ title: 'Zweiter', slug: 'Eigene Adresse' })
    expect(second.slug).toBe('eigene-adresse-2')
  })

  test('concurrent creates with one title all succeed with distinct slugs', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        createArticle({ title: 'Gleichzeitig veröffentlicht', _status: 'published' }),
      ),
    )
    const rejected = results.filter((result) => result.status === 'rejected')
    expect(rejected).toEqual([])
    const slugs = results.map((result) => (result as PromiseFulfilledResult<Record<string, any>>).value.slug)
    expect(new Set(slugs).size).toBe(12)
    expect(slugs).toContain('gleichzeitig-veroeffentlicht')
    expect(slugs).toContain('gleichzeitig-veroeffentlicht-12')
  })

  test("a slug held only by another article's draft is not handed out again", async () => {
    const published = await createArticle({ title: 'Alter Titel', _status: 'published' })
    // The draft claims a new slug; the published row still has the old one.
    await ctx.payload.update({
      id: published.id,
      collection: 'articles',
      data: { slug: 'neuer-titel' } as never,
      draft: true,
    })
    const [row] = await ctx.query<{ slug: string }>('SELECT slug FROM articles WHERE id = $1', [published.id])
    expect(row!.slug).toBe('alter-titel')
    const other = await createArticle({ title: 'Neuer Titel' })
    expect(other.slug).toBe('neuer-titel-2')
  })

  test('a published article keeps its slug when its title changes, even when asked to regenerate', async () => {
    const article = await createArticle({ title: 'Erste Fassung', _status: 'published' })
    const renamed = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { generateSlug: true, title: 'Zweite Fassung' } as never,
    })) as Record<string, any>
    expect(renamed.title).toBe('Zweite Fassung')
    expect(renamed.slug).toBe('erste-fassung')
  })

  test('an unpublished draft regenerates its slug from a new title when asked', async () => {
    const draft = await createArticle({ title: 'Arbeitstitel' }, true)
    const renamed = (await ctx.payload.update({
      id: draft.id,
      collection: 'articles',
      data: { generateSlug: true, title: 'Endgültiger Titel' } as never,
      draft: true,
    })) as Record<string, any>
    expect(renamed.slug).toBe('endgueltiger-titel')
  })

  test('an editor may still change a published slug explicitly', async () => {
    const article = await createArticle({ title: 'Tippfeler im Titel', _status: 'published' })
    const fixed = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { slug: 'tippfehler-im-titel', title: 'Tippfehler im Titel' } as never,
    })) as Record<string, any>
    expect(fixed.slug).toBe('tippfehler-im-titel')
  })

  test('saving an article unchanged keeps its slug (no -2 against itself)', async () => {
    const article = await createArticle({ title: 'Unverändert', _status: 'published' })
    const saved = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { slug: 'unveraendert', subtitle: 'neu' } as never,
    })) as Record<string, any>
    expect(saved.slug).toBe('unveraendert')
  })
})

describe('region slugs', () => {
  test('come from the name and are unique', async () => {
    const first = await ctx.payload.create({
      collection: 'regions',
      data: { name: 'Türkei', type: 'other' } as never,
    })
    const second = await ctx.payload.create({
      collection: 'regions',
      data: { name: 'Türkei', type: 'other' } as never,
    })
    expect([first.slug, second.slug]).toEqual(['tuerkei', 'tuerkei-2'])
  })
})
