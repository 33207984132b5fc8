import type {
  CollectionAfterOperationHook,
  CollectionAfterReadHook,
  CollectionConfig,
  PayloadRequest,
  Where,
} from 'payload'

import { createLocalReq } from 'payload'

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'

import type { NewsroomArticle, NewsroomRegion } from '../../src/index.js'

import { accessRequestOf, directReadOf } from '../../src/delivery/directReads.js'
import { findPageFacts, pageFactsStatement } from '../../src/delivery/pageFacts.js'
import { compileSql } from '../../src/postgres/compileSql.js'
import { getArticlePage } from '../../src/index.js'
import { type FixtureData, fixtures, type Fixtures } from '../helpers/fixtures.js'
import { createEditor, createReader, type TestContext, startPayloadOn } from '../helpers/instance.js'
import { recordQueries, startPayload, startWithEditor } from '../helpers/payload.js'

// The page reads regions, authors, links, link targets, related titles and sponsors in its facts
// statement when that gives the caller what the Local API gives: these tests hold both reads to the same page, and show
// each host setting that sends the page back to the Local API.

const day = 24 * 60 * 60 * 1000
const at = (days: number) => new Date(Date.now() + days * day).toISOString()
const LINK_FIELDS = ['createdAt', 'label', 'order', 'target', 'type', 'url', 'articlePublished']
const TARGET_FIELDS = ['_status', 'paidContent', 'publishedAt', 'retractedAt', 'slug', 'title']
const SPONSOR_FIELDS = ['disclosureLabel', 'logo', 'name', 'placement', 'priority', 'url', 'createdAt']

/** The collections and limits of a facts statement for this file's instance. */
const FACTS_QUERY = {
  articlesSlug: 'articles',
  hasLogo: true,
  limit: 6,
  maxAgeDays: 30,
  regionsSlug: 'regions',
  relatedLinksSlug: 'related-links',
  sponsorsSlug: 'sponsors',
}

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

/** The direct read of `fields` for a caller, as the page asks for it. */
const directRead = async (
  payload: TestContext['payload'],
  slug: string,
  fields: string[],
  { locale, user = null }: { locale?: string; user?: null | Record<string, unknown> } = {},
) => directReadOf(payload, slug, fields, await accessRequestOf(payload, { locale, user: user as never }))

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
  // Sponsors: two of one priority and name (ties), one without a priority, one ended yesterday,
  // one not yet begun, and one whose stored label no locale allows (the plugin's read hook fixes it).
  for (const name of ['Zwilling', 'Zwilling'])
    await create.sponsor({ name, priority: 5, url: 'https://z.example' })
  const unranked = await create.sponsor({ name: 'Ohne Rang', url: 'https://o.example' })
  await ctx.query(`UPDATE sponsors SET priority = NULL WHERE id = ${unranked.id}`)
  await create.sponsor({
    activeFrom: at(-9),
    activeUntil: at(-1),
    name: 'Abgelaufen',
    url: 'https://a.example',
  })
  await create.sponsor({ activeFrom: at(2), name: 'Künftig', url: 'https://k.example' })
  const unlabelled = await create.sponsor({ name: 'Altbestand', priority: 1, url: 'https://alt.example' })
  await ctx.query(`UPDATE sponsors SET disclosure_label = 'Freundlich empfohlen' WHERE id = ${unlabelled.id}`)
})
// Each instance holds a pool of connections: the ones a test started stop with it.
afterEach(async () => {
  for (const other of others.splice(0)) await other.stop()
})
afterAll(async () => ctx?.stop())

