import { describe, expect, test } from 'vitest'

import { attachImages, prepareHtml } from '../../src/importer/htmlToLexical.js'
import {
  commentStatusOf,
  decodedSlug,
  isoDate,
  parentsFirst,
  permalinkPath,
  planItem,
  regionOfTerm,
} from '../../src/importer/mapping.js'
import { uploadsPath } from '../../src/importer/media.js'

describe('what a WordPress record becomes', () => {
  test.each([
    [
      { name: 'Asien', slug: 'asien' },
      { isoCode: null, type: 'continent' },
    ],
    [
      { name: 'South America', slug: 'sa' },
      { isoCode: null, type: 'continent' },
    ],
    [
      { name: 'Kasachstan', slug: 'kasachstan' },
      { isoCode: 'KZ', type: 'country' },
    ],
    [
      { name: 'Germany', slug: 'germany' },
      { isoCode: 'DE', type: 'country' },
    ],
    [
      { name: 'Land', slug: 'kz' },
      { isoCode: 'KZ', type: 'country' },
    ],
    [
      { name: 'CN-BJ', slug: 'peking' },
      { isoCode: 'CN-BJ', type: 'subdivision' },
    ],
    [
      { name: 'Almaty', slug: 'almaty' },
      { isoCode: null, type: 'other' },
    ],
    // Two letters that are no ISO country stay other.
    [
      { name: 'Xx', slug: 'xx' },
      { isoCode: null, type: 'other' },
    ],
  ])('category %o is %o', (term, region) => {
    expect(regionOfTerm(term)).toEqual(region)
  })

  test('published posts publish, unless protected; other states are drafts with a reason; other types are skipped', () => {
    expect(planItem({ password: '', status: 'publish', type: 'post' })).toEqual({
      kind: 'article',
      publish: true,
    })
    expect(planItem({ password: 'x', status: 'publish', type: 'post' })).toMatchObject({ publish: false })
    expect(planItem({ password: '', status: 'future', type: 'post' })).toMatchObject({
      draftReason: 'scheduled in WordPress: schedule it again',
      publish: false,
    })
    expect(planItem({ password: '', status: 'pending', type: 'post' })).toEqual({
      kind: 'article',
      publish: false,
    })
    expect(planItem({ password: '', status: 'auto-draft', type: 'post' })).toEqual({
      kind: 'skip',
      reason: 'status auto-draft',
    })
    expect(planItem({ password: '', status: 'publish', type: 'nav_menu_item' })).toMatchObject({
      kind: 'skip',
    })
  })

  test('dates, statuses, slugs and permalinks', () => {
    expect(isoDate('2026-04-26 04:00:00')).toBe('2026-04-26T04:00:00.000Z')
    expect(isoDate('0000-00-00 00:00:00')).toBeNull()
    expect(isoDate('gestern')).toBeNull()
    expect(
      ['1', '0', 'hold', 'spam', 'trash', 'x'].map((approved) => commentStatusOf({ approved, type: '' })),
    ).toEqual(['approved', 'pending', 'pending', 'spam', 'trash', 'pending'])
    expect(commentStatusOf({ approved: '1', type: 'pingback' })).toBeNull()
    expect(decodedSlug('m%c3%a4rkte')).toBe('märkte')
    expect(decodedSlug('kaputt%')).toBe('kaputt%')
    expect(permalinkPath('https://site.example/2026/04/a/', 'https://site.example/')).toBe('/2026/04/a/')
    expect(permalinkPath('https://site.example/?p=3', 'https://site.example')).toBe('/?p=3')
    expect(permalinkPath('https://other.example/a/', 'https://site.example')).toBeNull()
  })

  test('an attachment is found below the uploads folder by its meta, else by its URL', () => {
    expect(uploadsPath({ alt: '', file: '2026/05/a.png', url: '' })).toBe('2026/05/a.png')
    expect(
      uploadsPath({ alt: '', file: '', url: 'https://s.example/wp-content/uploads/2026/05/b%20c.png' }),
    ).toBe('2026/05/b c.png')
  })
})

