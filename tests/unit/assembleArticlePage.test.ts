import { describe, expect, test } from 'vitest'

import type { NewsroomArticle } from '../../src/documents.js'

import { type ArticlePageReads, assembleArticlePage } from '../../src/delivery/assembleArticlePage.js'
import { readerTexts } from '../../src/i18n/readerTexts.js'
import { defaultAllowedLabels } from '../../src/options.js'

const stamps = { createdAt: '2026-04-26T08:00:00.000Z', updatedAt: '2026-04-26T09:00:00.000Z' }
const article = (id: number, extra: Partial<NewsroomArticle<number | string>> = {}) =>
  ({
    ...stamps,
    _status: 'published',
    ai: { usage: 'none' },
    id,
    slug: `artikel-${id}`,
    source: { kind: 'staff' },
    title: `Artikel ${id}`,
    ...extra,
  }) as NewsroomArticle<number | string>

const reads = (extra: Partial<ArticlePageReads> = {}): ArticlePageReads => ({
  article: article(1, { authors: [6, 7, 5], regions: [10], sponsors: [] }),
  // Author 7 is one the caller may not read.
  authors: [
    { ...stamps, id: 5, kind: 'organization', name: 'Redaktion', slug: 'redaktion' },
    { ...stamps, id: 6, kind: 'person', name: 'Aigerim Nurlanowa', slug: 'aigerim' },
  ],
  facts: {
    approvedComments: 2,
    articleID: 1,
    links: [],
    nextChange: null,
    regionLine: [],
    relatedIDs: [3, 4, 5],
    sponsors: [],
  },
  links: [
    { ...stamps, article: 1, id: 20, label: 'Extern', type: 'external', url: 'https://e.example' },
    { ...stamps, article: 1, id: 21, target: 2, type: 'internal' },
    // Its target is unpublished: not among the targets read.
    { ...stamps, article: 1, id: 22, target: 99, type: 'internal' },
  ],
  media: [],
  paidBy: null,
  regions: [
    {
      ...stamps,
      breadcrumbs: [{ id: 10, name: 'Asien', slug: 'asien' }],
      id: 10,
      name: 'Asien',
      path: 'asien',
      slug: 'asien',
      type: 'continent',
    },
  ],
  sponsors: [
    {
      ...stamps,
      id: 30,
      name: 'Bäckerei',
      placement: 'sidebar',
      rel: 'sponsored noopener',
      url: 'https://b.example',
    },
  ],
  targets: [article(2), article(3), article(4), article(5)],
  ...extra,
})
const settings = {
  commentsExist: true,
  commentsNotice: 'Hinweis',
  allowedLabels: defaultAllowedLabels,
  disclosureLabels: { de: 'Anzeige', en: 'Sponsored' },
  locale: 'de',
  relatedLimit: 4,
  routes: {
    article: (doc: { slug: string }) => `/articles/${doc.slug}`,
    author: (doc: { slug: string }) => `/autoren/${doc.slug}`,
    region: (doc: { path: string }) => `/regions/${doc.path}`,
  },
  site: { url: 'https://news.example' },
  correctionLabels: readerTexts.de.correctionLabels,
  templates: readerTexts.de.templates,
}

