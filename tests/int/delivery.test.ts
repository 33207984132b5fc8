import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { findPageFacts } from '../../src/delivery/pageFacts.js'
import {
  getArticlePage,
  type NewsroomArticle,
  type NewsroomAuthor,
  type NewsroomRegion,
  type NewsroomSponsor,
} from '../../src/index.js'
import { type FixtureData, fixtures, type Fixtures } from '../helpers/fixtures.js'
import { recordQueries, startWithEditor } from '../helpers/payload.js'

type Doc = Record<string, any>
const url = 'https://quelle.example/bericht'
const day = 24 * 60 * 60 * 1000

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let reporter: NewsroomAuthor
let advertiser: NewsroomSponsor
let asia: NewsroomRegion, china: NewsroomRegion, kazakhstan: NewsroomRegion, europe: NewsroomRegion
beforeAll(async () => {
  ctx = await startWithEditor({
    plugin: {
      media: 'media',
      related: { limit: 4, maxAgeDays: 30 },
      site: { name: 'Steppenbote', url: 'https://news.example/' },
    },
  })
  create = fixtures(ctx.payload)
  asia = await create.region({ name: 'Asien', type: 'continent' })
  europe = await create.region({ name: 'Europa', type: 'continent' })
  china = await create.region({ name: 'China', type: 'country', isoCode: 'CN', parent: asia.id })
  reporter = await create.author({ name: 'Aigerim Nurlanowa', user: ctx.editor.id })
  // Its campaign is over: readers may not list it, but the articles it paid for still name it.
  advertiser = await create.sponsor({ active: false, name: 'Reisebüro Nord', url: 'https://reisen.example' })
  kazakhstan = await create.region({ name: 'Kasachstan', type: 'country', isoCode: 'KZ', parent: asia.id })
})
afterAll(async () => ctx?.stop())

// This file's defaults: articles published, sponsors linking somewhere.
const article = (data: FixtureData<NewsroomArticle>, draft = false) =>
  create.article({ _status: 'published', ...data }, { draft })
const sponsor = (data: FixtureData<NewsroomSponsor>) =>
  create.sponsor({ url: 'https://sponsor.example', ...data })
const page = (slug: string, extra: Partial<Parameters<typeof getArticlePage>[0]> = {}) =>
  getArticlePage({ payload: ctx.payload, slug, ...extra })

describe('the page of one article', () => {
  let main: NewsroomArticle
  beforeAll(async () => {
    main = await article({
      title: 'Außenminister treffen sich in Almaty',
      subtitle: 'Sechstes Treffen im Zentralasien-China-Format',
      regions: [china.id, kazakhstan.id],
      authors: [reporter.id],
      dateline: { place: 'Almaty', date: '2026-04-26T08:00:00.000Z' },
      publishedAt: '2026-04-26T08:00:00.000Z',
      ai: { usage: 'rewritten' },
      source: { kind: 'external', name: 'Steppenkurier', url },
    })
  })

  test('carries the article, its regions with breadcrumbs, the primary region and the kicker', async () => {
    const result = (await page(main.slug))!
    expect(result.article).toMatchObject({
      id: main.id,
      slug: main.slug,
      title: main.title,
      status: 'published',
    })
    expect(result.article.dateline.text).toBe('Almaty, 26. April')
    expect(result.regions.map((region) => region.path)).toEqual(['asien/china', 'asien/kasachstan'])
    expect(result.primaryRegion?.breadcrumbs.map((crumb) => crumb.name)).toEqual(['Asien', 'China'])
    expect(result.kicker).toEqual({ label: 'China', paid: false })
    expect(result.layout.backToTop.targetId).toBe('top')
    expect(result.comments.notice).toBe(
      'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.',
    )
  })

  test('attribution is the notice, with its link; null when none is required', async () => {
    const result = (await page(main.slug))!
    expect(result.attribution?.segments).toEqual([
      { text: 'Diese Nachricht wurde ' },
      { href: url, text: 'dieser Quelle' },
      { text: ' entnommen und von künstlicher Intelligenz umgeschrieben.' },
    ])
    const plain = await article({ title: 'Eigener Bericht ohne Hinweis' })
    expect((await page(plain.slug))!.attribution).toBeNull()
  })

  test('JSON-LD: a NewsArticle with source, AI type, place, author, publisher and absolute URL', async () => {
    const { jsonLd } = (await page(main.slug))!
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      alternativeHeadline: 'Sechstes Treffen im Zentralasien-China-Format',
      author: [
        {
          '@type': 'Person',
          name: 'Aigerim Nurlanowa',
          url: 'https://news.example/authors/aigerim-nurlanowa',
        },
      ],
      contentLocation: { '@type': 'Place', name: 'China' },
      dateline: 'Almaty, 26. April',
      datePublished: '2026-04-26T08:00:00.000Z',
      digitalSourceType: 'https://schema.org/TrainedAlgorithmicMediaDigitalSource',
      headline: main.title,
      inLanguage: 'de',
      isBasedOn: url,
      publisher: { '@type': 'Organization', name: 'Steppenbote', url: 'https://news.example' },
      timeRequired: 'PT1M',
      url: `https://news.example/articles/${main.slug}`,
    })
    expect(jsonLd.dateModified).toBeTruthy()
  })

  test('unknown slugs and drafts are not served to anonymous readers; editors may ask for drafts', async () => {
    expect(await page('gibt-es-nicht')).toBeNull()
    const draft = await article({ title: 'Noch nicht fertig', _status: 'draft' }, true)
    expect(await page(draft.slug)).toBeNull()
    await expect(page(draft.slug, { draft: true })).rejects.toMatchObject({ status: 403 })
    const asEditor = await page(draft.slug, { draft: true, user: ctx.editor })
    expect(asEditor?.article.status).toBe('draft')
  })
})

