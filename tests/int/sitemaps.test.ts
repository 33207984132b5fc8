import { Readable } from 'node:stream'
import { parseSitemap, parseSitemapIndex } from 'sitemap'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { getNewsSitemap, getSitemap, type NewsroomArticle, type NewsroomRegion } from '../../src/index.js'
import { cloneArticles } from '../bench/seed.js'
import { type FixtureData, fixtures, type Fixtures } from '../helpers/fixtures.js'
import { media, readers, users } from '../helpers/instance.js'
import { recordQueries, startWithEditor } from '../helpers/payload.js'
import { SITEMAP_SCHEMA, xmllint, xmllintAvailable } from '../helpers/xmllint.js'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let china: NewsroomRegion
let withImage: NewsroomArticle, corrected: NewsroomArticle, hard: NewsroomArticle

type Doc = Record<string, any>
const SITE = 'https://news.example'
const HARD_TITLE = 'Grüße aus Almaty & <Astana> 🚆'
/** Cloned articles: more than one sitemap file, and more than 1,000 in the news window. */
const CLONES = 2500
const lint = xmllintAvailable()

const published = (data: FixtureData<NewsroomArticle>) => create.article({ _status: 'published', ...data })
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

const fetchXml = async (file: string) => {
  const response = await ctx.rest.get(`/newsroom/${file}`)
  return { body: response.text, response }
}
const fileOf = (url: string) => new URL(url).pathname.split('/').at(-1)!
const articleFiles = async () =>
  (await parseSitemapIndex(Readable.from([(await fetchXml('sitemap.xml')).body])))
    .map((entry) => fileOf(entry.url))
    .filter((file) => file.startsWith('sitemap-articles-'))

beforeAll(async () => {
  ctx = await startWithEditor({
    config: { collections: [users, readers, { ...media, access: { read: () => true } }] },
    plugin: { media: 'media', site: { name: 'Steppenbote & Co', url: SITE } },
  })
  create = fixtures(ctx.payload)
  const asia = await create.region({ name: 'Asien', type: 'continent' })
  china = await create.region({ name: 'China', type: 'country', isoCode: 'CN', parent: asia.id })
  await create.author({ name: 'Aigerim Nurlanowa' })
  const image = (await ctx.payload.db.create({
    collection: 'media',
    data: { alt: 'Zug', filename: 'zug.png', height: 600, mimeType: 'image/png', width: 900 },
  })) as Doc
  withImage = await published({
    image: image.id,
    publishedAt: minutesAgo(30),
    regions: [china.id],
    title: 'Mit Bild',
  })
  hard = await published({ publishedAt: minutesAgo(40), regions: [china.id], title: HARD_TITLE })
  corrected = await published({ publishedAt: minutesAgo(50), regions: [china.id], title: 'Korrigiert' })
  await ctx.rest.patch(
    `/articles/${corrected.id}`,
    { newCorrection: { kind: 'correction', text: 'Der Ort war Astana.' } },
    { headers: { 'accept-language': 'de' }, token: ctx.token },
  )
  const advertiser = await create.sponsor({ active: false, name: 'Werbekunde', url: 'https://kunde.example' })
  await published({
    paidBy: advertiser.id,
    paidContent: true,
    publishedAt: minutesAgo(20),
    regions: [china.id],
    title: 'Bezahlt',
  })
  const retracted = await published({
    publishedAt: minutesAgo(25),
    regions: [china.id],
    title: 'Zurückgezogen',
  })
  await ctx.rest.patch(
    `/articles/${retracted.id}`,
    { newCorrection: { kind: 'retraction', text: 'Falsch.' } },
    { headers: { 'accept-language': 'de' }, token: ctx.token },
  )
  await create.article({ publishedAt: minutesAgo(10), regions: [china.id], title: 'Entwurf' })
  await published({ publishedAt: minutesAgo(3 * 24 * 60), regions: [china.id], title: 'Vor drei Tagen' })
  // Clones one every two minutes, older than the articles above: about 1,400 inside the last two days.
  await cloneArticles(ctx, Number(withImage.id), CLONES)
  await ctx.query(
    `UPDATE articles SET published_at = now() - (60 + substring(slug FROM 7)::int * 2) * interval '1 minute'
     WHERE slug LIKE 'bench-%'`,
  )
}, 300_000)
afterAll(async () => ctx?.stop())

