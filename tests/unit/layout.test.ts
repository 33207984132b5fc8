import { describe, expect, test } from 'vitest'

import { formatDateline } from '../../src/reading/dateline.js'
import { type LexicalNode, textOf } from '../../src/reading/lexicalText.js'
import {
  countWords,
  headingsOf,
  readingMetadataFor,
  readingTimeMinutes,
} from '../../src/reading/readingMetadata.js'

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const element = (
  type: string,
  children: LexicalNode[],
  extra: Record<string, unknown> = {},
): LexicalNode => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})
const editorState = (...children: LexicalNode[]) => ({ root: element('root', children) })

describe('word counting over Lexical JSON', () => {
  test('every node kind counts: paragraphs, headings, lists, quotes, links, line breaks, tables', () => {
    const content = editorState(
      element('heading', [text('Zwei Wörter')], { tag: 'h2' }),
      element('paragraph', [
        text('Eins '),
        text('zwei ', 1),
        element('link', [text('drei vier')], { fields: { url: 'https://a.example' } }),
      ]),
      element('list', [element('listitem', [text('fünf')]), element('listitem', [text('sechs sieben')])], {
        listType: 'bullet',
        tag: 'ul',
      }),
      element('quote', [text('acht'), { type: 'linebreak', version: 1 }, text('neun')]),
      element('table', [element('tablerow', [element('tablecell', [element('paragraph', [text('zehn')])])])]),
    )
    expect(countWords(textOf(content.root))).toBe(12)
  })

  test('inline pieces join into one word; blocks do not', () => {
    const content = editorState(
      element('paragraph', [text('Außen'), text('minister', 1)]),
      element('paragraph', [text('Treffen')]),
    )
    expect(textOf(content.root).trim().split(/\s+/)).toEqual(['Außenminister', 'Treffen'])
  })

  test('punctuation and dashes are not words; numbers are', () => {
    expect(countWords('Almaty – 26. April, 43,8 Milliarden !')).toBe(5)
    expect(countWords('   ')).toBe(0)
  })

  test('a word is a whitespace-separated run with a letter or digit, in any script and plane', () => {
    const reference = (text: string) => text.split(/\s+/).filter((run) => /[\p{L}\p{N}]/u.test(run)).length
    for (const text of [
      'über\u00a0Straße\tund\u2003Weg\u3000東京 — 𝐀𝐁 🙂 -- 1,5 x\u200bY',
      '\ufeffStart…Ende «Zitat» ¿Qué? ١٢٣ ',
      '--\n\r\v\f🙂🙂 ,a',
    ]) {
      expect(countWords(text)).toBe(reference(text))
    }
    expect(countWords('über\u00a0Straße 𝐀𝐁 🙂 -- 1,5')).toBe(4)
  })

  test('a long run without a letter is counted in linear time (a save must not stall the server)', () => {
    // A pattern that backtracks took 98 s on 100,000 dashes; this test's time limit is 60 s.
    expect(countWords(`${'—'.repeat(100_000)} Wort ${'-'.repeat(100_000)}`)).toBe(1)
  })

  test('title and subtitle count too; empty or foreign content counts as nothing', () => {
    expect(
      readingMetadataFor({ content: null, subtitle: 'drei Wörter hier', title: 'Titel' }).wordCount,
    ).toBe(4)
    expect(readingMetadataFor({ content: '<p>html</p>', title: 'Titel' }).wordCount).toBe(1)
  })
})

describe('reading time', () => {
  test.each([
    [0, 1],
    [1, 1],
    [200, 1],
    [201, 2],
    [1000, 5],
  ])('%i words -> %i minutes', (words, minutes) => expect(readingTimeMinutes(words)).toBe(minutes))
})

describe('heading anchors', () => {
  test('h2 and h3 only, with URL-safe transliterated ids, duplicates numbered', () => {
    const content = editorState(
      element('heading', [text('Kasachisch-Chinesische Beziehungen')], { tag: 'h2' }),
      element('heading', [text('Größere Märkte')], { tag: 'h3' }),
      element('heading', [text('Titelzeile')], { tag: 'h1' }),
      element('heading', [text('Größere Märkte')], { tag: 'h2' }),
      element('heading', [text('Top')], { tag: 'h2' }),
      element('heading', [text('北京')], { tag: 'h3' }),
    )
    expect(headingsOf(content)).toEqual([
      { id: 'kasachisch-chinesische-beziehungen', level: 2, text: 'Kasachisch-Chinesische Beziehungen' },
      { id: 'groessere-maerkte', level: 3, text: 'Größere Märkte' },
      { id: 'groessere-maerkte-2', level: 2, text: 'Größere Märkte' },
      { id: 'top-2', level: 2, text: 'Top' },
      { id: 'abschnitt', level: 3, text: '北京' },
    ])
  })

  test('ids are stable: the same content gives the same ids', () => {
    const content = editorState(element('heading', [text('Ausblick')], { tag: 'h2' }))
    expect(headingsOf(content)).toEqual(headingsOf(structuredClone(content)))
  })
})

describe('heading anchors of a tree Payload has not validated yet (a draft save skips validation)', () => {
  test('headings without children, with a text of their own, or below a text node are all found', () => {
    const content = editorState(
      { tag: 'h2', type: 'heading' },
      { tag: 'h3', text: 'Eigener Text', type: 'heading' },
      { children: [element('heading', [text('Darunter')], { tag: 'h2' })], text: 'Text', type: 'text' },
    )
    expect(headingsOf(content)).toEqual([
      { id: 'abschnitt', level: 2, text: '' },
      { id: 'eigener-text', level: 3, text: 'Eigener Text' },
      { id: 'darunter', level: 2, text: 'Darunter' },
    ])
  })
})

describe('dateline', () => {
  test.each([
    ['Almaty', '2026-04-26T08:00:00.000Z', 'de', 'Almaty, 26. April'],
    ['Almaty', '2026-04-26T08:00:00.000Z', 'en', 'Almaty, April 26'],
    ['  Peking ', '2026-12-01T00:00:00.000Z', 'de', 'Peking, 1. Dezember'],
    ['Almaty', null, 'de', 'Almaty'],
    [null, '2026-04-26T23:30:00.000Z', 'de', '26. April'],
    [null, null, 'de', null],
    ['Almaty', 'not a date', 'de', 'Almaty'],
  ])('%s + %s in %s -> %s', (place, date, locale, expected) =>
    expect(formatDateline(place, date, locale)).toBe(expected),
  )
})

describe('dateline formatters', () => {
  test('any locale string is formatted or falls back to German, and the cache stays bounded', async () => {
    const { cachedDatelineFormatters, DATELINE_FORMATTERS_MAX, formatDateline } =
      await import('../../src/reading/dateline.js')
    expect(formatDateline('Almaty', '2026-04-26', 'constructor')).toBe('Almaty, 26. April')
    expect(formatDateline('Almaty', '2026-04-26', '')).toBe('Almaty, 26. April')
    for (let n = 0; n < 500; n++) formatDateline('Almaty', '2026-04-26', `de-x-p${n}`)
    expect(cachedDatelineFormatters()).toBeLessThanOrEqual(DATELINE_FORMATTERS_MAX)
  })
})