describe('direct reads of links and related titles', () => {
  test('give the same page as the Local API reads, to a reader and to an editor, in fewer statements', async () => {
    const hooked = await instance('hooked', {
      articles: { hooks: { afterRead: [keep] } },
      authors: { hooks: { afterRead: [keep] } },
      regions: { hooks: { afterRead: [keep] } },
      relatedLinks: { hooks: { afterRead: [keep] } },
      sponsors: { hooks: { afterRead: [keep] } },
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
      // Regions, authors, links, their targets and the sponsors: five reads fewer.
      expect(directQueries.length).toBe(apiQueries.length - 5)
      // By priority, highest first; none counts as highest (PostgreSQL's NULLS FIRST for DESC).
      expect(direct!.sponsors.map((sponsor) => sponsor.name)).toEqual([
        'Ohne Rang',
        'Zwilling',
        'Zwilling',
        'Altbestand',
        'Reisebüro',
      ])
      expect(direct!.sponsors.find((sponsor) => sponsor.name === 'Altbestand')!.disclosureLabel).toBe(
        'Anzeige',
      )
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
    const links = await directRead(ctx.payload, 'related-links', LINK_FIELDS)
    expect(links?.where).not.toBeNull()
    const forEditor = await directRead(ctx.payload, 'related-links', LINK_FIELDS, { user: ctx.editor })
    expect(forEditor).not.toBeNull()
    expect(forEditor!.where).toBeNull()
    // The links' access names `articlePublished`: without that field the statement cannot apply it.
    expect(await directRead(ctx.payload, 'related-links', LINK_FIELDS.slice(0, -1))).toBeNull()
    expect(await directRead(ctx.payload, 'articles', TARGET_FIELDS)).not.toBeNull()
  })

  test("a host's read hook is honoured: the titles come through it, and it sees every field", async () => {
    const seen: string[][] = []
    const shouting = await instance('shouting', {
      articles: {
        hooks: {
          afterRead: [
            (({ doc }) => {
              seen.push(Object.keys(doc))
              return typeof doc.title === 'string' ? { ...doc, title: doc.title.toUpperCase() } : doc
            }) as CollectionAfterReadHook,
          ],
        },
      },
    })
    const result = await getArticlePage({ payload: shouting.payload, slug: main.slug })
    expect(result!.related.map((item) => item.title)).toContain('ZIEL VERÖFFENTLICHT')
    // The page's own read of the article leaves out the fields it never shows, but not for a host's hook.
    expect(seen.some((keys) => keys.includes('content') && keys.includes('keywords'))).toBe(true)
    expect(await directRead(shouting.payload, 'articles', TARGET_FIELDS)).toBeNull()
    // Nor for a host's field hook, which may read its siblings.
    const siblings: unknown[] = []
    await ctx.payload.update({ collection: 'articles', data: { keywords: ['Seidenstraße'] }, id: main.id })
    const fieldHooked = await instance('field-hooked', {
      articles: {
        fields: ({ defaultFields }: { defaultFields: { name?: string }[] }) =>
          defaultFields.map((field) =>
            field.name === 'subtitle'
              ? {
                  ...field,
                  hooks: {
                    afterRead: [
                      ({ siblingData, value }: { siblingData: Record<string, unknown>; value: unknown }) => {
                        siblings.push(siblingData.keywords)
                        return value
                      },
                    ],
                  },
                }
              : field,
          ),
      },
    })
    await getArticlePage({ payload: fieldHooked.payload, slug: main.slug })
    expect(siblings).toContainEqual(['Seidenstraße'])
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
    expect(await directRead(restricted.payload, 'articles', TARGET_FIELDS)).toBeNull()
    // An equality on a field read directly is stated in the statement: only external links.
    expect(await directRead(restricted.payload, 'related-links', LINK_FIELDS)).not.toBeNull()
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
      authors: {
        fields: ({ defaultFields }: { defaultFields: { name?: string }[] }) =>
          defaultFields.map((field) =>
            field.name === 'name'
              ? { ...field, hooks: { afterRead: [({ value }: { value: unknown }) => value] } }
              : field,
          ),
      },
      regions: {
        fields: ({ defaultFields }: { defaultFields: { name?: string }[] }) =>
          defaultFields.map((field) => (field.name === 'path' ? { ...field, hidden: true } : field)),
      },
    })
    expect(await directRead(guarded.payload, 'articles', TARGET_FIELDS)).toBeNull()
    expect(await directRead(guarded.payload, 'authors', ['kind', 'name', 'slug'])).toBeNull()
    expect(await directRead(guarded.payload, 'regions', ['breadcrumbs', 'name', 'path', 'slug'])).toBeNull()
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
    expect(await directRead(trashed.payload, 'related-links', LINK_FIELDS)).toBeNull()
    // A hook added after start counts at once.
    const hooks = guarded.payload.collections['related-links'].config.hooks
    expect(await directRead(guarded.payload, 'related-links', LINK_FIELDS)).not.toBeNull()
    hooks.afterRead = [...(hooks.afterRead ?? []), keep]
    expect(await directRead(guarded.payload, 'related-links', LINK_FIELDS)).toBeNull()
  })

  test('an equality the statement would compare differently from Payload goes to the Local API', async () => {
    // Payload converts these values before it compares (a JSON text, dates, '' for a number).
    const answers: [string, string, unknown, boolean][] = [
      ['regions', 'breadcrumbs', '[]', false],
      ['related-links', 'createdAt', '2026-01-01', false],
      ['related-links', 'order', '', false],
      ['related-links', 'target', 1, false],
      ['related-links', 'order', 1, true],
      ['related-links', 'type', 'external', true],
      ['related-links', 'articlePublished', true, true],
      ['related-links', 'articlePublished', 'true', false],
    ]
    const answer: { current: Record<string, unknown> } = { current: {} }
    const other = await instance('equals', {
      regions: { access: { read: () => answer.current } },
      relatedLinks: { access: { read: () => answer.current } },
    })
    for (const [slug, field, value, direct] of answers) {
      answer.current = { [field]: { equals: value } }
      const fields = slug === 'regions' ? ['breadcrumbs', 'name'] : LINK_FIELDS
      expect([field, value, Boolean(await directRead(other.payload, slug, fields))]).toEqual([
        field,
        value,
        direct,
      ])
    }
  })

  test('a slug the caller may not read costs what an unknown one costs: the facts statement alone', async () => {
    for (const slug of [unpublished.slug, 'kein-solcher-artikel']) {
      let page: Awaited<ReturnType<typeof getArticlePage>> | undefined
      const statements = await recordQueries(
        async () => (page = await getArticlePage({ payload: ctx.payload, slug })),
      )
      expect(page).toBeNull()
      expect(statements).toHaveLength(1)
    }
    // An editor may read the unpublished article's stored row, as the Local API lets them.
    expect(
      (await getArticlePage({ payload: ctx.payload, slug: unpublished.slug, user: ctx.editor }))?.article
        .title,
    ).toBe('Noch nicht erschienen')
  })

  test("a host's read hook sees the page's reads as Payload's finds", async () => {
    const operations: string[] = []
    const record: CollectionAfterOperationHook = ({ operation, result }) => {
      operations.push(operation)
      return result
    }
    const hooked = await instance('operations', { articles: { hooks: { afterOperation: [record] } } })
    expect(await getArticlePage({ payload: hooked.payload, slug: main.slug })).not.toBeNull()
    expect(operations).toContain('find')
    expect(operations).not.toContain('findByID')
  })

  test('the facts statement is written as drizzle writes it, for any caller and article', async () => {
    const { dialect } = ctx.payload.db.drizzle as unknown as {
      dialect: { sqlToQuery: (query: unknown) => { params: unknown[]; sql: string } }
    }
    const stated = {
      authorIDs: [1, 2],
      chosenSponsorIDs: [3],
      id: main.id,
      publishedAt: null,
      regionIDs: [china.id],
    }
    for (const user of [null, ctx.editor]) {
      const read = (slug: string, fields: string[]) => directRead(ctx.payload, slug, fields, { user })
      const direct = {
        authors: (await read('authors', ['kind', 'name', 'slug']))!,
        links: (await read('related-links', LINK_FIELDS))!,
        regions: (await read('regions', ['breadcrumbs', 'name', 'path', 'slug']))!,
        sponsors: (await read('sponsors', SPONSOR_FIELDS))!,
        targets: (await read('articles', TARGET_FIELDS))!,
      }
      expect(Object.values(direct).every(Boolean)).toBe(true)
      for (const article of [{ slug: main.slug }, stated])
        for (const query of [{ direct }, { commentsSlug: 'comments' }]) {
          const statement = pageFactsStatement(ctx.payload, {
            ...FACTS_QUERY,
            ...query,
            article,
            authorsSlug: 'authors',
            now: new Date(),
          })
          const { params, sql } = dialect.sqlToQuery(statement)
          expect(compileSql(statement)).toEqual({ params, sql })
        }
    }
  })

  test('rows come back as the Local API reads them: dates, numbers, nulls and order', async () => {
    for (const order of [10, 2])
      await create.relatedLink({
        article: main.id,
        label: `Ordnung ${order}`,
        order,
        type: 'external',
        url: 'https://o.example',
      })
    const read = (await directRead(ctx.payload, 'related-links', LINK_FIELDS))!
    const sponsorsRead = (await directRead(ctx.payload, 'sponsors', SPONSOR_FIELDS))!
    const facts = await findPageFacts(ctx.payload, {
      ...FACTS_QUERY,
      article: { slug: main.slug },
      direct: { links: read, sponsors: sponsorsRead },
      now: new Date(),
    })
    const { docs } = await ctx.payload.find({
      collection: 'related-links',
      depth: 0,
      overrideAccess: false,
      pagination: false,
      select: Object.fromEntries(LINK_FIELDS.map((field) => [field, true])),
      sort: ['order', '-createdAt', '-id'],
      where: { article: { equals: main.id } },
    })
    const picked = (doc: Record<string, unknown>) =>
      Object.fromEntries(['id', ...LINK_FIELDS].map((field) => [field, doc[field] ?? null]))
    expect(facts.linkDocs!.map(picked)).toEqual(docs.map((doc) => picked(doc as never)))
    expect(facts.linkDocs!.map((doc) => doc.order)).toEqual(expect.arrayContaining([2, 10]))
    // Sponsors: the ones that may show, as the Local API reads them, with the plugin's read hook run.
    const sponsors = await ctx.payload.find({
      collection: 'sponsors',
      depth: 0,
      overrideAccess: false,
      pagination: false,
      select: Object.fromEntries(SPONSOR_FIELDS.map((field) => [field, true])),
      sort: ['-priority', 'name', '-createdAt', '-id'],
      where: { id: { in: facts.sponsors.map((sponsor) => sponsor.id) } },
    })
    expect(facts.sponsorDocs).toEqual(sponsors.docs)
    expect(facts.sponsorDocs!.map((doc) => doc.disclosureLabel)).not.toContain('Freundlich empfohlen')
  })

  test("sponsors: the plugin's own date window is stated; a host's answer goes to the Local API", async () => {
    const anonymous = await directRead(ctx.payload, 'sponsors', SPONSOR_FIELDS)
    expect(anonymous?.where).not.toBeNull()
    expect(
      (await directRead(ctx.payload, 'sponsors', SPONSOR_FIELDS, { user: ctx.editor }))?.where,
    ).toBeNull()
    const hooked = await instance('sponsors-hooked', { sponsors: { hooks: { afterRead: [keep] } } })
    // The page's moment is in the past: a sponsor that has ended since shows to neither read.
    for (const caller of [{}, { user: ctx.editor }]) {
      const then = { now: new Date(at(-3)), slug: main.slug, ...caller }
      const direct = await getArticlePage({ payload: ctx.payload, ...then })
      expect(direct).toEqual(await getArticlePage({ payload: hooked.payload, ...then }))
      expect(direct!.sponsors.map((sponsor) => sponsor.name).includes('Abgelaufen')).toBe('user' in caller)
    }
    // The same window written by a host, or the plugin's answer changed by a host, is not stated.
    const copied = await instance('sponsors-copied', {
      sponsors: {
        access: {
          read: () => ({
            and: [
              { active: { equals: true } },
              {
                or: [
                  { activeFrom: { exists: false } },
                  { activeFrom: { less_than_equal: new Date().toISOString() } },
                ],
              },
              {
                or: [
                  { activeUntil: { exists: false } },
                  { activeUntil: { greater_than: new Date().toISOString() } },
                ],
              },
            ],
          }),
        },
      },
    })
    expect(await directRead(copied.payload, 'sponsors', SPONSOR_FIELDS)).toBeNull()
    const narrowed = await instance('sponsors-narrowed', {
      sponsors: {
        override: ({ defaultCollection }: { defaultCollection: CollectionConfig }) => {
          const read = defaultCollection.access!.read!
          return {
            ...defaultCollection,
            access: {
              ...defaultCollection.access,
              read: async (args: Parameters<typeof read>[0]) => {
                const answer = await read(args)
                if (typeof answer === 'object')
                  (answer.and as Where[]).push({ name: { not_equals: 'Zwilling' } })
                return answer
              },
            },
          }
        },
      },
    })
    expect(await directRead(narrowed.payload, 'sponsors', SPONSOR_FIELDS)).toBeNull()
    const names = (await getArticlePage({ payload: narrowed.payload, slug: main.slug }))!.sponsors.map(
      (sponsor) => sponsor.name,
    )
    expect(names).toContain('Altbestand')
    expect(names).not.toContain('Zwilling')
  })

  test('an access rule that throws for this caller leaves the read to the Local API', async () => {
    const careless = await instance('careless', {
      relatedLinks: {
        access: {
          read: ({ req }: { req: PayloadRequest }) =>
            req.user!.collection === 'users' || { articlePublished: { equals: true } },
        },
      },
    })
    const hooked = await instance('careless-hooked', {
      relatedLinks: {
        access: {
          read: ({ req }: { req: PayloadRequest }) =>
            req.user!.collection === 'users' || { articlePublished: { equals: true } },
        },
        hooks: { afterRead: [keep] },
      },
    })
    // A page without links never asks the links' access through the Local API.
    const linkless = await article({ publishedAt: at(-1), title: 'Ohne Verweise' })
    const read = (payload: TestContext['payload'], slug: string) =>
      getArticlePage({ payload, slug }).then(
        (page) => page?.article.title,
        (error: Error) => error.message,
      )
    expect(await read(careless.payload, linkless.slug)).toBe('Ohne Verweise')
    expect(await read(careless.payload, main.slug)).toEqual(await read(hooked.payload, main.slug))
  })

  test("an access rule that reads the caller's headers sees them", async () => {
    const byHeader = await instance('by-header', {
      relatedLinks: {
        access: {
          read: ({ req }: { req: PayloadRequest }) =>
            req.headers.get('x-links') === 'external' ? { type: { equals: 'external' } } : true,
        },
      },
    })
    const req = await createLocalReq(
      { req: { headers: new Headers({ 'x-links': 'external' }) } },
      byHeader.payload,
    )
    const result = await getArticlePage({ payload: byHeader.payload, req, slug: main.slug })
    const curated = result!.related.filter((item) => item.curated)
    expect(curated.length).toBeGreaterThan(0)
    expect(curated.every((item) => item.type === 'external')).toBe(true)
  })

  test('links of the same order and time, and dates past the year 9999, come out the same either way', async () => {
    const hooked = await instance('hooked-again', {
      articles: { hooks: { afterRead: [keep] } },
      relatedLinks: { hooks: { afterRead: [keep] } },
    })
    await ctx.query(
      `UPDATE related_links SET "order" = 0, created_at = '2026-01-01' WHERE article_id = ${main.id}`,
    )
    await ctx.query(`UPDATE articles SET published_at = '10000-01-01' WHERE title = 'Ziel veröffentlicht'`)
    for (const caller of [{}, { user: ctx.editor }]) {
      const direct = await getArticlePage({ payload: ctx.payload, slug: main.slug, ...caller })
      expect(direct).toEqual(await getArticlePage({ payload: hooked.payload, slug: main.slug, ...caller }))
      expect(direct!.related.find((item) => item.title === 'Ziel veröffentlicht')?.publishedAt).toBe(
        '+010000-01-01T00:00:00.000Z',
      )
    }
  })
})