describe('sponsors', () => {
  test('active now, untargeted or targeted at a region or its ancestor, highest priority first', async () => {
    const now = new Date()
    const subject = await article({ title: 'Sponsorenseite', regions: [china.id] })
    await sponsor({ name: 'Überall', priority: 1 })
    await sponsor({ name: 'Asien-Partner', priority: 5, regions: [asia.id] })
    await sponsor({ name: 'China-Partner', priority: 9, regions: [china.id] })
    await sponsor({ name: 'Europa-Partner', priority: 20, regions: [europe.id] })
    await sponsor({ name: 'Ausgeschaltet', priority: 30, active: false })
    await sponsor({
      name: 'Abgelaufen',
      priority: 30,
      activeFrom: new Date(+now - 3 * day).toISOString(),
      activeUntil: new Date(+now - day).toISOString(),
    })
    await sponsor({ name: 'Später', priority: 30, activeFrom: new Date(+now + day).toISOString() })
    const result = (await page(subject.slug, { now }))!
    expect(result.sponsors.map((entry) => entry.name)).toEqual(['China-Partner', 'Asien-Partner', 'Überall'])
    for (const entry of result.sponsors)
      expect(entry).toMatchObject({ disclosureLabel: 'Anzeige', rel: 'sponsored noopener' })
    // Access already limits anonymous readers to what is active now; editors may preview another moment.
    const later = (await page(subject.slug, { now: new Date(+now + 2 * day), user: ctx.editor }))!
    expect(later.sponsors.map((entry) => entry.name)).toContain('Später')
  })

  test("an editor's draft preview follows the draft's regions and sponsors, readers the published ones", async () => {
    const subject = await article({ title: 'Umzug nach Europa', regions: [china.id] })
    await sponsor({ name: 'Nur Europa', regions: [europe.id] })
    // Targeted elsewhere: it shows only because the draft chooses it.
    const chosen = await sponsor({ name: 'Gewählt', regions: [kazakhstan.id], priority: -1 })
    await ctx.payload.update({
      id: subject.id,
      collection: 'articles',
      data: { regions: [europe.id], sponsors: [chosen.id] },
      draft: true,
    })
    const published = (await page(subject.slug))!
    const preview = (await page(subject.slug, { draft: true, user: ctx.editor }))!
    expect(published.regions.map((region) => region.name)).toEqual(['China'])
    expect(published.sponsors.map((entry) => entry.name)).toContain('China-Partner')
    expect(published.sponsors.map((entry) => entry.name)).not.toContain('Nur Europa')
    expect(preview.regions.map((region) => region.name)).toEqual(['Europa'])
    expect(preview.sponsors.map((entry) => entry.name)).toContain('Nur Europa')
    expect(preview.sponsors.map((entry) => entry.name)).toContain('Gewählt')
    expect(preview.sponsors.map((entry) => entry.name)).not.toContain('China-Partner')
    expect(published.sponsors.map((entry) => entry.name)).not.toContain('Gewählt')

    // The published page's own choice counts too, targeted elsewhere or not at all.
    const choosing = await article({
      title: 'Mit eigenem Sponsor',
      regions: [europe.id],
      sponsors: [chosen.id],
    })
    expect((await page(choosing.slug))!.sponsors.map((entry) => entry.name)).toContain('Gewählt')

    // An editor's draft preview stays within the statement budget too.
    const queries = await recordQueries(() => page(subject.slug, { draft: true, user: ctx.editor }))
    expect(queries.length).toBeLessThanOrEqual(8)
  })
})

