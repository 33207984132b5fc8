import { describe, expect, test } from 'vitest'

import { parseFeed } from '@rowanmanning/feed-parser'

import { articleGuid, type FeedDocument, type FeedItem } from '../../src/delivery/feeds/assembleFeed.js'
import { contentToHtml, type ContentHtmlSettings } from '../../src/delivery/feeds/contentHtml.js'
import { renderFeed } from '../../src/delivery/feeds/renderFeed.js'
import { newsLanguage, urlsetXml, xmlText } from '../../src/delivery/sitemaps/sitemapXml.js'
import { content, text } from '../helpers/lexical.js'
import { xmllint, xmllintAvailable } from '../helpers/xmllint.js'

const doc = content
const settings: ContentHtmlSettings = {
  absolute: (path) => `https://news.example${path}`,
  mediaSlug: 'media',
  media: new Map([
    ['7', { id: 7, alt: 'Zug', mimeType: 'image/png', url: '/api/media/file/zug.png', width: 900 }],
  ]),
  targetUrl: (relationTo, id) =>
    relationTo === 'articles' && id === 3 ? 'https://news.example/articles/ziel' : undefined,
}

describe('article content as feed HTML', () => {
  test.each([
    [
      'text is escaped',
      doc({ type: 'paragraph', children: [text('A & <b>')], version: 1 }),
      '<p>A &amp; &lt;b&gt;</p>',
    ],
    [
      'an internal link goes to the target page; one to a draft stays text',
      doc({
        type: 'paragraph',
        version: 1,
        children: [
          {
            type: 'link',
            version: 3,
            fields: { linkType: 'internal', doc: { relationTo: 'articles', value: 3 } },
            children: [text('Ziel')],
          },
          {
            type: 'link',
            version: 3,
            fields: { linkType: 'internal', doc: { relationTo: 'articles', value: 4 } },
            children: [text(' Entwurf')],
          },
        ],
      }),
      '<p><a href="https://news.example/articles/ziel">Ziel</a> Entwurf</p>',
    ],
    [
      'a paid link keeps rel, a relative one becomes absolute, javascript: is dropped',
      doc({
        type: 'paragraph',
        version: 1,
        children: [
          {
            type: 'link',
            rel: 'sponsored',
            version: 3,
            fields: { linkType: 'custom', url: '/angebot', newTab: true },
            children: [text('A')],
          },
          {
            type: 'link',
            version: 3,
            fields: { linkType: 'custom', url: 'JavaScript:alert(1)' },
            children: [text('B')],
          },
        ],
      }),
      '<p><a href="https://news.example/angebot" rel="sponsored noopener noreferrer" target="_blank">A</a>B</p>',
    ],
    [
      'an upload is an absolute image',
      doc({ type: 'upload', relationTo: 'media', value: 7, version: 3, fields: null }),
      '<figure><img src="https://news.example/api/media/file/zug.png" alt="Zug" width="900" /></figure>',
    ],
    [
      'a block nothing converts is left out, a node with children keeps its text',
      doc(
        { type: 'block', version: 2, fields: { blockType: 'quiz' } },
        { type: 'mystery', version: 1, children: [text('Rest')] },
      ),
      'Rest',
    ],
  ])('%s', (_name, content, html) => {
    expect(contentToHtml(content, settings)).toBe(html)
  })

  test("the host's converters go over the plugin's", () => {
    const content = doc({ type: 'block', version: 2, fields: { blockType: 'quiz', question: 'Wer?' } })
    expect(
      contentToHtml(content, {
        ...settings,
        converters: () => ({
          blocks: {
            quiz: ({ node }: { node: { fields: { question: string } } }) =>
              `<aside>${node.fields.question}</aside>`,
          },
        }),
      }),
    ).toBe('<aside>Wer?</aside>')
  })
})

describe('sitemap XML and feed ids', () => {
  test('text is escaped and characters XML cannot hold are dropped', () => {
    expect(xmlText('Grüße & <Astana> "x" \'y\' 🚆\u0001')).toBe(
      'Grüße &amp; &lt;Astana&gt; &quot;x&quot; &apos;y&apos; 🚆',
    )
    expect(urlsetXml([{ loc: 'https://news.example/a?b=1&c=2' }])).toContain(
      '<loc>https://news.example/a?b=1&amp;c=2</loc>',
    )
  })

  test.each([
    ['de', 'de'],
    ['en-GB', 'en'],
    ['zh-TW', 'zh-tw'],
    ['zh', 'zh-cn'],
  ])('Google News language of %s is %s', (locale, language) => {
    expect(newsLanguage(locale)).toBe(language)
  })

  test('a guid is a tag URI of the site, the creation day and the id', () => {
    expect(articleGuid('https://news.example', '2026-04-26T08:00:00.000Z', 42)).toBe(
      'tag:news.example,2026-04-26:articles/42',
    )
  })
})

describe('feeds written as XML', () => {
  const lint = xmllintAvailable()
  const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
    authors: [{ name: 'Jo="Bo <i>', url: 'https://news.example/authors/jo' }],
    categories: [{ name: 'Re="gion <Ost> & Süd', path: 're', url: 'https://news.example/regions/re' }],
    contentHtml: '<p>a="b</p><p>x]]>y]]>z</p><a href="https://news.example/x">y</a>',
    guid: 'tag:news.example,2026-04-26:articles/1',
    id: 1,
    image: null,
    label: null,
    modifiedAt: '2026-04-26T08:00:00.000Z',
    publishedAt: '2026-04-26T08:00:00.000Z',
    summary: 'Sub="x" <y>',
    title: 'Titel="A" <B> \u0008 & 🚆',
    url: 'https://news.example/articles/a',
    ...overrides,
  })
  const doc: FeedDocument = {
    description: 'Desk="x" <y>',
    feedUrls: {
      atom: 'https://news.example/api/newsroom/feed.atom',
      json: 'https://news.example/api/newsroom/feed.json',
      rss: 'https://news.example/api/newsroom/feed.xml',
    },
    homeUrl: 'https://news.example/',
    items: [item()],
    language: 'de',
    logoUrl: null,
    publisher: 'Bote="x" <y>',
    title: 'Bote="x" <y>',
    updatedAt: '2026-04-26T08:00:00.000Z',
  }

  test.each(['rss', 'atom'] as const)('%s is well-formed and gives back every text as written', (format) => {
    const xml = renderFeed(doc, format)
    if (lint) expect(xmllint(xml).output).toBe('')
    const feed = parseFeed(xml)
    expect(feed.title).toBe('Bote="x" <y>')
    const [parsed] = feed.items
    expect(parsed!.title).toBe('Titel="A" <B>  & 🚆')
    expect(parsed!.categories[0]!.label).toBe('Re="gion <Ost> & Süd')
    // The HTML as written; `]]>` travels as `]]&gt;`, which HTML reads the same.
    expect(parsed!.content).toBe('<p>a="b</p><p>x]]>y]]>z</p><a href="https://news.example/x">y</a>')
  })
})
