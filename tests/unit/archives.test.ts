import { describe, expect, test } from 'vitest'

import type { ArchiveFacts } from '../../src/delivery/archives/archiveFacts.js'
import type { NewsroomArticle, NewsroomRegion } from '../../src/documents.js'

import {
  type ArchiveSettings,
  assembleAuthorPage,
  assembleRegionPage,
} from '../../src/delivery/archives/assembleArchivePage.js'
import { cursorKey, decodeCursor, encodeCursor } from '../../src/delivery/archives/cursor.js'
import { readerTexts } from '../../src/i18n/readerTexts.js'
import { defaultAllowedLabels } from '../../src/options.js'

const key = cursorKey('test-secret')

const stamps = { createdAt: '2026-04-26T08:00:00.000Z', updatedAt: '2026-04-26T09:00:00.000Z' }

describe('archive cursors', () => {
  const cursor = { createdAt: '2026-04-26T08:00:00.123Z', id: 42, publishedAt: '2026-04-27T10:15:00.000Z' }

  test('round-trip, for serial and uuid ids; the position cannot be read from the cursor', () => {
    const sealed = encodeCursor(cursor, key)
    expect(decodeCursor(sealed, key)).toEqual(cursor)
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('2026')
    const uuid = { ...cursor, id: '0f8fad5b-d9cb-469f-a165-70867728950e' }
    expect(decodeCursor(encodeCursor(uuid, key), key)).toEqual(uuid)
  })

  test("another site's cursor, or one sealed with an old secret, is refused", () => {
    expect(decodeCursor(encodeCursor(cursor, cursorKey('other-secret')), key)).toBeNull()
  })

  test('a changed byte anywhere is refused', () => {
    const bytes = Buffer.from(encodeCursor(cursor, key), 'base64url')
    for (let index = 0; index < bytes.length; index += 1) {
      const changed = Buffer.from(bytes)
      changed[index] = changed[index]! ^ 1
      expect(decodeCursor(changed.toString('base64url'), key)).toBeNull()
    }
  })

  test('one text per cursor: a last character that differs only in unused bits is refused', () => {
    const sealed = encodeCursor(cursor, key)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const variants = [...alphabet]
      .map((last) => sealed.slice(0, -1) + last)
      .filter(
        (text) => text !== sealed && Buffer.from(text, 'base64url').equals(Buffer.from(sealed, 'base64url')),
      )
    // This cursor's 86 bytes leave two spare bits: three twins.
    expect(variants).toHaveLength(3)
    for (const variant of variants) expect(decodeCursor(variant, key)).toBeNull()
    expect(decodeCursor(sealed, key)).toEqual(cursor)
  })

  // What a client could send instead: plain JSON, in base64url, never sealed by the site.
  const plain = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  test.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['plain JSON', plain(['2026-04-27T10:15:00.000Z', '2026-04-27T10:15:00.000Z', 1])],
    ['SQL', plain(['2026-04-27T10:15:00.000Z', '2026-04-27T10:15:00.000Z', "1' OR '1'='1"])],
    ['too long', 'A'.repeat(401)],
  ])('%s is refused', (_name, text) => {
    expect(decodeCursor(text, key)).toBeNull()
  })

  test.each([
    ['an impossible date', ['2026-02-31T10:15:00.000Z', '2026-04-27T10:15:00.000Z', 1]],
    ['year 0', ['0000-01-01T00:00:00.000Z', '2026-04-27T10:15:00.000Z', 1]],
    ['a negative id', ['2026-04-27T10:15:00.000Z', '2026-04-27T10:15:00.000Z', -1]],
    ['an object id', ['2026-04-27T10:15:00.000Z', '2026-04-27T10:15:00.000Z', { in: [1, 2] }]],
  ])('sealed but %s is refused', (_name, value) => {
    const [publishedAt, createdAt, id] = value as [string, string, number]
    expect(decodeCursor(encodeCursor({ createdAt, id, publishedAt }, key), key)).toBeNull()
  })
})

const settings: ArchiveSettings = {
  cursorKey: key,
  allowedLabels: defaultAllowedLabels,
  disclosureLabels: { de: 'Anzeige', en: 'Sponsored' },
  limit: 2,
  locale: 'de',
  mediaSlug: 'media',
  routes: {
    article: (doc) => `/articles/${doc.slug}`,
    author: (doc) => `/authors/${doc.slug}`,
    region: (doc) => `/regions/${doc.path}`,
  },
  site: { name: 'Steppenbote', url: 'https://news.example' },
  templates: readerTexts.de.templates,
}

