import type { CollectionAfterReadHook } from 'payload'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { NewsroomArticle, NewsroomRegion } from '../../src/index.js'

import { directReadOf } from '../../src/delivery/directReads.js'
import { getArticlePage } from '../../src/index.js'
import { type FixtureData, fixtures, type Fixtures } from '../helpers/fixtures.js'
import { type TestContext, startPayloadOn } from '../helpers/instance.js'
import { recordQueries, startPayload, startWithEditor } from '../helpers/payload.js'

// The page reads links, link targets and related titles in its facts statement when that gives
// the caller what the Local API gives: these tests hold both reads to the same page, and show
// each host setting that sends the page back to the Local API.

const day = 24 * 60 * 60 * 1000
const at = (days: number) => new Date(Date.now() + days * day).toISOString()
const LINK_FIELDS = ['createdAt', 'label', 'order', 'target', 'type', 'url', 'articlePublished']
const TARGET_FIELDS = ['_status', 'paidContent', 'publishedAt', 'retractedAt', 'slug', 'title']

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let china: NewsroomRegion
let main: NewsroomArticle
let unpublished: NewsroomArticle
const others: TestContext[] = []

const plugin = { media: 'media', related: { limit: 6, maxAgeDays: 30 } }
/** A host's read hook that changes nothing, but that the page cannot see into. */
const keep: CollectionAfterReadHook = ({ doc }) => doc
const instance = async (key: string, collections: Record<string, unknown>, config = {}) => {
  const other = await startPayloadOn(ctx.databaseUrl, { config, key, plugin: { ...plugin, collections } })
  others.push(other)
  return other
}

const article = (data: FixtureData<NewsroomArticle>, draft = false) =>
  create.article({ _status: 'published', regions: [china.id], ...data }, { draft })

