import { describe, expect, test } from 'vitest'

import { attributionCaseOf, attributionFor, IPTC, needsSourceUrl } from '../../src/attribution/notice.js'
import { hasSourcePlaceholder, parseTemplate, renderTemplate } from '../../src/attribution/template.js'
import { readerTexts } from '../../src/i18n/readerTexts.js'

const de = readerTexts.de.templates
const en = readerTexts.en.templates
const url = 'https://quelle.example/bericht'

describe('templates', () => {
  test('parse text and both placeholder forms', () => {
    expect(parseTemplate('Aus {source:dieser Quelle}. Quelle: {source}')).toEqual([
      { type: 'text', text: 'Aus ' },
      { type: 'source', linkText: 'dieser Quelle' },
      { type: 'text', text: '. Quelle: ' },
      { type: 'source', linkText: undefined },
    ])
    expect(hasSourcePlaceholder('ohne Platzhalter')).toBe(false)
    expect(hasSourcePlaceholder('{source}')).toBe(true)
    expect(hasSourcePlaceholder('{sourcex}')).toBe(false)
  })

  test('render the link text linked to the URL, and {source} as the source name', () => {
    expect(renderTemplate('Aus {source:dieser Quelle} entnommen.', { name: 'Agentur', url })).toEqual([
      { text: 'Aus ' },
      { href: url, text: 'dieser Quelle' },
      { text: ' entnommen.' },
    ])
    expect(renderTemplate('Quelle: {source}', { name: 'Agentur', url })).toEqual([
      { text: 'Quelle: ' },
      { href: url, text: 'Agentur' },
    ])
  })

  test('{source} without a name shows the host; without a URL nothing is linked', () => {
    expect(renderTemplate('Quelle: {source}', { url: 'https://www.zeitung.example/a' })).toEqual([
      { text: 'Quelle: ' },
      { href: 'https://www.zeitung.example/a', text: 'zeitung.example' },
    ])
    expect(renderTemplate('Aus {source:dieser Quelle}.', { url: null })).toEqual([
      { text: 'Aus dieser Quelle.' },
    ])
  })

  test('segments never carry HTML: markup in a template stays text', () => {
    const segments = renderTemplate('<b>{source:x}</b>', { url })
    expect(segments).toEqual([{ text: '<b>' }, { href: url, text: 'x' }, { text: '</b>' }])
  })
})

describe('which notice an article needs', () => {
  test.each([
    [{ ai: { usage: 'none' }, source: { kind: 'staff' } }, null, false],
    [{}, null, false],
    [{ ai: { usage: 'rewritten' } }, 'rewritten', true],
    [{ ai: { usage: 'generated' } }, 'generated', false],
    [{ ai: { usage: 'edited' }, source: { kind: 'staff' } }, 'edited', false],
    [{ ai: { usage: 'none' }, source: { kind: 'wire' } }, 'sourced', true],
    [{ ai: { usage: 'none' }, source: { kind: 'external' } }, 'sourced', true],
    [{ ai: { usage: 'generated' }, source: { kind: 'wire' } }, 'generated', true],
  ] as const)('%j -> case %s, source link required to publish: %s', (facts, expectedCase, sourceRequired) => {
    expect(attributionCaseOf(facts)).toBe(expectedCase)
    expect(needsSourceUrl(facts)).toBe(sourceRequired)
  })
})

describe('attributionFor', () => {
  test('rewritten, German: exactly the contract text, "dieser Quelle" linked', () => {
    const attribution = attributionFor({ ai: { usage: 'rewritten' }, source: { kind: 'external', url } }, de)
    expect(attribution.notice).toBe(
      'Diese Nachricht wurde dieser Quelle entnommen und von künstlicher Intelligenz umgeschrieben.',
    )
    expect(attribution.segments).toEqual([
      { text: 'Diese Nachricht wurde ' },
      { href: url, text: 'dieser Quelle' },
      { text: ' entnommen und von künstlicher Intelligenz umgeschrieben.' },
    ])
    expect(attribution).toMatchObject({
      digitalSourceType: IPTC.trained,
      placement: 'top',
      required: true,
      sourceUrl: url,
    })
  })

  test('rewritten, English says the same', () => {
    const attribution = attributionFor({ ai: { usage: 'rewritten' }, source: { url } }, en)
    expect(attribution.notice).toBe(
      'This report was taken from this source and rewritten by artificial intelligence.',
    )
    expect(attribution.segments?.[1]).toEqual({ href: url, text: 'this source' })
  })

  test.each([
    ['generated', IPTC.trained, 'Dieser Text wurde mit künstlicher Intelligenz erstellt.'],
    ['edited', IPTC.composite, 'Dieser Text wurde mit Unterstützung künstlicher Intelligenz bearbeitet.'],
  ] as const)('%s maps to its IPTC URI; a source URL adds the linked suffix', (usage, iptc, text) => {
    const without = attributionFor({ ai: { usage } }, de)
    expect(without).toMatchObject({
      digitalSourceType: iptc,
      notice: text,
      placement: 'top',
      sourceUrl: null,
    })
    expect(without.segments).toEqual([{ text }])
    const withSource = attributionFor(
      { ai: { usage }, source: { kind: 'wire', name: 'Agentur Nord', url } },
      de,
    )
    expect(withSource.notice).toBe(`${text} Quelle: Agentur Nord`)
    expect(withSource.segments).toEqual([{ text: `${text} Quelle: ` }, { href: url, text: 'Agentur Nord' }])
  })

  test('sourced copy without AI: no IPTC type, notice at the bottom', () => {
    const attribution = attributionFor({ ai: { usage: 'none' }, source: { kind: 'wire', url } }, de)
    expect(attribution).toMatchObject({
      digitalSourceType: null,
      notice: 'Diese Nachricht wurde dieser Quelle entnommen.',
      placement: 'bottom',
    })
  })

  test('human review moves an AI notice to the bottom (Art. 50(4), editorial responsibility)', () => {
    expect(attributionFor({ ai: { humanReviewed: true, usage: 'generated' } }, de).placement).toBe('bottom')
    expect(attributionFor({ ai: { humanReviewed: false, usage: 'generated' } }, de).placement).toBe('top')
  })

  test('staff copy without AI needs no notice', () => {
    expect(attributionFor({ ai: { usage: 'none' }, source: { kind: 'staff', url } }, de)).toEqual({
      digitalSourceType: null,
      notice: null,
      placement: null,
      required: false,
      segments: null,
      sourceUrl: null,
    })
  })
})

describe('unvalidated input', () => {
  test('an unknown AI usage computes as AI text, never as no AI (hooks run before validation)', () => {
    // @ts-expect-error -- a value outside AiUsage, as a client can send before validation runs
    expect(attributionCaseOf({ ai: { usage: 'magic' } })).toBe('generated')
    // @ts-expect-error -- an Object.prototype key must not be looked up as a known usage
    expect(attributionCaseOf({ ai: { usage: 'constructor' } })).toBe('generated')
  })
})