describe('related', () => {
  test('the date walk, its fallback and the shortcut when enough share several regions agree', async () => {
    const region = (name: string) => create.region({ name, type: 'other' })
    const [north, south] = [await region('Nordufer'), await region('Südufer')]
    const base = Date.parse('2026-06-01T08:00:00.000Z')
    const at = (days: number) => new Date(base + days * day).toISOString()
    const subject = await article({ title: 'Am Fluss', regions: [north.id, south.id], publishedAt: at(0) })
    const titled = async (regions: number[], days: number, title: string) =>
      (await article({ title, regions, publishedAt: at(days) })).id
    const bothOld = await titled([north.id, south.id], -9, 'Beide, alt')
    const ones = [
      await titled([north.id], -1, 'Nord 1'),
      await titled([south.id], -2, 'Süd 2'),
      await titled([north.id], -3, 'Nord 3'),
    ]
    const facts = (walk?: number) =>
      findPageFacts(ctx.payload, {
        article: { slug: subject.slug },
        articlesSlug: 'articles',
        hasLogo: true,
        limit: 4,
        maxAgeDays: 30,
        now: new Date(),
        regionsSlug: 'regions',
        relatedLinksSlug: 'related-links',
        sponsorsSlug: 'sponsors',
        walk,
      })
    // The walk finds enough; with one row allowed it cannot, and the regions' articles are read.
    const expected = [bothOld, ...ones]
    expect((await facts()).relatedIDs).toEqual(expected)
    expect((await facts(1)).relatedIDs).toEqual(expected)
    expect((await facts(2)).relatedIDs).toEqual(expected)
    // Four sharing both regions: they fill the list, newest first, whatever the walk.
    const both = [
      await titled([north.id, south.id], -20, 'Beide 20'),
      await titled([north.id, south.id], -15, 'Beide 15'),
      await titled([north.id, south.id], -12, 'Beide 12'),
    ]
    for (const walk of [undefined, 1]) {
      expect((await facts(walk)).relatedIDs).toEqual([bothOld, both[2], both[1], both[0]])
    }
  })

  test('curated first in order, then automatic by shared regions and recency, with the exclusions', async () => {
    const base = Date.parse('2026-03-01T08:00:00.000Z')
    const at = (days: number) => new Date(base + days * day).toISOString()
    const subject = await article({ title: 'Thema', regions: [china.id, kazakhstan.id], publishedAt: at(0) })
    const both = await article({
      title: 'Beide Regionen',
      regions: [china.id, kazakhstan.id],
      publishedAt: at(-5),
    })
    const recentOne = await article({ title: 'Eine Region, neu', regions: [china.id], publishedAt: at(-1) })
    const olderOne = await article({
      title: 'Eine Region, älter',
      regions: [kazakhstan.id],
      publishedAt: at(-3),
    })
    await article({
      title: 'Anzeige über China',
      regions: [china.id],
      publishedAt: at(-1),
      paidBy: advertiser.id,
      paidContent: true,
    })
    await article({ title: 'Zu alt', regions: [china.id], publishedAt: at(-60) })
    await article({ title: 'Anderswo', regions: [europe.id], publishedAt: at(-1) })
    await article(
      { title: 'Entwurf über China', regions: [china.id], publishedAt: at(-1), _status: 'draft' },
      true,
    )
    const curatedTarget = await article({ title: 'Kuratiert', regions: [china.id], publishedAt: at(-2) })
    const unpublishedTarget = await article({ title: 'Ziel im Entwurf', _status: 'draft' }, true)
    await create.relatedLink({
      article: subject.id,
      type: 'external',
      url: 'https://extern.example',
      label: 'Hintergrund',
      order: 2,
    })
    await create.relatedLink({ article: subject.id, type: 'internal', target: curatedTarget.id, order: 1 })
    await create.relatedLink({
      article: subject.id,
      type: 'internal',
      target: unpublishedTarget.id,
      order: 0,
    })

    const result = (await page(subject.slug))!
    expect(result.related.map((item) => [item.title, item.curated])).toEqual([
      ['Kuratiert', true],
      ['Hintergrund', true],
      ['Beide Regionen', false],
      ['Eine Region, neu', false],
    ])
    expect(result.related[0]).toMatchObject({ slug: curatedTarget.slug, type: 'internal' })
    expect(result.related[1]).toMatchObject({ type: 'external', url: 'https://extern.example' })
    expect(result.related.map((item) => item.slug)).not.toContain(subject.slug)
    void both
    void recentOne
    void olderOne
  })

  test('paid content is labelled in its kicker and typed AdvertiserContentArticle', async () => {
    const paid = await article({
      title: 'Reisen nach Almaty',
      regions: [kazakhstan.id],
      paidBy: advertiser.id,
      paidContent: true,
    })
    const result = (await page(paid.slug))!
    expect(result.kicker).toEqual({ label: 'Anzeige', paid: true })
    expect(result.jsonLd['@type']).toBe('AdvertiserContentArticle')
  })

  test('a paid article carries "Anzeige" with its title, in curated links to it, names its advertiser and marks its links', async () => {
    const linkTo = (url: string) => ({
      children: [{ text: 'Angebot', type: 'text' }],
      fields: { linkType: 'custom', newTab: false, url },
      type: 'link',
      version: 1,
    })
    const paragraph = (children: unknown[]) => ({ children, type: 'paragraph', version: 1 })
    const content = {
      root: {
        children: [
          paragraph([
            { text: 'Jetzt buchen: ', type: 'text', version: 1 },
            linkTo('https://reisen.example/almaty'),
          ]),
        ],
        type: 'root',
        version: 1,
      },
    }
    const paid = await article({
      content: content as never,
      paidBy: advertiser.id,
      paidContent: true,
      regions: [kazakhstan.id],
      title: 'Mit dem Zug durch die Steppe',
    })
    const curating = await article({ title: 'Reisetipps', regions: [europe.id] })
    await create.relatedLink({ article: curating.id, target: paid.id, type: 'internal' })

    const result = (await ctx.rest.get(`/newsroom/articles/${paid.slug}`)).json
    expect(result.article).toMatchObject({
      label: 'Anzeige',
      paidBy: { name: 'Reisebüro Nord', rel: 'sponsored noopener', url: 'https://reisen.example' },
      title: 'Mit dem Zug durch die Steppe',
    })
    expect(result.jsonLd).toMatchObject({
      headline: 'Anzeige: Mit dem Zug durch die Steppe',
      sponsor: { '@type': 'Organization', name: 'Reisebüro Nord' },
    })
    expect(result.article.content.root.children[0].children[1]).toMatchObject({
      rel: 'sponsored',
      type: 'link',
    })
    // The stored text is as written: delivery marks the links.
    const stored = (await ctx.payload.findByID({ id: paid.id, collection: 'articles' })) as Doc
    expect(stored.content.root.children[0].children[1]).not.toHaveProperty('rel')

    const curated = (await page(curating.slug))!.related.find((item) => item.slug === paid.slug)
    expect(curated).toMatchObject({ curated: true, label: 'Anzeige' })
    const english = (await page(curating.slug, { locale: 'en' }))!.related.find(
      (item) => item.slug === paid.slug,
    )
    expect(english?.label).toBe('Sponsored')

    // Paid pages read the advertiser too, still within the bound.
    const queries = await recordQueries(() => page(paid.slug))
    expect(queries.length).toBeLessThanOrEqual(8)
  })
})

