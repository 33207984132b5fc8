import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { NewsroomArticle } from '../../src/index.js'

import { settlesSlugLate } from '../../src/slugs/uniqueSlug.js'
import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startPayload, type TestContext } from '../helpers/payload.js'

let ctx: TestContext
let create: Fixtures
beforeAll(async () => {
  ctx = await startPayload()
  create = fixtures(ctx.payload)
})
afterAll(async () => ctx?.stop())

describe('article slugs', () => {
  test('come from the title with German transliteration', async () => {
    const article = await create.article({ title: 'Außenministertreffen stärkt Beziehungen' })
    expect(article.slug).toBe('aussenministertreffen-staerkt-beziehungen')
  })

  test('collisions get -2, -3', async () => {
    const first = await create.article({ title: 'Handel wächst' })
    const second = await create.article({ title: 'Handel wächst' })
    const third = await create.article({ title: 'Handel wächst' }, { draft: true })
    expect([first.slug, second.slug, third.slug]).toEqual([
      'handel-waechst',
      'handel-waechst-2',
      'handel-waechst-3',
    ])
  })

  test('a title that slugifies to nothing falls back to a readable unique value', async () => {
    const first = await create.article({ title: '北京' })
    const second = await create.article({ title: '上海' })
    const day = new Date().toISOString().slice(0, 10)
    expect(first.slug).toBe(`artikel-${day}`)
    expect(second.slug).toBe(`artikel-${day}-2`)
  })

  test('a title whose slug is as long as a slug may be gets a distinct, as long slug the second time', async () => {
    const title = `${'A'.repeat(31)} ${'B'.repeat(31)} ${'C'.repeat(31)} ${'D'.repeat(31)}`
    const [first, second] = [await create.article({ title }), await create.article({ title })]
    const [one, two] = [await create.author({ name: title }), await create.author({ name: title })]
    expect([first.slug.length, second.slug.length, one.slug.length, two.slug.length]).toEqual([
      95, 96, 95, 96,
    ])
    expect([second.slug, two.slug]).toEqual([`${first.slug.slice(0, 94)}-2`, `${one.slug.slice(0, 94)}-2`])
  })

  test('a slug given by the editor is slugified and made unique too', async () => {
    await create.article({ title: 'Erster', slug: 'eigene adresse' })
    const second = await create.article({ title: 'Zweiter', slug: 'Eigene Adresse' })
    expect(second.slug).toBe('eigene-adresse-2')
  })

  test('concurrent creates with one title all succeed with distinct slugs', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        create.article({ title: 'Gleichzeitig veröffentlicht', _status: 'published' }),
      ),
    )
    const rejected = results.filter((result) => result.status === 'rejected')
    expect(rejected).toEqual([])
    const slugs = results.map((result) => (result as PromiseFulfilledResult<NewsroomArticle>).value.slug)
    expect(new Set(slugs).size).toBe(12)
    expect(slugs).toContain('gleichzeitig-veroeffentlicht')
    expect(slugs).toContain('gleichzeitig-veroeffentlicht-12')
  })

  test("a slug held only by another article's draft is not handed out again", async () => {
    const published = await create.article({ title: 'Alter Titel', _status: 'published' })
    // The draft claims a new slug; the published row still has the old one.
    await ctx.payload.update({
      id: published.id,
      collection: 'articles',
      data: { slug: 'neuer-titel' },
      draft: true,
    })
    const [row] = await ctx.query<{ slug: string }>('SELECT slug FROM articles WHERE id = $1', [published.id])
    expect(row!.slug).toBe('alter-titel')
    const other = await create.article({ title: 'Neuer Titel' })
    expect(other.slug).toBe('neuer-titel-2')
  })

  test('a published article keeps its slug when its title changes, even when asked to regenerate', async () => {
    const article = await create.article({ title: 'Erste Fassung', _status: 'published' })
    const renamed = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { generateSlug: true, title: 'Zweite Fassung' },
    })) as Record<string, any>
    expect(renamed.title).toBe('Zweite Fassung')
    expect(renamed.slug).toBe('erste-fassung')
  })

  test('an unpublished draft regenerates its slug from a new title when asked', async () => {
    const draft = await create.article({ title: 'Arbeitstitel' }, { draft: true })
    const renamed = (await ctx.payload.update({
      id: draft.id,
      collection: 'articles',
      data: { generateSlug: true, title: 'Endgültiger Titel' },
      draft: true,
    })) as Record<string, any>
    expect(renamed.slug).toBe('endgueltiger-titel')
  })

  test('an editor may still change a published slug explicitly', async () => {
    const article = await create.article({ title: 'Tippfeler im Titel', _status: 'published' })
    const fixed = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { slug: 'tippfehler-im-titel', title: 'Tippfehler im Titel' },
    })) as Record<string, any>
    expect(fixed.slug).toBe('tippfehler-im-titel')
  })

  test('saving an article unchanged keeps its slug (no -2 against itself)', async () => {
    const article = await create.article({ title: 'Unverändert', _status: 'published' })
    const saved = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { slug: 'unveraendert', subtitle: 'neu' },
    })) as Record<string, any>
    expect(saved.slug).toBe('unveraendert')
  })
})

