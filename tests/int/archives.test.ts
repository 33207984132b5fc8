import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import {
  getAuthorPage,
  getRegionPage,
  type NewsroomArticle,
  type NewsroomAuthor,
  type NewsroomRegion,
  type RegionPage,
} from '../../src/index.js'
import { cursorKey, encodeCursor } from '../../src/delivery/archives/cursor.js'
import { type FixtureData, fixtures, type Fixtures } from '../helpers/fixtures.js'
import { createReader, recordQueries, startWithEditor } from '../helpers/payload.js'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let readerToken: string
let asia: NewsroomRegion, china: NewsroomRegion, beijing: NewsroomRegion
let kazakhstan: NewsroomRegion, europe: NewsroomRegion
let reporter: NewsroomAuthor, agency: NewsroomAuthor
/** Published articles of Asien and its descendants, newest first, as the list must give them. */
const asiaTitles: string[] = []

const at = (day: number, hour = 8) => new Date(Date.UTC(2026, 3, day, hour)).toISOString()

beforeAll(async () => {
  ctx = await startWithEditor({
    plugin: { media: 'media', site: { name: 'Steppenbote', url: 'https://news.example' } },
  })
  create = fixtures(ctx.payload)
  await createReader(ctx.payload)
  readerToken = await ctx.rest.login('readers', 'reader@newsroom.test', 'secret-password')
  asia = await create.region({ name: 'Asien', type: 'continent' })
  europe = await create.region({ name: 'Europa', type: 'continent' })
  china = await create.region({ name: 'China', type: 'country', isoCode: 'CN', parent: asia.id })
  beijing = await create.region({ name: 'Peking', type: 'city', parent: china.id })
  kazakhstan = await create.region({ name: 'Kasachstan', type: 'country', isoCode: 'KZ', parent: asia.id })
  reporter = await create.author({
    bio: 'Berichtet aus Almaty.',
    name: 'Aigerim Nurlanowa',
    role: 'Korrespondentin',
    sameAs: [{ url: 'https://social.example/@aigerim' }],
    user: ctx.editor.id,
  })
  agency = await create.author({ kind: 'organization', name: 'Zentralasiatischer Pressedienst' })

  const published = (data: FixtureData<NewsroomArticle>) => create.article({ _status: 'published', ...data })
  // Three articles share one moment: the list must still order and page them without gaps.
  const plan: [string, NewsroomRegion, string, number[]][] = [
    ['Peking neu', beijing, at(20), [reporter.id]],
    ['Gleichzeitig A', china, at(18), [reporter.id, agency.id]],
    ['Gleichzeitig B', kazakhstan, at(18), [agency.id]],
    ['Gleichzeitig C', asia, at(18), []],
    ['Kasachstan alt', kazakhstan, at(10), [reporter.id]],
    ['China ältest', china, at(2), []],
  ]
  for (const [title, region, publishedAt, authors] of plan) {
    await published({ authors, publishedAt, regions: [region.id], title })
  }
  const advertiser = await create.sponsor({ active: false, name: 'Werbekunde', url: 'https://kunde.example' })
  await published({
    ai: { usage: 'generated' },
    paidBy: advertiser.id,
    paidContent: true,
    publishedAt: at(15),
    regions: [china.id],
    title: 'Anzeige China',
  })
  asiaTitles.push(
    'Peking neu',
    // Same moment: created later first, as Payload's sort: '-publishedAt' orders them.
    'Gleichzeitig C',
    'Gleichzeitig B',
    'Gleichzeitig A',
    'Anzeige China',
    'Kasachstan alt',
    'China ältest',
  )
  await published({ publishedAt: at(19), regions: [europe.id], title: 'Europa' })
  await create.article(
    { publishedAt: at(25), regions: [china.id], title: 'Entwurf China', authors: [reporter.id] },
    { draft: true },
  )
  // Published, then a draft saved over it: listed once, with its published title.
  const revised = await published({
    publishedAt: at(5),
    regions: [kazakhstan.id],
    title: 'Veröffentlichte Fassung',
  })
  await ctx.payload.update({
    id: revised.id,
    collection: 'articles',
    data: { title: 'Entwurfsfassung' },
    draft: true,
  })
  asiaTitles.splice(asiaTitles.indexOf('China ältest'), 0, 'Veröffentlichte Fassung')

  await create.sponsor({ name: 'Überall', url: 'https://ueberall.example' })
  await create.sponsor({ name: 'Für Asien', regions: [asia.id], url: 'https://asien.example' })
  await create.sponsor({ name: 'Für Europa', regions: [europe.id], url: 'https://europa.example' })
}, 120_000)
afterAll(async () => ctx?.stop())