describe('in a site with localization', () => {
  let localized: TestContext
  let page: NewsroomArticle
  beforeAll(async () => {
    localized = await startPayload({
      config: { localization: { defaultLocale: 'de', fallback: true, locales: ['de', 'en'] } },
      key: 'localized',
      plugin,
    })
    const make = fixtures(localized.payload)
    const people = [
      (await make.author({ kind: 'person', name: 'Person Eins' })).id,
      (await make.author({ kind: 'organization', name: 'Agentur' })).id,
    ]
    page = await make.article({ _status: 'published', authors: people, title: 'Zweisprachig' })
  })

  afterAll(async () => localized?.stop())

  test('localized fields are read through the Local API; others directly', async () => {
    expect(await directRead(localized.payload, 'articles', TARGET_FIELDS)).toBeNull()
    expect(await directRead(localized.payload, 'related-links', ['order', 'articlePublished'])).not.toBeNull()
  })

  test("read access is asked in the reader's locale, as the Local API asks it", async () => {
    const byLocale = await startPayloadOn(localized.databaseUrl, {
      config: { localization: { defaultLocale: 'de', fallback: true, locales: ['de', 'en'] } },
      key: 'by-locale',
      plugin: {
        ...plugin,
        collections: {
          authors: {
            access: {
              read: ({ req }) => (req.locale === 'en' ? { kind: { equals: 'organization' } } : true),
            },
          },
        },
      },
    })
    others.push(byLocale)
    const names = async (locale: string) =>
      (await getArticlePage({ locale, payload: byLocale.payload, slug: page.slug }))!.article.authors.map(
        (author) => author.name,
      )
    expect(await names('en')).toEqual(['Agentur'])
    expect(await names('de')).toEqual(['Person Eins', 'Agentur'])
  })
})

