// The JSON-LD of each delivery result, checked by an outside tool (structured-data-testing-tool and
// its Google presets) rather than by our own reading of schema.org.
import sdtt from 'structured-data-testing-tool'
import presets from 'structured-data-testing-tool/presets.js'
import { describe, expect, test } from 'vitest'

import type { NewsroomArticle } from '../../src/documents.js'

import { assembleAuthorPage, assembleRegionPage } from '../../src/delivery/archives/assembleArchivePage.js'
import { cursorKey } from '../../src/delivery/archives/cursor.js'
import { assembleArticlePage } from '../../src/delivery/assembleArticlePage.js'
import { readerTexts } from '../../src/i18n/readerTexts.js'

type Outcome = {
  failed: { description: string; test: string }[]
  schemas: string[]
  warnings: { test: string }[]
}

/** The tool's verdict on a page whose head holds this JSON-LD. */
const check = async (jsonLd: unknown, schemas: string[]): Promise<Outcome> => {
  const html = `<html><head><script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head><body></body></html>`
  try {
    return (await sdtt.structuredDataTest(html, { presets: [presets.Google], schemas })) as Outcome
  } catch (error) {
    const res = (error as { res?: Outcome }).res
    if (!res) throw error
    return res
  }
}

const labels = { allowedLabels: { de: ['Anzeige'] }, disclosureLabels: { de: 'Anzeige' } }
const stamps = { createdAt: '2026-04-26T08:00:00.000Z', updatedAt: '2026-04-26T09:00:00.000Z' }
const site = { logoUrl: 'https://news.example/logo.png', name: 'Steppenbote', url: 'https://news.example' }
const routes = {
  article: (doc: { slug: string }) => `/articles/${doc.slug}`,
  author: (doc: { slug: string }) => `/authors/${doc.slug}`,
  region: (doc: { path: string }) => `/regions/${doc.path}`,
}
const article = {
  ...stamps,
  _status: 'published',
  ai: { usage: 'none' },
  authors: [5],
  id: 1,
  image: 40,
  publishedAt: '2026-04-26T08:00:00.000Z',
  regions: [10],
  slug: 'almaty',
  source: { kind: 'staff' },
  title: 'Treffen in Almaty',
} as NewsroomArticle<number>
const region = {
  ...stamps,
  breadcrumbs: [
    { id: 9, name: 'Asien', slug: 'asien' },
    { id: 10, name: 'China', slug: 'china' },
  ],
  id: 10,
  name: 'China',
  path: 'asien/china',
  slug: 'china',
  type: 'country' as const,
}
const author = { ...stamps, id: 5, kind: 'person' as const, name: 'Aigerim Nurlanowa', slug: 'aigerim' }
const listed = {
  childIDs: [],
  nextSponsorChange: null,
  ownerID: 10,
  ownerImage: null,
  sponsors: [],
}

/** The demo-like article's page, with changes to the article and the site. */
const articlePage = (
  changes: Partial<NewsroomArticle<number>> = {},
  siteChanges: Partial<typeof site> & { correctionsPolicyUrl?: string } = {},
) =>
  assembleArticlePage(
    {
      article: { ...article, ...changes },
      authors: [author],
      facts: {
        approvedComments: 0,
        articleID: 1,
        links: [],
        nextChange: null,
        regionLine: [],
        relatedIDs: [],
        sponsors: [],
      },
      links: [],
      media: [{ height: 800, id: 40, url: '/media/almaty.jpg', width: 1200 }],
      paidBy: null,
      regions: [region],
      sponsors: [],
      targets: [],
    },
    {
      commentsExist: false,
      commentsNotice: '',
      ...labels,
      correctionLabels: readerTexts.de.correctionLabels,
      locale: 'de',
      relatedLimit: 4,
      routes,
      site: { ...site, ...siteChanges },
      templates: readerTexts.de.templates,
    },
  )

describe('structured data, as Google reads it', () => {
  test('an article page is a NewsArticle with everything Google expects, no warnings', async () => {
    const page = articlePage()
    const outcome = await check(page.jsonLd, ['jsonld:NewsArticle'])
    expect(outcome.failed).toEqual([])
    expect(outcome.warnings).toEqual([])
    // With a correction and a corrections policy, the tool still finds nothing to object to.
    const corrected = articlePage(
      {
        contentModifiedAt: '2026-05-03T12:10:00.000Z',
        corrections: [
          {
            at: '2026-05-03T12:10:00.000Z',
            id: 'c1',
            kind: 'correction',
            text: 'Das Treffen fand am Montag statt.',
          },
        ],
      },
      { correctionsPolicyUrl: 'https://news.example/korrekturen' },
    )
    expect(corrected.jsonLd).toMatchObject({
      correction: [{ '@type': 'CorrectionComment', datePublished: '2026-05-03T12:10:00.000Z' }],
      dateModified: '2026-05-03T12:10:00.000Z',
      publisher: { correctionsPolicy: 'https://news.example/korrekturen' },
    })
    const withCorrection = await check(corrected.jsonLd, ['jsonld:NewsArticle'])
    expect(withCorrection.failed).toEqual([])
    // The rule under test: without an image the tool objects (so it is really checking).
    const withoutImage = await check({ ...page.jsonLd, image: undefined }, ['jsonld:NewsArticle'])
    expect(withoutImage.failed.map((failure) => failure.test)).toContain('NewsArticle[0].image')
  })

  const settings = {
    cursorKey: cursorKey('secret'),
    ...labels,
    limit: 10,
    locale: 'de',
    routes,
    site,
    templates: readerTexts.de.templates,
  }
  const facts = {
    ...listed,
    listed: [{ createdAt: stamps.createdAt, id: 1, image: null, publishedAt: '2026-04-26T08:00:00.000Z' }],
  }

  test('a region page is a CollectionPage', async () => {
    const page = assembleRegionPage(
      { articles: [article], children: [], facts, media: [], region, sponsors: [] },
      settings,
    )
    const outcome = await check(page.jsonLd, ['jsonld:CollectionPage'])
    expect(outcome.failed).toEqual([])
    expect(outcome.schemas).toContain('CollectionPage')
  })

  test('an author page is a ProfilePage', async () => {
    const page = assembleAuthorPage({ articles: [article], author, facts, media: [] }, settings)
    const outcome = await check(page.jsonLd, ['jsonld:ProfilePage'])
    expect(outcome.failed).toEqual([])
    expect(outcome.schemas).toContain('ProfilePage')
  })
})