/** Every page of a region's list, walked by cursor. */
const walk = async (path: string, limit: number) => {
  const pages: RegionPage[] = []
  let cursor: null | string = null
  do {
    const page: RegionPage = (await getRegionPage({ cursor, limit, path, payload: ctx.payload }))!
    pages.push(page)
    cursor = page.nextCursor
  } while (cursor && pages.length < 50)
  return pages
}

describe('a region page', () => {
  test('lists the published articles of the region and all its descendants, newest first, not drafts', async () => {
    const page = (await getRegionPage({ path: 'asien', payload: ctx.payload }))!
    expect(page.articles.map((item) => item.title)).toEqual(asiaTitles)
    expect(page.nextCursor).toBeNull()
    const china_ = (await getRegionPage({ path: 'asien/china', payload: ctx.payload }))!
    expect(china_.articles.map((item) => item.title)).toEqual([
      'Peking neu',
      'Gleichzeitig A',
      'Anzeige China',
      'China ältest',
    ])
  })

  test('the region with breadcrumbs linking every ancestor, and its children by name', async () => {
    const page = (await getRegionPage({ slug: 'china', payload: ctx.payload }))!
    expect(page.region).toMatchObject({
      name: 'China',
      path: 'asien/china',
      type: 'country',
      url: '/regions/asien/china',
    })
    expect(page.region.breadcrumbs.map((crumb) => [crumb.name, crumb.url])).toEqual([
      ['Asien', '/regions/asien'],
      ['China', '/regions/asien/china'],
    ])
    expect(page.children.map((child) => child.name)).toEqual(['Peking'])
    const top = (await getRegionPage({ path: 'asien', payload: ctx.payload }))!
    expect(top.children.map((child) => child.name)).toEqual(['China', 'Kasachstan'])
  })

  test('paid content carries its disclosure label; items carry their URL', async () => {
    const page = (await getRegionPage({ path: 'asien/china', payload: ctx.payload }))!
    const paid = page.articles.find((item) => item.title === 'Anzeige China')!
    expect(paid.label).toBe('Anzeige')
    expect(page.articles.filter((item) => item.label !== null)).toHaveLength(1)
    expect(paid.url).toBe(`/articles/${paid.slug}`)
    // Each item says what the AI Act asks of its text.
    expect(paid.aiAct).toBe('disclose')
    expect(page.articles.filter((item) => item.aiAct !== null)).toHaveLength(1)
    const english = (await getRegionPage({ locale: 'en', path: 'asien/china', payload: ctx.payload }))!
    expect(english.articles.find((item) => item.title === 'Anzeige China')!.label).toBe('Sponsored')
  })

  test('sponsors: untargeted, or targeted at the region or an ancestor; apart from the list', async () => {
    const page = (await getRegionPage({ path: 'asien/china/peking', payload: ctx.payload }))!
    expect(page.sponsors.map((sponsor) => sponsor.name).sort()).toEqual(['Für Asien', 'Überall'])
    expect(page.sponsors.every((sponsor) => sponsor.rel === 'sponsored noopener')).toBe(true)
    const europePage = (await getRegionPage({ path: 'europa', payload: ctx.payload }))!
    expect(europePage.sponsors.map((sponsor) => sponsor.name).sort()).toEqual(['Für Europa', 'Überall'])
    expect(page.cache.tags).toEqual(
      expect.arrayContaining(page.sponsors.map((sponsor) => `newsroom:sponsors:${sponsor.id}`)),
    )
  })

  test.each([1, 2, 3])('walking pages of %i gives every article once, in order', async (limit) => {
    const pages = await walk('asien', limit)
    expect(pages.flatMap((page) => page.articles.map((item) => item.title))).toEqual(asiaTitles)
    expect(pages.at(-1)!.nextCursor).toBeNull()
    expect(pages.slice(0, -1).every((page) => page.articles.length === limit)).toBe(true)
  })

  test('page 4 costs the same statements as page 1', async () => {
    const pages = await walk('asien', 2)
    const cursor = pages[3 - 1]!.nextCursor
    const first = await recordQueries(() => getRegionPage({ limit: 2, path: 'asien', payload: ctx.payload }))
    const fourth = await recordQueries(() =>
      getRegionPage({ cursor, limit: 2, path: 'asien', payload: ctx.payload }),
    )
    expect(fourth.length).toBe(first.length)
    expect(first.length).toBeLessThanOrEqual(6)
    const overRest = await recordQueries(() =>
      ctx.rest.get(`/newsroom/regions/asien?limit=2&cursor=${cursor}`),
    )
    expect(overRest.length).toBe(first.length)
  })

  test('JSON-LD: a CollectionPage with a BreadcrumbList and the listed articles, absolute URLs', async () => {
    const page = (await getRegionPage({ path: 'asien/china', payload: ctx.payload }))!
    expect(page.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'CollectionPage',
      breadcrumb: {
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', item: 'https://news.example/regions/asien', name: 'Asien', position: 1 },
          {
            '@type': 'ListItem',
            item: 'https://news.example/regions/asien/china',
            name: 'China',
            position: 2,
          },
        ],
      },
      inLanguage: 'de',
      name: 'China',
      url: 'https://news.example/regions/asien/china',
    })
    const listed = (page.jsonLd.mainEntity as { itemListElement: { url: string }[] }).itemListElement
    expect(listed.map((item) => item.url)).toEqual(
      page.articles.map((item) => `https://news.example${item.url}`),
    )
  })

  test('cache tags name the region, its ancestors and children and the lists, not each listed article', async () => {
    const page = (await getRegionPage({ path: 'asien/china', payload: ctx.payload }))!
    expect(page.cache.tags).toEqual(
      expect.arrayContaining([
        `newsroom:regions:${asia.id}`,
        `newsroom:regions:${china.id}`,
        `newsroom:regions:${beijing.id}`,
        `newsroom:list:region:${china.id}`,
        'newsroom:list:articles',
      ]),
    )
    expect(page.articles.length).toBeGreaterThan(0)
    expect(page.cache.tags.filter((tag) => tag.startsWith('newsroom:articles:'))).toEqual([])
  })

  test('unknown regions are null, and a 404 over REST', async () => {
    expect(await getRegionPage({ path: 'asien/mars', payload: ctx.payload })).toBeNull()
    const response = await ctx.rest.get('/newsroom/regions/asien/mars')
    expect(response.status).toBe(404)
  })
})