describe('assembleArticlePage', () => {
  test('curated links first (unpublished targets dropped), then automatic ones up to the limit', () => {
    const page = assembleArticlePage(reads(), settings)
    expect(page.related.map((item) => [item.title, item.curated])).toEqual([
      ['Extern', true],
      ['Artikel 2', true],
      ['Artikel 3', false],
      ['Artikel 4', false],
    ])
  })

  test('the kicker is the primary region, or the disclosure label for paid content', () => {
    expect(assembleArticlePage(reads(), settings).kicker).toEqual({ label: 'Asien', paid: false })
    const paid = reads({ article: article(1, { paidContent: true, regions: [10] }) })
    expect(assembleArticlePage(paid, { ...settings, locale: 'en' }).kicker).toEqual({
      label: 'Sponsored',
      paid: true,
    })
  })

  test("sponsors without a label get the locale's; bylines keep the article's order, unreadable ones left out; comments follow the settings", () => {
    const page = assembleArticlePage(reads(), settings)
    expect(page.sponsors[0]!.disclosureLabel).toBe('Anzeige')
    expect(page.article.authors).toEqual([
      { id: 6, kind: 'person', name: 'Aigerim Nurlanowa', slug: 'aigerim', url: '/autoren/aigerim' },
      { id: 5, kind: 'organization', name: 'Redaktion', slug: 'redaktion', url: '/autoren/redaktion' },
    ])
    expect(page.jsonLd.author).toEqual([
      { '@type': 'Person', name: 'Aigerim Nurlanowa', url: 'https://news.example/autoren/aigerim' },
      { '@type': 'Organization', name: 'Redaktion', url: 'https://news.example/autoren/redaktion' },
    ])
    expect(page.jsonLd.url).toBe('https://news.example/articles/artikel-1')
    expect(page.comments).toEqual({ count: 2, enabled: false, notice: 'Hinweis' })
    const open = reads({ article: article(1, { allowComments: true, regions: [10] }) })
    expect(assembleArticlePage(open, settings).comments.enabled).toBe(true)
    expect(assembleArticlePage(open, { ...settings, commentsExist: false }).comments.enabled).toBe(false)
  })

  test('no notice when none is required', () => {
    expect(assembleArticlePage(reads(), settings).attribution).toBeNull()
  })

  test('a paid article is labelled and names its advertiser; every body link is a paid link', () => {
    const link = (url: string) => ({
      children: [{ text: 'hier', type: 'text' }],
      fields: { url },
      type: 'link',
    })
    const content = {
      root: {
        children: [
          { children: [link('https://a.example'), { text: ' und ', type: 'text' }], type: 'paragraph' },
        ],
        type: 'root',
      },
    }
    const advertiser = {
      ...stamps,
      id: 31,
      name: 'Reisebüro Nord',
      placement: 'sidebar',
      url: 'https://r.example',
    }
    const paid = reads({
      article: article(1, { content, paidBy: 31, paidContent: true, regions: [10] }),
      paidBy: advertiser as ArticlePageReads['paidBy'],
    })
    const page = assembleArticlePage(paid, settings)
    expect(page.article.label).toBe('Anzeige')
    expect(page.article.paidBy).toEqual({
      id: 31,
      name: 'Reisebüro Nord',
      rel: 'sponsored noopener',
      url: 'https://r.example',
    })
    expect(page.jsonLd).toMatchObject({
      '@type': 'AdvertiserContentArticle',
      headline: 'Anzeige: Artikel 1',
      sponsor: { '@type': 'Organization', name: 'Reisebüro Nord', url: 'https://r.example' },
    })
    const paragraph = (page.article.content as typeof content).root.children[0]!
    expect(paragraph.children[0]).toMatchObject({ rel: 'sponsored', type: 'link' })
    // The stored document is left as it was: delivery marks a copy.
    expect(content.root.children[0]!.children[0]).not.toHaveProperty('rel')
    // Unpaid content keeps its links as written, and names no advertiser even with a stale paidBy.
    const unpaid = assembleArticlePage(
      reads({ article: article(1, { content, paidBy: 31, regions: [10] }), paidBy: null }),
      settings,
    )
    expect(unpaid.article).toMatchObject({ label: null, paidBy: null })
    expect(JSON.stringify(unpaid.article.content)).not.toContain('sponsored')
    expect(unpaid.jsonLd.headline).toBe('Artikel 1')
  })

  test('a curated link to paid content carries its label; external links and unpaid targets none', () => {
    const targets = [article(2, { paidContent: true }), article(3), article(4), article(5)]
    const related = assembleArticlePage(reads({ targets }), settings).related
    expect(related.map((item) => [item.title, item.label])).toEqual([
      ['Extern', null],
      ['Artikel 2', 'Anzeige'],
      ['Artikel 3', null],
      ['Artikel 4', null],
    ])
  })

  test("a sponsor label the reader's locale does not allow reads as that locale's own; rel is the constant", () => {
    const sponsor = { ...reads().sponsors[0]!, disclosureLabel: 'Anzeige', rel: 'nofollow' }
    const page = assembleArticlePage(reads({ sponsors: [sponsor] }), { ...settings, locale: 'en' })
    expect(page.sponsors[0]).toMatchObject({ disclosureLabel: 'Sponsored', rel: 'sponsored noopener' })
    const german = assembleArticlePage(
      reads({ sponsors: [{ ...sponsor, disclosureLabel: 'Werbung' }] }),
      settings,
    )
    expect(german.sponsors[0]!.disclosureLabel).toBe('Werbung')
  })

  test('an AI image carries its label and IPTC type on the page and in JSON-LD; the dateline place is locationCreated', () => {
    const page = assembleArticlePage(
      reads({
        article: article(1, {
          dateline: { place: 'Almaty', text: 'Almaty, 26. April' },
          image: 40,
          imageAi: { usage: 'generated' },
          regions: [10],
        }),
        media: [{ alt: 'Steppe', height: 800, id: 40, url: '/media/steppe.jpg', width: 1200 }],
      }),
      settings,
    )
    expect(page.article.image).toMatchObject({
      ai: {
        digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
        label: 'Bild mit KI erzeugt',
      },
      url: '/media/steppe.jpg',
    })
    expect(page.jsonLd).toMatchObject({
      contentLocation: { '@type': 'Place', name: 'Asien' },
      image: {
        '@type': 'ImageObject',
        digitalSourceType: 'https://schema.org/TrainedAlgorithmicMediaDigitalSource',
        url: 'https://news.example/media/steppe.jpg',
      },
      locationCreated: { '@type': 'Place', name: 'Almaty' },
    })
  })
})