beforeAll(async () => {
  ctx = await startWithEditor({ plugin })
  create = fixtures(ctx.payload)
  const asia = await create.region({ name: 'Asien', type: 'continent' })
  china = await create.region({ name: 'China', type: 'country', isoCode: 'CN', parent: asia.id })
  const authors = [
    (await create.author({ name: 'Aigerim Nurlanowa' })).id,
    (await create.author({ kind: 'organization', name: 'Agentur Steppe' })).id,
  ]
  const advertiser = await create.sponsor({ name: 'Reisebüro', url: 'https://reisen.example' })
  main = await article({
    authors: authors.reverse(),
    publishedAt: at(-1),
    regions: [asia.id, china.id],
    title: 'Hauptseite',
  })
  unpublished = await article({ title: 'Noch nicht erschienen' }, true)
  const targets = [
    await article({ publishedAt: at(-2), title: 'Ziel veröffentlicht' }),
    await article({ paidBy: advertiser.id, paidContent: true, publishedAt: at(-3), title: 'Ziel bezahlt' }),
    await article({ title: 'Ziel Entwurf' }, true),
    await article({ publishedAt: at(-4), title: 'Ziel zurückgezogen' }),
  ]
  await ctx.rest.patch(
    `/articles/${targets[3]!.id}`,
    { newCorrection: { kind: 'retraction', text: 'Falsch.' } },
    { headers: { 'accept-language': 'de' }, token: ctx.token },
  )
  // Published, with a newer draft: the published title shows.
  await ctx.payload.update({
    collection: 'articles',
    data: { title: 'Ziel veröffentlicht, neuer Entwurf' },
    draft: true,
    id: targets[0]!.id,
  })
  for (const [index, target] of targets.entries())
    await create.relatedLink({ article: main.id, order: index % 2, target: target.id, type: 'internal' })
  // Two links of the same order: the newer first, as Payload's fallback sort has it.
  for (const label of ['Extern älter', 'Extern neuer']) {
    await create.relatedLink({
      article: main.id,
      label,
      order: 1,
      type: 'external',
      url: 'https://x.example',
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await create.relatedLink({ article: unpublished.id, order: 0, target: main.id, type: 'internal' })
  // Automatic related articles: same region, recent.
  for (let index = 0; index < 3; index += 1)
    await article({ publishedAt: at(-5 - index), title: `Nachbar ${index}` })
})
afterAll(async () => {
  for (const other of others) await other.stop()
  await ctx?.stop()
})

describe('direct reads of links and related titles', () => {
  test('give the same page as the Local API reads, to a reader and to an editor, in fewer statements', async () => {
    const hooked = await instance('hooked', {
      articles: { hooks: { afterRead: [keep] } },
      authors: { hooks: { afterRead: [keep] } },
      regions: { hooks: { afterRead: [keep] } },
      relatedLinks: { hooks: { afterRead: [keep] } },
    })
    for (const caller of [{}, { user: ctx.editor }]) {
      let direct = null as Awaited<ReturnType<typeof getArticlePage>>
      let throughApi = null as typeof direct
      const directQueries = await recordQueries(
        async () => (direct = await getArticlePage({ payload: ctx.payload, slug: main.slug, ...caller })),
      )
      const apiQueries = await recordQueries(
        async () =>
          (throughApi = await getArticlePage({ payload: hooked.payload, slug: main.slug, ...caller })),
      )
      expect(direct).toEqual(throughApi)
      // Regions, authors, links and their targets: four reads fewer.
      expect(directQueries.length).toBe(apiQueries.length - 4)
      const titles = direct!.related.map((item) => item.title)
      expect(titles).toEqual(
        expect.arrayContaining(['Ziel veröffentlicht', 'Ziel bezahlt', 'Extern neuer', 'Extern älter']),
      )
      expect(titles.indexOf('Extern neuer')).toBeLessThan(titles.indexOf('Extern älter'))
      expect(titles).not.toContain('Ziel Entwurf')
      expect(titles).not.toContain('Ziel zurückgezogen')
      expect(titles).toContain('Nachbar 0')
    }
    // An editor's preview of an article not yet published: its links show, read either way.
    const preview = (payload: typeof ctx.payload) =>
      getArticlePage({ draft: true, payload, slug: unpublished.slug, user: ctx.editor })
    expect(await preview(ctx.payload)).toEqual(await preview(hooked.payload))
    expect((await preview(ctx.payload))!.related.filter((item) => item.curated)).toMatchObject([
      { title: 'Hauptseite' },
    ])
  })

  test("apply the caller's access as a condition the statement can state, or not at all", async () => {
    const links = await directReadOf(ctx.payload, 'related-links', LINK_FIELDS, { user: null }, 'l')
    expect(links?.where).not.toBeNull()
    const forEditor = await directReadOf(ctx.payload, 'related-links', LINK_FIELDS, { user: ctx.editor }, 'l')
    expect(forEditor).not.toBeNull()
    expect(forEditor!.where).toBeNull()
    // The links' access names `articlePublished`: without that field the statement cannot apply it.
    expect(
      await directReadOf(ctx.payload, 'related-links', LINK_FIELDS.slice(0, -1), { user: null }, 'l'),
    ).toBeNull()
    expect(await directReadOf(ctx.payload, 'articles', TARGET_FIELDS, { user: null }, 't')).not.toBeNull()
  })

  test("a host's read hook is honoured: the titles come through it", async () => {
    const shouting = await instance('shouting', {
      articles: {
        hooks: {
          afterRead: [
            (({ doc }) =>
              typeof doc.title === 'string'
                ? { ...doc, title: doc.title.toUpperCase() }
                : doc) as CollectionAfterReadHook,
          ],
        },
      },
    })
    const result = await getArticlePage({ payload: shouting.payload, slug: main.slug })
    expect(result!.related.map((item) => item.title)).toContain('ZIEL VERÖFFENTLICHT')
    expect(await directReadOf(shouting.payload, 'articles', TARGET_FIELDS, { user: null }, 't')).toBeNull()
  })

  test("a host's read access the statement cannot state is applied by the Local API", async () => {
    const hidden = 'Ziel bezahlt'
    const restricted = await instance('restricted', {
      articles: {
        access: {
          read: () => ({ and: [{ _status: { equals: 'published' } }, { title: { not_equals: hidden } }] }),
        },
      },
      relatedLinks: { access: { read: () => ({ type: { equals: 'external' } }) } },
    })
    expect(await directReadOf(restricted.payload, 'articles', TARGET_FIELDS, { user: null }, 't')).toBeNull()
    // An equality on a field read directly is stated in the statement: only external links.
    expect(
      await directReadOf(restricted.payload, 'related-links', LINK_FIELDS, { user: null }, 'l'),
    ).not.toBeNull()
    const result = await getArticlePage({ payload: restricted.payload, slug: main.slug })
    const titles = result!.related.map((item) => item.title)
    expect(titles).not.toContain(hidden)
    expect(result!.related.filter((item) => item.curated).map((item) => item.type)).toEqual([
      'external',
      'external',
    ])
  })

  test('field access, localized fields and trash send the read to the Local API', async () => {
    const guarded = await instance('guarded', {
      articles: {
        fields: ({ defaultFields }: { defaultFields: { name?: string }[] }) =>
          defaultFields.map((field) =>
            field.name === 'title' ? { ...field, access: { read: () => true } } : field,
          ),
      },
    })
    expect(await directReadOf(guarded.payload, 'articles', TARGET_FIELDS, { user: null }, 't')).toBeNull()
    // Separate databases: trash and locales change the tables.
    const trashed = await startPayload({
      key: 'trashed',
      plugin: {
        ...plugin,
        collections: {
          relatedLinks: { override: ({ defaultCollection }) => ({ ...defaultCollection, trash: true }) },
        },
      },
    })
    others.push(trashed)
    expect(await directReadOf(trashed.payload, 'related-links', LINK_FIELDS, { user: null }, 'l')).toBeNull()
    const localized = await startPayload({
      config: { localization: { defaultLocale: 'de', fallback: true, locales: ['de', 'en'] } },
      key: 'localized',
      plugin,
    })
    others.push(localized)
    expect(await directReadOf(localized.payload, 'articles', TARGET_FIELDS, { user: null }, 't')).toBeNull()
    // Without its localized label, a link is read directly in a localized site too.
    expect(
      await directReadOf(
        localized.payload,
        'related-links',
        ['order', 'articlePublished'],
        { user: null },
        'l',
      ),
    ).not.toBeNull()
  })
})