describe('an author page', () => {
  test('the profile and the bylined articles, newest first; the editor account is never delivered', async () => {
    const page = (await getAuthorPage({ slug: reporter.slug, payload: ctx.payload }))!
    expect(page.author).toEqual({
      bio: 'Berichtet aus Almaty.',
      id: reporter.id,
      image: null,
      kind: 'person',
      name: 'Aigerim Nurlanowa',
      role: 'Korrespondentin',
      sameAs: ['https://social.example/@aigerim'],
      slug: 'aigerim-nurlanowa',
      url: '/authors/aigerim-nurlanowa',
    })
    expect(page.articles.map((item) => item.title)).toEqual([
      'Peking neu',
      'Gleichzeitig A',
      'Kasachstan alt',
    ])
    const overRest = await ctx.rest.get(`/newsroom/authors/${reporter.slug}`)
    expect(overRest.status).toBe(200)
    expect(overRest.text).not.toContain('"user"')
    expect(overRest.text).not.toContain('editor@newsroom.test')
  })

  test('JSON-LD: a ProfilePage about a Person, or an Organization for an agency', async () => {
    const person = (await getAuthorPage({ slug: reporter.slug, payload: ctx.payload }))!
    expect(person.jsonLd).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: {
        '@type': 'Person',
        jobTitle: 'Korrespondentin',
        name: 'Aigerim Nurlanowa',
        sameAs: ['https://social.example/@aigerim'],
        url: 'https://news.example/authors/aigerim-nurlanowa',
      },
    })
    const organization = (await getAuthorPage({ slug: agency.slug, payload: ctx.payload }))!
    expect(organization.jsonLd.mainEntity).toMatchObject({
      '@type': 'Organization',
      name: 'Zentralasiatischer Pressedienst',
    })
    expect(organization.articles.map((item) => item.title)).toEqual(['Gleichzeitig B', 'Gleichzeitig A'])
  })

  test('pages of one cost the same statements', async () => {
    const first = (await getAuthorPage({ limit: 1, slug: reporter.slug, payload: ctx.payload }))!
    const one = await recordQueries(() =>
      getAuthorPage({ limit: 1, slug: reporter.slug, payload: ctx.payload }),
    )
    const two = await recordQueries(() =>
      getAuthorPage({ cursor: first.nextCursor, limit: 1, slug: reporter.slug, payload: ctx.payload }),
    )
    expect(two.length).toBe(one.length)
    expect(one.length).toBeLessThanOrEqual(4)
  })

  test('unknown authors are null, and a 404 over REST', async () => {
    expect(await getAuthorPage({ slug: 'niemand', payload: ctx.payload })).toBeNull()
    expect((await ctx.rest.get('/newsroom/authors/niemand')).status).toBe(404)
  })

  test('the linked editor account is hidden from readers over REST and GraphQL, and filtering on it tells nothing', async () => {
    for (const token of [undefined, readerToken]) {
      const listed = await ctx.rest.get('/authors?depth=1', { token })
      expect(listed.json.docs.length).toBe(2)
      for (const doc of listed.json.docs) expect(doc.user).toBeUndefined()
      const filtered = await ctx.rest.get(`/authors?where[user][equals]=${ctx.editor.id}`, { token })
      if (filtered.status === 200) expect(filtered.json.totalDocs).toBe(2)
      else expect(filtered.status).toBeGreaterThanOrEqual(400)
    }
    // Three hops through the hidden field: a 400 before Payload's own check, which would leave an
    // unhandled rejection behind (vitest fails the run on one).
    for (const token of [undefined, readerToken]) {
      const deep = await ctx.rest.get('/articles?where[authors.user.email][like]=editor', { token })
      expect(deep.status).toBe(400)
      expect(deep.text).toContain('authors.user.email')
      const count = await ctx.rest.get('/articles/count?where[authors.user.email][like]=editor', { token })
      expect(count.status).toBe(400)
    }
    const asEditorDeep = await ctx.rest.get('/articles?where[authors.user.email][like]=editor', {
      token: ctx.token,
    })
    expect(asEditorDeep.status).toBe(200)
    const graphql = await ctx.rest.graphql('{ Authors { docs { name user { email } } } }')
    expect(JSON.stringify(graphql.json)).not.toContain('editor@newsroom.test')
    const asEditor = await ctx.rest.get(`/authors/${reporter.id}?depth=0`, { token: ctx.token })
    expect(asEditor.json.user).toBe(ctx.editor.id)
  })
})