describe("a save's early round trip", () => {
  test('a save refused while its slug lock or row lock is under way answers that refusal, and nothing else', async () => {
    // The lock's message also carries the check of the regions, which fails here too: a rule
    // between sending and awaiting refuses first, and the abandoned answer must not go unhandled.
    const refused = { _status: 'published' as const, paidContent: true, regions: [987654], title: 'Bezahlt' }
    await expect(create.article(refused)).rejects.toMatchObject({ data: { errors: [{ path: 'paidBy' }] } })
    const article = await create.article({ title: 'Noch frei' })
    await expect(
      ctx.payload.update({ collection: 'articles', data: refused, id: article.id }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'paidBy' }] } })
    // Nothing of either save is stored.
    expect(await ctx.query(`SELECT count(*)::int AS n FROM articles WHERE slug LIKE 'bezahlt%'`)).toEqual([
      { n: 0 },
    ])
    expect(await ctx.query('SELECT title, paid_content FROM articles WHERE id = $1', [article.id])).toEqual([
      { paid_content: false, title: 'Noch frei' },
    ])
    // Both answers are awaited long after they came.
    await new Promise((resolve) => setTimeout(resolve, 100))
  })
})

describe("a new article's slug, seen by the host's hooks", () => {
  test("without host code on the articles, a create's slug is settled in the slug field's hook", () => {
    expect(settlesSlugLate(ctx.payload.collections.articles.config)).toBe(true)
  })

  test('a host beforeChange hook sees the slug that is stored', async () => {
    const seen: string[] = []
    const host = await startPayload({
      key: 'slug-host-hook',
      plugin: {
        collections: {
          articles: { hooks: { beforeChange: [({ data }) => (seen.push(data.slug), data)] } },
        },
      },
    })
    try {
      const hosted = fixtures(host.payload)
      const first = await hosted.article({ title: 'Gleicher Titel' })
      const second = await hosted.article({ title: 'Gleicher Titel' })
      expect([first.slug, second.slug]).toEqual(['gleicher-titel', 'gleicher-titel-2'])
      expect(seen).toEqual(['gleicher-titel', 'gleicher-titel-2'])
      expect(settlesSlugLate(host.payload.collections.articles.config)).toBe(false)
    } finally {
      await host.stop()
    }
  })

  test('a host field hook sees the slug that is stored', async () => {
    const seen: string[] = []
    const host = await startPayload({
      key: 'slug-host-field-hook',
      plugin: {
        collections: {
          articles: {
            fields: ({ defaultFields }) => [
              ...defaultFields,
              {
                name: 'permalink',
                type: 'text',
                hooks: { beforeChange: [({ data }) => void seen.push(data?.slug)] },
              },
            ],
          },
        },
      },
    })
    try {
      const hosted = fixtures(host.payload)
      await hosted.article({ title: 'Noch ein Titel' })
      expect((await hosted.article({ title: 'Noch ein Titel' })).slug).toBe('noch-ein-titel-2')
      expect(seen).toEqual(['noch-ein-titel', 'noch-ein-titel-2'])
    } finally {
      await host.stop()
    }
  })

  test("a host validation set on one of the plugin's fields sees the slug that is stored", async () => {
    const seen: string[] = []
    const host = await startPayload({
      key: 'slug-host-validate',
      plugin: {
        collections: {
          articles: {
            fields: ({ defaultFields }) => {
              const subtitle = defaultFields.find((field) => 'name' in field && field.name === 'subtitle')!
              Object.assign(subtitle, {
                validate: (_: unknown, { data }: any) => (seen.push(data.slug), true),
              })
              return defaultFields
            },
          },
        },
      },
    })
    try {
      const hosted = fixtures(host.payload)
      await hosted.article({ _status: 'published', title: 'Geprüfter Titel' })
      await hosted.article({ _status: 'published', title: 'Geprüfter Titel' })
      expect(seen).toEqual(['gepruefter-titel', 'gepruefter-titel-2'])
    } finally {
      await host.stop()
    }
  })

  test("a host filterOptions set on one of the plugin's fields sees the slug that is stored", async () => {
    const seen: string[] = []
    const host = await startPayload({
      key: 'slug-host-filter-options',
      plugin: {
        collections: {
          articles: {
            fields: ({ defaultFields }) => {
              const authors = defaultFields.find((field) => 'name' in field && field.name === 'authors')!
              Object.assign(authors, { filterOptions: ({ data }: any) => (seen.push(data.slug), true) })
              return defaultFields
            },
          },
        },
      },
    })
    try {
      const hosted = fixtures(host.payload)
      const author = await hosted.author({ name: 'Gefilterte Autorin' })
      for (let i = 0; i < 2; i += 1)
        await hosted.article({ _status: 'published', authors: [author.id], title: 'Gefilterter Titel' })
      expect(seen).toEqual(['gefilterter-titel', 'gefilterter-titel-2'])
    } finally {
      await host.stop()
    }
  })

  test('a host afterChange hook gets the slug that is stored, in data and doc', async () => {
    const seen: [string, string][] = []
    const host = await startPayload({
      key: 'slug-host-after-change',
      plugin: {
        collections: {
          articles: { hooks: { afterChange: [({ data, doc }) => void seen.push([data.slug, doc.slug])] } },
        },
      },
    })
    try {
      const hosted = fixtures(host.payload)
      await hosted.article({ title: 'Danach gelesen' })
      await hosted.article({ title: 'Danach gelesen' })
      expect(seen).toEqual([
        ['danach-gelesen', 'danach-gelesen'],
        ['danach-gelesen-2', 'danach-gelesen-2'],
      ])
    } finally {
      await host.stop()
    }
  })
})

describe('region slugs', () => {
  test('come from the name and are unique', async () => {
    const first = await create.region({ name: 'Türkei', type: 'other' })
    const second = await create.region({ name: 'Türkei', type: 'other' })
    expect([first.slug, second.slug]).toEqual(['tuerkei', 'tuerkei-2'])
  })
})
