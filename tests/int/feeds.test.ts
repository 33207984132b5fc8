import { parseFeed } from '@rowanmanning/feed-parser'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { getFeed, type NewsroomArticle, type NewsroomAuthor, type NewsroomRegion } from '../../src/index.js'
import { type FixtureData, fixtures, type Fixtures } from '../helpers/fixtures.js'
import { media, readers, users } from '../helpers/instance.js'
import { content, link, paragraph, text } from '../helpers/lexical.js'
import { recordQueries, startWithEditor } from '../helpers/payload.js'
import { xmllint, xmllintAvailable } from '../helpers/xmllint.js'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let asia: NewsroomRegion, china: NewsroomRegion, europe: NewsroomRegion
let reporter: NewsroomAuthor
let rewritten: NewsroomArticle, hard: NewsroomArticle

type Doc = Record<string, any>
const SITE = 'https://news.example'
/** The characters a title must survive: umlauts, markup characters, an emoji, a CDATA end. */
const HARD_TITLE = 'Grüße aus Almaty & <Astana> 🚆 ]]> Ende'

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 8)).toISOString()

const published = (data: FixtureData<NewsroomArticle>) => create.article({ _status: 'published', ...data })

beforeAll(async () => {
  ctx = await startWithEditor({
    config: { collections: [users, readers, { ...media, access: { read: () => true } }] },
    plugin: {
      media: 'media',
      site: { logoUrl: '/logo.png', name: 'Steppenbote & Co', url: SITE },
    },
  })
  create = fixtures(ctx.payload)
  asia = await create.region({ name: 'Asien', type: 'continent' })
  china = await create.region({ name: 'China', type: 'country', isoCode: 'CN', parent: asia.id })
  europe = await create.region({ name: 'Europa', type: 'continent' })
  reporter = await create.author({ name: 'Aigerim Nurlanowa' })
  const image = (await ctx.payload.db.create({
    collection: 'media',
    data: {
      alt: 'Güterzug',
      filename: 'zug.png',
      filesize: 2048,
      height: 600,
      mimeType: 'image/png',
      width: 900,
    },
  })) as Doc
  const target = await published({ publishedAt: at(1), regions: [europe.id], title: 'Ziel des Links' })
  rewritten = await published({
    ai: { usage: 'rewritten' },
    authors: [reporter.id],
    content: content(
      paragraph(
        text('Der Zug fuhr ab. '),
        link({ linkType: 'internal', doc: { relationTo: 'articles', value: target.id } }, 'Mehr'),
      ),
      paragraph(link({ linkType: 'custom', url: 'javascript:alert(1)' }, 'Böser Link')),
    ),
    image: image.id,
    imageAi: { usage: 'generated' },
    publishedAt: at(20),
    regions: [china.id],
    source: { kind: 'external', name: 'Agentur', url: 'https://quelle.example/meldung' },
    subtitle: 'Neue Güterzüge & <mehr>',
    title: 'Der Zug nach Almaty',
  })
  const advertiser = await create.sponsor({
    active: false,
    name: 'Reisebüro Seidenstraße',
    url: 'https://reise.example',
  })
  await published({
    content: content(
      paragraph(link({ linkType: 'custom', url: 'https://reise.example/angebot' }, 'Angebot')),
    ),
    paidBy: advertiser.id,
    paidContent: true,
    publishedAt: at(18),
    regions: [asia.id],
    title: 'Reisen entlang der Seidenstraße',
  })
  hard = await published({ publishedAt: at(15), regions: [europe.id], title: HARD_TITLE })
  await ctx.rest.patch(
    `/articles/${hard.id}`,
    { newCorrection: { kind: 'correction', text: 'Der Ort war Astana.' } },
    { headers: { 'accept-language': 'de' }, token: ctx.token },
  )
  const retracted = await published({ publishedAt: at(19), regions: [china.id], title: 'Zurückgezogen' })
  await ctx.rest.patch(
    `/articles/${retracted.id}`,
    { newCorrection: { kind: 'retraction', text: 'Falsch.' } },
    { headers: { 'accept-language': 'de' }, token: ctx.token },
  )
  await create.article({ publishedAt: at(21), regions: [china.id], title: 'Entwurf' })
})
afterAll(async () => ctx?.stop())

const fetchFeed = async (file: string) => {
  const response = await ctx.rest.get(`/newsroom/${file}`)
  return { body: response.text, response }
}