const publishedCount = async () =>
  Number(
    (
      await ctx.query<{ n: string }>(
        `SELECT count(*) AS n FROM articles WHERE _status = 'published' AND published_at IS NOT NULL AND retracted_at IS NULL`,
      )
    )[0]!.n,
  )

describe('the sitemap index and the article sitemaps', () => {
  test('the index names article files of at most 1,000 URLs, the region, author and news sitemaps', async () => {
    const { body, response } = await fetchXml('sitemap.xml')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    if (lint) expect(xmllint(body).valid).toBe(true)
    const entries = await parseSitemapIndex(Readable.from([body]))
    const files = entries.map((entry) => fileOf(entry.url))
    expect(files.filter((file) => file.startsWith('sitemap-articles-'))).toHaveLength(3)
    expect(files.slice(-3)).toEqual(['sitemap-regions.xml', 'sitemap-authors.xml', 'news-sitemap.xml'])
    // Sealed: a name says nothing of the article it starts at.
    expect(entries[0]!.url).toMatch(
      /^https:\/\/news\.example\/api\/newsroom\/sitemap-articles-[\w-]{40,}\.xml$/,
    )
    expect(entries[0]!.lastmod).toBeTruthy()
  })

  test('together the article files list every published, non-retracted article once, valid against the sitemaps.org schema', async () => {
    const index = await parseSitemapIndex(Readable.from([(await fetchXml('sitemap.xml')).body]))
    const seen: string[] = []
    for (const entry of index.filter((item) => fileOf(item.url).startsWith('sitemap-articles-'))) {
      const { body, response } = await fetchXml(fileOf(entry.url))
      expect(response.status).toBe(200)
      if (lint) {
        const verdict = xmllint(body, SITEMAP_SCHEMA)
        expect(verdict.output).not.toMatch(/error/i)
        expect(verdict.valid).toBe(true)
      }
      const urls = await parseSitemap(Readable.from([body]))
      expect(urls.length).toBeLessThanOrEqual(1000)
      seen.push(...urls.map((url) => url.url))
    }
    expect(seen).toHaveLength(await publishedCount())
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).not.toContain(`${SITE}/articles/zurueckgezogen`)
    expect(seen).not.toContain(`${SITE}/articles/entwurf`)
  })

  test('an entry has the lead image and lastmod from the last change a reader sees', async () => {
    // The Local API's articles are newer than the clones: they close the last file.
    const last = await parseSitemap(Readable.from([(await fetchXml((await articleFiles()).at(-1)!)).body]))
    const byUrl = new Map(last.map((url) => [url.url, url]))
    expect(byUrl.get(`${SITE}/articles/${withImage.slug}`)!.img.map((image) => image.url)).toEqual([
      `${SITE}/api/media/file/zug.png`,
    ])
    const stored = (await ctx.payload.findByID({ collection: 'articles', id: corrected.id })) as Doc
    expect(stored.contentModifiedAt).toBeTruthy()
    expect(new Date(byUrl.get(`${SITE}/articles/${corrected.slug}`)!.lastmod!).toISOString()).toBe(
      stored.contentModifiedAt,
    )
    expect(new Date(byUrl.get(`${SITE}/articles/${hard.slug}`)!.lastmod!).toISOString()).toBe(
      hard.publishedAt,
    )
  })

  test('every article file costs the same statements, whatever its place', async () => {
    const [first, second, third] = await articleFiles()
    const costOf = async (file: string) =>
      (await recordQueries(() => getSitemap({ file, payload: ctx.payload }))).length
    expect(await costOf(third!)).toBe(await costOf(first!))
    expect(await costOf(second!)).toBe(await costOf(first!))
  })

  test('only the names the index gives out open a file; any other is a 404, never a 500', async () => {
    const [first] = await articleFiles()
    const forged = first!.replace(/-(\w)(\w)/, (_match, a: string, b: string) => `-${b}${a}`)
    for (const file of [
      'sitemap-articles-1.xml',
      'sitemap-nothing.xml',
      'sitemap-articles-0-0-999999999.xml',
      'sitemap-articles-1-1-abc.xml',
      'sitemap-articles-999999999999999-1-1.xml',
      `sitemap-articles-${'A'.repeat(60)}.xml`,
      forged,
    ]) {
      expect((await fetchXml(file)).response.status, file).toBe(404)
    }
  })

  test('the region and author sitemaps list their archives', async () => {
    for (const [file, expected] of [
      ['sitemap-regions.xml', [`${SITE}/regions/asien`, `${SITE}/regions/asien/china`]],
      ['sitemap-authors.xml', [`${SITE}/authors/aigerim-nurlanowa`]],
    ] as const) {
      const { body } = await fetchXml(file)
      if (lint) expect(xmllint(body, SITEMAP_SCHEMA).valid).toBe(true)
      expect((await parseSitemap(Readable.from([body]))).map((url) => url.url)).toEqual(expected)
    }
  })
})