describe('prepareHtml', () => {
  test('classic paragraphs get their tags; embeds become links; captions figures; quotes one text', () => {
    const { html, notes } = prepareHtml(
      'Erster Absatz\nmit Umbruch.\n\nhttps://video.example/v\n\n[embed]https://karte.example/k[/embed]\n\n' +
        '[caption id="1"]<img src="https://s.example/a.png" /> Bildtext[/caption]\n\n' +
        '<blockquote><p>Eins.</p><p>Zwei.</p></blockquote>',
    )
    expect(html).toContain('<p>Erster Absatz<br>mit Umbruch.</p>')
    expect(html).toContain('<p><a href="https://video.example/v">https://video.example/v</a></p>')
    expect(html).toContain('<p><a href="https://karte.example/k">https://karte.example/k</a></p>')
    expect(html).toContain(
      '<figure><img src="https://s.example/a.png" /><figcaption>Bildtext</figcaption></figure>',
    )
    expect(html).toContain('<blockquote>Eins.<br><br>Zwei.</blockquote>')
    expect(notes).toEqual([])
  })

  test('Gutenberg comments go; embed blocks become links; unknown blocks and shortcodes are reported, their text kept', () => {
    const { html, notes } = prepareHtml(
      '<!-- wp:paragraph --><p>Text</p><!-- /wp:paragraph -->' +
        '<!-- wp:core-embed/youtube {"url":"https://youtu.example/x"} --><figure>https://youtu.example/x</figure><!-- /wp:core-embed/youtube -->' +
        '<!-- wp:acme/poll --><div>Umfrage</div><!-- /wp:acme/poll -->' +
        '<p>[contact-form id="3"]</p>',
    )
    expect(html).not.toContain('<!--')
    expect(html).toContain('<a href="https://youtu.example/x">')
    expect(html).toContain('<div>Umfrage</div>')
    expect(html).toContain('[contact-form id="3"]')
    expect(notes).toEqual([
      'block acme/poll: its content was kept as text',
      'shortcode [contact-form]: kept as text',
    ])
  })

  test('an iframe is a link only when it points to http(s)', () => {
    expect(prepareHtml('<iframe src="javascript:alert(1)"></iframe>').html).toBe('')
    expect(prepareHtml('<iframe src="https://m.example/e"></iframe>').html).toContain(
      'href="https://m.example/e"',
    )
  })
})

describe('attachImages', () => {
  const pending = (src: string) => ({ pending: { formID: 'f', src }, type: 'upload', version: 3 })
  const block = (type: string, children: Record<string, unknown>[]) => ({ children, type })
  const text = (value: string) => ({ text: value, type: 'text' })
  const resolved = new Map([
    ['https://s.example/a.png', { id: 7 }],
    ['https://s.example/b.png', null],
  ])

  test('an imported image is an upload block of its own, after the block it stood in; an empty paragraph goes', () => {
    const state = {
      root: {
        children: [
          block('paragraph', [pending('https://s.example/a.png')]),
          block('heading', [text('Titel '), pending('https://s.example/a.png')]),
          block('list', [block('listitem', [block('link', [pending('https://s.example/a.png')])])]),
        ],
        type: 'root',
      },
    }
    const upload = expect.objectContaining({ relationTo: 'media', type: 'upload', value: 7 })
    const { children } = attachImages(state, 'media', resolved).root
    expect(children).toEqual([
      upload,
      block('heading', [text('Titel ')]),
      upload,
      block('list', [block('listitem', [block('link', [])])]),
      upload,
    ])
  })

  test('an image that could not be imported becomes a link where it stood: inline inside a block, a paragraph alone', () => {
    const state = {
      root: {
        children: [
          block('paragraph', [text('Vor '), pending('https://s.example/b.png')]),
          pending('https://s.example/b.png'),
        ],
        type: 'root',
      },
    }
    const link = expect.objectContaining({
      fields: expect.objectContaining({ url: 'https://s.example/b.png' }),
      type: 'link',
    })
    const { children } = attachImages(state, 'media', resolved).root
    expect(children).toEqual([
      block('paragraph', [text('Vor '), link]),
      expect.objectContaining({ children: [link], type: 'paragraph' }),
    ])
    expect(JSON.stringify(children)).not.toContain('pending')
  })
})

describe('parentsFirst', () => {
  const term = (slug: string, parent = '') => ({ name: slug, parent, slug })

  test('parents come first; a missing parent or a cycle puts a category at the top; a repeated slug is left out', () => {
    const { notes, ordered, repeated } = parentsFirst([
      term('stadt', 'land'),
      term('land', 'kontinent'),
      term('kontinent'),
      term('waise', 'fehlt'),
      term('a', 'b'),
      term('b', 'a'),
      term('land'),
    ])
    expect(ordered.map((category) => category.slug)).toEqual([
      'kontinent',
      'land',
      'stadt',
      'waise',
      'b',
      'a',
    ])
    expect(notes.get('waise')).toBe('its parent fehlt is not in the export: placed at the top')
    expect(notes.get('b')).toBe('its parents form a cycle: placed at the top')
    expect(repeated).toEqual([term('land')])
  })
})