const article = (id: number, extra: Partial<NewsroomArticle<number>> = {}) =>
  ({
    ...stamps,
    ai: { usage: 'none' },
    id,
    publishedAt: `2026-04-2${id}T08:00:00.000Z`,
    slug: `artikel-${id}`,
    source: { kind: 'staff' },
    title: `Artikel ${id}`,
    ...extra,
  }) as NewsroomArticle<number>

const facts = (ids: number[], extra: Partial<ArchiveFacts> = {}): ArchiveFacts => ({
  childIDs: [],
  listed: ids.map((id) => ({
    createdAt: stamps.createdAt,
    id,
    image: null,
    publishedAt: `2026-04-2${id}T08:00:00.000Z`,
  })),
  nextSponsorChange: null,
  ownerID: 10,
  ownerImage: null,
  sponsors: [],
  ...extra,
})

const china: NewsroomRegion<number> = {
  ...stamps,
  breadcrumbs: [
    { id: 1, name: 'Asien', slug: 'asien' },
    { id: 10, name: 'China', slug: 'china' },
  ],
  id: 10,
  name: 'China',
  path: 'asien/china',
  slug: 'china',
  type: 'country',
}

describe('a region page from its reads', () => {
  test('keeps the list order, labels paid content, and gives the next cursor from the last row', () => {
    const page = assembleRegionPage(
      {
        articles: [article(8), article(9, { paidContent: true })],
        children: [],
        facts: facts([9, 8, 7]),
        media: [],
        region: china,
        sponsors: [],
      },
      settings,
    )
    expect(page.articles.map((item) => [item.id, item.label, item.url])).toEqual([
      [9, 'Anzeige', '/articles/artikel-9'],
      [8, null, '/articles/artikel-8'],
    ])
    expect(decodeCursor(page.nextCursor!, key)).toEqual({
      createdAt: stamps.createdAt,
      id: 8,
      publishedAt: '2026-04-28T08:00:00.000Z',
    })
  })

  test('an unreadable listed article is left out without ending the list', () => {
    const page = assembleRegionPage(
      {
        articles: [article(9)],
        children: [],
        facts: facts([9, 8, 7]),
        media: [],
        region: china,
        sponsors: [],
      },
      settings,
    )
    expect(page.articles.map((item) => item.id)).toEqual([9])
    expect(decodeCursor(page.nextCursor!, key)?.id).toBe(8)
  })

  test('the last page has no cursor', () => {
    const page = assembleRegionPage(
      {
        articles: [article(9), article(8)],
        children: [],
        facts: facts([9, 8]),
        media: [],
        region: china,
        sponsors: [],
      },
      settings,
    )
    expect(page.nextCursor).toBeNull()
  })

  test('breadcrumbs link every ancestor; JSON-LD is a CollectionPage with a BreadcrumbList; cache tags name what it shows', () => {
    const page = assembleRegionPage(
      {
        articles: [article(9)],
        children: [
          { ...stamps, id: 11, name: 'Peking', path: 'asien/china/peking', slug: 'peking', type: 'city' },
        ],
        facts: facts([9], { nextSponsorChange: '2026-05-01T00:00:00.000Z' }),
        media: [],
        region: china,
        sponsors: [],
      },
      settings,
    )
    expect(page.region.breadcrumbs.map((crumb) => crumb.url)).toEqual([
      '/regions/asien',
      '/regions/asien/china',
    ])
    expect(page.children).toEqual([
      {
        id: 11,
        name: 'Peking',
        path: 'asien/china/peking',
        slug: 'peking',
        url: '/regions/asien/china/peking',
      },
    ])
    expect(page.jsonLd).toMatchObject({
      '@type': 'CollectionPage',
      breadcrumb: {
        '@type': 'BreadcrumbList',
        itemListElement: [
          { item: 'https://news.example/regions/asien', name: 'Asien', position: 1 },
          { item: 'https://news.example/regions/asien/china', name: 'China', position: 2 },
        ],
      },
      mainEntity: { itemListElement: [{ position: 1, url: 'https://news.example/articles/artikel-9' }] },
      url: 'https://news.example/regions/asien/china',
    })
    expect(page.cache.tags).toEqual(
      expect.arrayContaining([
        'newsroom:list:region:10',
        'newsroom:regions:1',
        'newsroom:regions:10',
        'newsroom:regions:11',
        'newsroom:list:articles',
        'newsroom:list:sponsors',
      ]),
    )
    // A change to a listed article names the lists of its regions: no tag per item (headers stay small).
    expect(page.cache.tags).not.toContain('newsroom:articles:9')
    expect(page.cache.revalidateAt).toBe('2026-05-01T00:00:00.000Z')
  })
})