describe('the Google News sitemap', () => {
  test('lists at most 1,000 articles of the last two days, no paid content, no retraction, newest first', async () => {
    const { body, response } = await fetchXml('news-sitemap.xml')
    expect(response.status).toBe(200)
    expect(body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')
    if (lint) {
      const verdict = xmllint(body, SITEMAP_SCHEMA)
      expect(verdict.output).not.toMatch(/error/i)
      expect(verdict.valid).toBe(true)
    }
    const urls = await parseSitemap(Readable.from([body]))
    expect(urls).toHaveLength(1000)
    const twoDaysAgo = Date.now() - 2 * 24 * 60 * 60 * 1000
    for (const url of urls) {
      expect(Date.parse(url.news!.publication_date)).toBeGreaterThan(twoDaysAgo)
      expect(url.news!.publication).toEqual({ language: 'de', name: 'Steppenbote & Co' })
    }
    const dates = urls.map((url) => Date.parse(url.news!.publication_date))
    expect([...dates].sort((a, b) => b - a)).toEqual(dates)
    const titles = urls.map((url) => url.news!.title)
    expect(titles.slice(0, 3)).toEqual(['Mit Bild', HARD_TITLE, 'Korrigiert'])
    expect(titles).not.toContain('Bezahlt')
    expect(titles).not.toContain('Zurückgezogen')
    expect(titles).not.toContain('Entwurf')
    // Every tenth clone is paid content.
    expect(titles.filter((title) => /^Meldung \d*0$/.test(title))).toEqual([])
  })

  test('is due again when its oldest article leaves the window; English readers get language en', async () => {
    const news = await getNewsSitemap({ payload: ctx.payload })
    const urls = await parseSitemap(Readable.from([news.body]))
    const oldest = Date.parse(urls.at(-1)!.news!.publication_date)
    expect(news.cache.revalidateAt).toBe(new Date(oldest + 2 * 24 * 60 * 60 * 1000).toISOString())
    expect(news.cache.tags).toEqual(['newsroom:sitemap'])
    const english = await parseSitemap(
      Readable.from([(await getNewsSitemap({ locale: 'en', payload: ctx.payload })).body]),
    )
    expect(english[0]!.news!.publication.language).toBe('en')
    const { response } = await fetchXml('news-sitemap.xml')
    expect(response.headers.get('cache-tag')).toBe('newsroom:sitemap')
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+$/)
  })
})