describe('the site feed in three formats, read by a real feed parser', () => {
  test.each([
    ['feed.xml', 'application/rss+xml'],
    ['feed.atom', 'application/atom+xml'],
  ])('%s lists the published, non-retracted articles newest first, titles as written', async (file, type) => {
    const { body, response } = await fetchFeed(file)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain(type)
    const feed = parseFeed(body)
    expect(feed.title).toBe('Steppenbote & Co')
    expect(feed.language).toBe('de')
    expect(feed.image?.url).toBe(`${SITE}/logo.png`)
    expect(feed.items.map((item) => item.title)).toEqual([
      'Der Zug nach Almaty',
      'Anzeige: Reisen entlang der Seidenstraße',
      HARD_TITLE,
      'Ziel des Links',
    ])
  })

  test('an item carries the notice first, its region as category, byline, image and a stable guid', async () => {
    for (const file of ['feed.xml', 'feed.atom']) {
      const feed = parseFeed((await fetchFeed(file)).body)
      const item = feed.items[0]!
      expect(item.id).toBe(`tag:news.example,${rewritten.createdAt.slice(0, 10)}:articles/${rewritten.id}`)
      expect(item.url).toBe(`${SITE}/articles/${rewritten.slug}`)
      // Art. 50(5): the notice is the first thing a feed reader shows of the text.
      expect(item.content).toMatch(
        /^<p class="newsroom-notice">Diese Nachricht wurde <a href="https:\/\/quelle.example\/meldung">dieser Quelle<\/a> entnommen und von künstlicher Intelligenz umgeschrieben.<\/p>/,
      )
      expect(item.content).toContain('<figcaption>Bild mit KI erzeugt</figcaption>')
      expect(item.content).toContain(`<a href="${SITE}/articles/ziel-des-links">Mehr</a>`)
      // A javascript: link leaves the feed as text.
      expect(item.content).toContain('Böser Link')
      expect(item.content).not.toContain('javascript:')
      expect(item.categories.map((category) => category.label)).toEqual(['China'])
      expect(item.authors.map((author) => author.name)).toEqual(['Aigerim Nurlanowa'])
      expect(item.description).toBe('Neue Güterzüge & <mehr>')
      expect(item.media[0]?.url).toMatch(/^https:\/\/news\.example\/api\/media\/file\/zug\.png$/)
    }
  })

  test('paid content is labelled in the title and its links are paid links; sponsors never appear', async () => {
    const { body } = await fetchFeed('feed.xml')
    const item = parseFeed(body).items.find((entry) => entry.title?.includes('Seidenstraße'))!
    expect(item.content).toContain('<a href="https://reise.example/angebot" rel="sponsored">Angebot</a>')
    expect(body).not.toContain('Reisebüro Seidenstraße')
  })

  test('a correction is in the item, and keeps its guid', async () => {
    const feed = parseFeed((await fetchFeed('feed.atom')).body)
    const item = feed.items.find((entry) => entry.title === HARD_TITLE)!
    expect(item.content).toMatch(
      /<strong>Korrektur \(<time datetime="[^"]+">\d+\. [A-Za-zä]+ \d{4}<\/time>\):<\/strong> Der Ort war Astana\./,
    )
    expect(item.id).toBe(`tag:news.example,${hard.createdAt.slice(0, 10)}:articles/${hard.id}`)
    expect(item.updated?.getTime()).toBeGreaterThan(item.published!.getTime())
  })

  test('JSON Feed 1.1 carries the same items with authors and language', async () => {
    const { body, response } = await fetchFeed('feed.json')
    expect(response.headers.get('content-type')).toContain('application/feed+json')
    const json = JSON.parse(body)
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(json.language).toBe('de')
    expect(json.icon).toBe(`${SITE}/logo.png`)
    expect(json.items.map((item: Doc) => item.title)).toEqual(
      parseFeed((await fetchFeed('feed.xml')).body).items.map((item) => item.title),
    )
    expect(json.items[0]).toMatchObject({
      authors: [{ name: 'Aigerim Nurlanowa' }],
      id: `tag:news.example,${rewritten.createdAt.slice(0, 10)}:articles/${rewritten.id}`,
      tags: ['China'],
    })
    expect(json.items[0].content_html).toMatch(/^<p class="newsroom-notice">/)
  })
})

describe('region and author feeds, locales', () => {
  test('a region feed holds its descendants; an author feed the bylines', async () => {
    const region = parseFeed((await fetchFeed('feed.xml?region=asien')).body)
    expect(region.title).toBe('Steppenbote & Co: Asien')
    expect(region.items.map((item) => item.title)).toEqual([
      'Der Zug nach Almaty',
      'Anzeige: Reisen entlang der Seidenstraße',
    ])
    const author = parseFeed((await fetchFeed('feed.atom?author=aigerim-nurlanowa')).body)
    expect(author.items.map((item) => item.title)).toEqual(['Der Zug nach Almaty'])
  })

  test('English readers get the English label and notice', async () => {
    const feed = parseFeed((await fetchFeed('feed.xml?locale=en')).body)
    expect(feed.language).toBe('en')
    expect(feed.items[1]!.title).toBe('Sponsored: Reisen entlang der Seidenstraße')
    expect(feed.items[0]!.content).toMatch(/^<p class="newsroom-notice">This (story|report|news)/i)
  })

  test('unknown owners are 404, bad parameters 400', async () => {
    const missing = await fetchFeed('feed.xml?region=nirgendwo')
    expect(missing.response.status).toBe(404)
    expect(missing.response.json.errors[0].message).toBe('region: no region "nirgendwo"')
    expect((await fetchFeed('feed.xml?author=niemand')).response.status).toBe(404)
    const both = await fetchFeed('feed.xml?region=asien&author=aigerim-nurlanowa')
    expect(both.response.status).toBe(400)
    expect(both.body).toContain('region')
    expect((await fetchFeed('feed.xml?locale=xx-%00')).response.status).toBe(400)
    expect((await fetchFeed('feed.rss')).response.status).toBe(404)
  })
})