describe('over REST, as anyone', () => {
  test('a logged-in reader sees exactly what an anonymous reader sees', async () => {
    for (const path of ['/newsroom/regions/asien?limit=3', `/newsroom/authors/${reporter.slug}`]) {
      const anonymous = await ctx.rest.get(path)
      const reader = await ctx.rest.get(path, { token: readerToken })
      expect(anonymous.status).toBe(200)
      expect(reader.text).toBe(anonymous.text)
    }
    // Editors see no drafts in archives either: an archive is what readers get.
    const editor = await ctx.rest.get('/newsroom/regions/asien/china', { token: ctx.token })
    expect(editor.text).not.toContain('Entwurf China')
  })

  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  test.each([
    ['cursor', 'cursor=nicht-von-uns'],
    ['cursor', `cursor=${forged({ id: 1 })}`],
    ['cursor', `cursor=${forged(['x', 'y', 1])}`],
    ['cursor', `cursor=${forged([at(1), at(1), '1 OR 1=1'])}`],
    ['limit', 'limit=0'],
    ['limit', 'limit=-1'],
    ['limit', 'limit=2.5'],
    ['limit', 'limit=abc'],
    ['limit', 'limit=101'],
    ['locale', 'locale=xx-INVALID-1'],
  ])('a malformed %s is a 400 naming it (%s)', async (name, query) => {
    for (const base of ['/newsroom/regions/asien', `/newsroom/authors/${reporter.slug}`]) {
      const response = await ctx.rest.get(`${base}?${query}`)
      expect(response.status).toBe(400)
      expect(response.json.errors[0].message).toMatch(new RegExp(`^${name}:`))
    }
  })

  test('a cursor sealed by the site is only a position: it never shows a draft or another region', async () => {
    // From far in the future: the whole list again, drafts left out.
    const key = cursorKey(ctx.payload.secret)
    const future = encodeCursor({ createdAt: at(30), id: 1, publishedAt: '2099-01-01T00:00:00.000Z' }, key)
    const page = await ctx.rest.get(`/newsroom/regions/asien/china?cursor=${future}`)
    expect(page.status).toBe(200)
    expect(page.json.articles.map((item: { title: string }) => item.title)).toEqual([
      'Peking neu',
      'Gleichzeitig A',
      'Anzeige China',
      'China ältest',
    ])
    const past = encodeCursor({ createdAt: at(1), id: 1, publishedAt: '2000-01-01T00:00:00.000Z' }, key)
    expect((await ctx.rest.get(`/newsroom/regions/asien?cursor=${past}`)).json.articles).toEqual([])
  })

  test('a path with a NUL byte or a broken escape is refused, not a 500', async () => {
    expect((await ctx.rest.get('/newsroom/regions/asien%00')).status).toBe(400)
    expect((await ctx.rest.get('/newsroom/authors/%00')).status).toBe(400)
    const broken = await ctx.rest.get('/newsroom/regions/%E0%A4%A')
    expect(broken.status).toBeGreaterThanOrEqual(400)
    expect(broken.status).toBeLessThan(500)
  })
})

describe('authors as bylines', () => {
  test('deleting an author keeps its articles saveable and drops it from their bylines', async () => {
    const temporary = await create.author({ name: 'Gastautor' })
    const article = await create.article({
      _status: 'published',
      authors: [temporary.id, agency.id],
      title: 'Gastbeitrag',
    })
    await ctx.payload.delete({ id: temporary.id, collection: 'authors' })
    const saved = await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { subtitle: 'Nachtrag' },
    })
    expect((saved.authors as { id: number }[]).map((author) => author.id)).toEqual([agency.id])
  })
})