describe('the number of queries', () => {
  test('is the same for a small page and a large one, and at most 8', async () => {
    // One of each kind of document the large page has many of: a kind a page lacks is not read.
    const small = await article({ title: 'Kleine Seite', regions: [europe.id], authors: [reporter.id] })
    await sponsor({ name: 'Einzig', regions: [europe.id] })
    const smallTarget = await article({ title: 'Kleines Ziel', regions: [europe.id] })
    await create.relatedLink({ article: small.id, type: 'internal', target: smallTarget.id, order: 0 })

    const regionIDs = [china.id, kazakhstan.id, asia.id]
    const sponsorIDs: number[] = []
    for (let index = 0; index < 8; index += 1)
      sponsorIDs.push((await sponsor({ name: `Viele ${index}`, regions: [asia.id] })).id)
    const large = await article({
      title: 'Große Seite',
      regions: regionIDs,
      sponsors: sponsorIDs,
      authors: [reporter.id],
    })
    for (let index = 0; index < 6; index += 1) {
      const target = await article({ title: `Ziel ${index}`, regions: [china.id] })
      await create.relatedLink({ article: large.id, type: 'internal', target: target.id, order: index })
      await create.relatedLink({
        article: large.id,
        type: 'external',
        url: `https://extern${index}.example`,
        label: `Extern ${index}`,
        order: 10 + index,
      })
    }

    const smallQueries = await recordQueries(() => page(small.slug))
    const largeQueries = await recordQueries(() => page(large.slug))
    expect(largeQueries.length).toBe(smallQueries.length)
    expect(largeQueries.length).toBeLessThanOrEqual(8)
    // The REST endpoint reads with the caller's request: the same statements, no page counts.
    const endpointQueries = await recordQueries(() => ctx.rest.get(`/newsroom/articles/${large.slug}`))
    expect(endpointQueries.length).toBe(largeQueries.length)
    // Regions, authors, links, related titles and sponsors come with the facts (see
    // directReads.test.ts): the article and the facts.
    expect(largeQueries.length).toBe(2)
    const bare = await article({ title: 'Nackte Seite', regions: [] })
    expect((await recordQueries(() => page(bare.slug))).length).toBeLessThanOrEqual(smallQueries.length)
  })

  test('stays at most 8 with an image and sponsor logos, which come back with the page', async () => {
    const image = (name: string) =>
      ctx.payload.db.create({
        collection: 'media',
        data: { alt: name, filename: `${name}.png`, height: 60, mimeType: 'image/png', width: 120 },
      }) as Promise<Doc>
    const logo = await image('logo')
    await sponsor({ name: 'Mit Logo', logo: logo.id, regions: [kazakhstan.id] })
    const subject = await article({
      title: 'Seite mit Bild',
      regions: [kazakhstan.id],
      image: (await image('titelbild')).id,
      imageAi: { usage: 'edited' },
    })
    // The test's media collection keeps Payload's default access: logged-in users only.
    let result: Awaited<ReturnType<typeof page>> = null
    const queries = await recordQueries(async () => (result = await page(subject.slug, { user: ctx.editor })))
    expect(queries.length).toBeLessThanOrEqual(8)
    expect(result!.article.image).toMatchObject({ alt: 'titelbild', width: 120 })
    expect(result!.article.image?.url).toMatch(/titelbild\.png$/)
    // An AI-altered image carries its label wherever it shows.
    expect(result!.article.image?.ai).toEqual({
      digitalSourceType:
        'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia',
      label: 'Bild mit KI bearbeitet',
    })
    expect(result!.sponsors.find((entry) => entry.name === 'Mit Logo')?.logo?.url).toMatch(/logo\.png$/)
  })
})