describe('text that would break a feed', () => {
  test('control characters, a region name with markup, a checklist and a forged table cell', async () => {
    const odd = await create.region({ name: 'Nord <Ost> & "Süd"', type: 'other' })
    const cell = (headerState: unknown) => ({
      type: 'tablecell',
      version: 1,
      headerState,
      children: [paragraph(text('Zelle'))],
    })
    await published({
      content: content(
        {
          type: 'list',
          listType: 'check',
          tag: 'ul',
          version: 1,
          start: 1,
          children: [{ type: 'listitem', checked: true, value: 1, version: 1, children: [text('Erledigt')] }],
        },
        {
          type: 'table',
          version: 1,
          children: [{ type: 'tablerow', version: 1, children: [cell('0" onmouseover="alert(1)')] }],
        },
      ),
      publishedAt: at(25),
      regions: [odd.id],
      title: 'Steuer\u0008zeichen\u001b Ende',
    })
    for (const file of ['feed.xml', 'feed.atom']) {
      const { body, response } = await fetchFeed(`${file}?region=${odd.slug}`)
      if (xmllintAvailable()) expect(xmllint(body).output).toBe('')
      const feed = parseFeed(body)
      expect(feed.items[0]!.title).toBe('Steuerzeichen Ende')
      expect(feed.items[0]!.categories[0]!.label).toBe('Nord <Ost> & "Süd"')
      expect(feed.items[0]!.content).toContain('<li>☑ Erledigt</li>')
      expect(feed.items[0]!.content).not.toContain('onmouseover')
      // The same feed twice is the same body: a cache can answer with 304.
      const again = await ctx.rest.get(`/newsroom/${file}?region=${odd.slug}`, {
        headers: { 'if-none-match': response.headers.get('etag')! },
      })
      expect(again.status).toBe(304)
    }
  })
})

describe('many images and links', () => {
  test('more than 1,000 linked ids in the listed articles still make a feed', async () => {
    const many = await published({ publishedAt: at(26), regions: [europe.id], title: 'Viele Links' })
    const links = Array.from({ length: 1200 }, (_, index) =>
      link({ doc: { relationTo: 'articles', value: 900_000 + index }, linkType: 'internal' }, `L${index}`),
    )
    // Written around the hooks: a text with links to 1,200 articles (none of them exists).
    await ctx.query('UPDATE articles SET content = $1 WHERE id = $2', [
      JSON.stringify(content(paragraph(...links))),
      many.id,
    ])
    const { body, response } = await fetchFeed('feed.json')
    expect(response.status).toBe(200)
    const item = JSON.parse(body).items.find((entry: Doc) => entry.title === 'Viele Links')
    expect(item.content_html).toContain('L1199')
  })
})

describe('cost and caching', () => {
  test('a feed costs the same number of statements with 4 items as with 14', async () => {
    const count = async () =>
      (await recordQueries(() => getFeed({ format: 'rss', payload: ctx.payload }))).length
    const before = await count()
    for (let index = 0; index < 10; index += 1) {
      await published({
        authors: [reporter.id],
        content: content(paragraph(text(`Meldung ${index}`))),
        publishedAt: at(2 + index),
        regions: [index % 2 ? china.id : europe.id],
        title: `Meldung ${index}`,
      })
    }
    expect(await count()).toBe(before)
    expect(before).toBeLessThanOrEqual(8)
  })

  test('the response carries the feed tag, an ETag and answers If-None-Match with 304', async () => {
    const { response } = await fetchFeed('feed.xml')
    // A constant set: every change of an article, region, author or image names the feed tag.
    expect(response.headers.get('cache-tag')).toBe('newsroom:feed,newsroom:list:articles')
    const region = await fetchFeed('feed.atom?region=asien')
    expect(region.response.headers.get('cache-tag')).toBe(
      `newsroom:feed,newsroom:regions:${asia.id},newsroom:list:region:${asia.id}`,
    )
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60')
    const again = await ctx.rest.get('/newsroom/feed.xml', {
      headers: { 'if-none-match': response.headers.get('etag')! },
    })
    expect(again.status).toBe(304)
  })
})