describe('a region page in awkward configurations', () => {
  test('a locale code Intl rejects, and names missing in a locale without fallback, do not break the page', () => {
    const unnamed = (id: number, slug: string) =>
      ({
        ...stamps,
        id,
        path: `asien/china/${slug}`,
        slug,
        type: 'city',
      }) as unknown as NewsroomRegion<number>
    const page = assembleRegionPage(
      {
        articles: [article(9), { ...article(8), title: undefined } as unknown as NewsroomArticle<number>],
        children: [unnamed(12, 'xian'), unnamed(11, 'peking')],
        facts: facts([9, 8]),
        media: [],
        region: { ...china, breadcrumbs: undefined, name: undefined } as unknown as NewsroomRegion<number>,
        sponsors: [],
      },
      { ...settings, limit: 5, locale: 'de_DE' },
    )
    expect(page.children.map((child) => child.name)).toEqual(['peking', 'xian'])
    expect(page.region.breadcrumbs.map((crumb) => crumb.name)).toEqual(['china'])
    // An article without a title in this locale cannot be linked: it is left out.
    expect(page.articles.map((item) => item.id)).toEqual([9])
  })

  test("cache tags name only media the page shows, not a hidden article's image", () => {
    const page = assembleRegionPage(
      {
        articles: [article(9, { image: 50 })],
        children: [],
        facts: facts([9, 8]),
        media: [
          { id: 50, url: '/media/a.jpg' },
          { id: 51, url: '/media/b.jpg' },
        ],
        region: china,
        sponsors: [],
      },
      { ...settings, limit: 5 },
    )
    expect(page.articles[0]!.image?.url).toBe('/media/a.jpg')
    expect(page.cache.tags).toContain('newsroom:media:50')
    expect(page.cache.tags).not.toContain('newsroom:media:51')
  })

  test('paid items are named with their label in the JSON-LD list too', () => {
    const page = assembleRegionPage(
      {
        articles: [article(9, { paidContent: true })],
        children: [],
        facts: facts([9]),
        media: [],
        region: china,
        sponsors: [],
      },
      settings,
    )
    expect((page.jsonLd.mainEntity as { itemListElement: { name: string }[] }).itemListElement[0]!.name).toBe(
      'Anzeige: Artikel 9',
    )
  })
})

describe('an author page from its reads', () => {
  test('an agency is an Organization; a reporter a Person with a job title', () => {
    const agency = assembleAuthorPage(
      {
        articles: [],
        author: { ...stamps, id: 3, kind: 'organization', name: 'dpa', role: 'Agentur', slug: 'dpa' },
        facts: facts([]),
        media: [],
      },
      settings,
    )
    expect(agency.jsonLd).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: { '@type': 'Organization', name: 'dpa', url: 'https://news.example/authors/dpa' },
    })
    expect(agency.jsonLd.mainEntity).not.toHaveProperty('jobTitle')
    const reporter = assembleAuthorPage(
      {
        articles: [article(9)],
        author: {
          ...stamps,
          id: 4,
          kind: 'person',
          name: 'Aigerim Nurlanowa',
          role: 'Korrespondentin',
          sameAs: [{ url: 'https://social.example/@aigerim' }],
          slug: 'aigerim-nurlanowa',
        },
        facts: facts([9]),
        media: [],
      },
      settings,
    )
    expect(reporter.jsonLd.mainEntity).toEqual({
      '@type': 'Person',
      jobTitle: 'Korrespondentin',
      name: 'Aigerim Nurlanowa',
      sameAs: ['https://social.example/@aigerim'],
      url: 'https://news.example/authors/aigerim-nurlanowa',
    })
    expect(reporter.cache.tags).toEqual(
      expect.arrayContaining(['newsroom:authors:4', 'newsroom:list:author:4', 'newsroom:list:articles']),
    )
  })
})