describe('without a media collection', () => {
  test('sponsors, which then have no logo, are read directly all the same', async () => {
    const bare = await startPayload({ key: 'no-media', plugin: { related: plugin.related } })
    others.push(bare)
    const make = fixtures(bare.payload)
    await make.sponsor({ name: 'Ohne Logo', url: 'https://ohne.example' })
    const subject = await make.article({ _status: 'published', title: 'Ohne Bilder' })
    let result = null as Awaited<ReturnType<typeof getArticlePage>>
    const queries = await recordQueries(
      async () => (result = await getArticlePage({ payload: bare.payload, slug: subject.slug })),
    )
    expect(result!.sponsors.map((sponsor) => sponsor.name)).toEqual(['Ohne Logo'])
    // The article and the facts: nothing else to read.
    expect(queries).toHaveLength(2)
  })
})

describe('with drafts on sponsors', () => {
  test('a sponsor saved only as a draft shows to no reader, read either way', async () => {
    const override = ({ defaultCollection }: { defaultCollection: CollectionConfig }) => ({
      ...defaultCollection,
      versions: { drafts: true },
    })
    const drafted = await startPayload({
      key: 'sponsor-drafts',
      plugin: { ...plugin, collections: { sponsors: { override } } },
    })
    others.push(drafted)
    const hooked = await startPayloadOn(drafted.databaseUrl, {
      key: 'sponsor-drafts-hooked',
      plugin: { ...plugin, collections: { sponsors: { hooks: { afterRead: [keep] }, override } } },
    })
    others.push(hooked)
    const make = fixtures(drafted.payload)
    const published = await make.sponsor({
      _status: 'published',
      name: 'Veröffentlicht',
      url: 'https://v.example',
    } as never)
    // A newer draft of a published sponsor: readers keep the published one.
    await drafted.payload.update({
      collection: 'sponsors',
      data: { name: 'Neuer Entwurf' },
      draft: true,
      id: published.id,
    })
    await make.sponsor({ _status: 'draft', name: 'Nur Entwurf', url: 'https://e.example' } as never, {
      draft: true,
    })
    const subject = await make.article({ _status: 'published', title: 'Mit Entwürfen' })
    expect(await directRead(drafted.payload, 'sponsors', SPONSOR_FIELDS)).not.toBeNull()
    for (const payload of [drafted.payload, hooked.payload]) {
      const page = await getArticlePage({ payload, slug: subject.slug })
      expect(page!.sponsors.map((sponsor) => sponsor.name)).toEqual(['Veröffentlicht'])
    }
    // Nor do a reader account's versions show the drafts: versions are the editors'.
    const reader = await createReader(drafted.payload)
    await expect(
      drafted.payload.findVersions({ collection: 'sponsors', overrideAccess: false, user: reader }),
    ).rejects.toThrow()
    const versions = await drafted.payload.findVersions({
      collection: 'sponsors',
      overrideAccess: false,
      user: await createEditor(drafted.payload),
    })
    expect(versions.totalDocs).toBeGreaterThan(0)
  })
})

describe('with a text id for authors', () => {
  test('the page reads them directly all the same', async () => {
    const texts = await startPayload({
      key: 'text-ids',
      plugin: {
        ...plugin,
        collections: {
          authors: {
            fields: ({ defaultFields }) => [{ name: 'id', type: 'text' }, ...defaultFields],
          },
        },
      },
    })
    others.push(texts)
    const make = fixtures(texts.payload)
    const author = await make.author({ id: 'aigerim', name: 'Aigerim' } as never)
    const subject = await make.article({ _status: 'published', authors: [author.id], title: 'Textschlüssel' })
    expect(await directRead(texts.payload, 'authors', ['kind', 'name', 'slug'])).not.toBeNull()
    const result = await getArticlePage({ payload: texts.payload, slug: subject.slug })
    expect(result!.article.authors.map((entry) => entry.name)).toEqual(['Aigerim'])
  })
})