describe('the REST endpoint', () => {
  test('GET /api/newsroom/articles/:slug serves the page; unknown slugs are a JSON 404', async () => {
    const subject = await article({ title: 'Über REST', regions: [china.id] })
    const response = await ctx.rest.get(`/newsroom/articles/${subject.slug}`)
    expect(response.status).toBe(200)
    expect(response.json.article.title).toBe('Über REST')
    expect(response.json.jsonLd['@type']).toBe('NewsArticle')
    const missing = await ctx.rest.get('/newsroom/articles/gibt-es-nicht')
    expect(missing.status).toBe(404)
    expect(missing.json.errors[0].message).toMatch(/gibt-es-nicht/)
  })

  test('draft=true needs an editor; a bad locale is a 400', async () => {
    const draft = await article({ title: 'REST-Entwurf', _status: 'draft' }, true)
    expect((await ctx.rest.get(`/newsroom/articles/${draft.slug}?draft=true`)).status).toBe(403)
    expect((await ctx.rest.get(`/newsroom/articles/${draft.slug}`)).status).toBe(404)
    const asEditor = await ctx.rest.get(`/newsroom/articles/${draft.slug}?draft=true`, { token: ctx.token })
    expect(asEditor.status).toBe(200)
    expect(asEditor.json.article.status).toBe('draft')
    const badLocale = await ctx.rest.get(
      `/newsroom/articles/${draft.slug}?locale=${encodeURIComponent('<script>')}`,
    )
    expect(badLocale.status).toBe(400)
    expect(badLocale.json.errors[0].message).toMatch(/^locale/)
  })
})
