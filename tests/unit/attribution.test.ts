import { describe, expect, test } from 'vitest'

import { attributionCaseOf, attributionFor, IPTC, needsSourceUrl } from '../../src/attribution/notice.js'
import { hasPlaceholder, parseTemplate, renderTemplate } from '../../src/attribution/template.js'
import { reviewHashOf, reviewStep } from '../../src/attribution/review.js'
import { readerTexts } from '../../src/i18n/readerTexts.js'

/** A Lexical editor state of one paragraph. */
const lexical = (text: string) => ({
  root: { children: [{ children: [{ text, type: 'text' }], type: 'paragraph' }], type: 'root' },
})

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
    expect(hasPlaceholder('ohne Platzhalter', 'source')).toBe(false)
    expect(hasPlaceholder('{source}', 'source')).toBe(true)
    expect(hasPlaceholder('{contact}', 'source')).toBe(false)
    expect(hasPlaceholder('{contact}', 'contact')).toBe(true)
    expect(hasPlaceholder('{sourcex}', 'source')).toBe(false)
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

  test('a standing review exempts AI text: bottom, reviewed wording, aiAct exempt (Art. 50(4))', () => {
    const reviewedAt = '2026-05-03T12:10:00.000Z'
    const reviewHash = 'a'.repeat(64)
    const reviewed = attributionFor(
      { ai: { humanReviewed: true, reviewedAt, reviewHash, usage: 'generated' } },
      de,
    )
    expect(reviewed).toMatchObject({
      aiAct: 'exempt',
      notice: 'Dieser Text wurde mit künstlicher Intelligenz erstellt. Von der Redaktion geprüft.',
      placement: 'bottom',
      required: true,
    })
    // A ticked box without a recorded review is no review: the mandatory notice stays on top. So
    // is a time without the hash of a reviewed text, as 0.1 stored it.
    expect(attributionFor({ ai: { humanReviewed: true, reviewedAt, usage: 'generated' } }, de).aiAct).toBe(
      'disclose',
    )
    expect(attributionFor({ ai: { humanReviewed: true, usage: 'generated' } }, de)).toMatchObject({
      aiAct: 'disclose',
      notice: 'Dieser Text wurde mit künstlicher Intelligenz erstellt.',
      placement: 'top',
    })
    expect(
      attributionFor({ ai: { humanReviewed: false, reviewedAt, reviewHash, usage: 'generated' } }, de).aiAct,
    ).toBe('disclose')
    expect(attributionFor({ ai: { usage: 'none' }, source: { kind: 'wire', url } }, de).aiAct).toBeNull()
  })

  test('the reviewed notice names the editorial contact, linked to its page or address', () => {
    const ai = {
      humanReviewed: true,
      reviewedAt: '2026-05-03T12:10:00.000Z',
      reviewHash: 'a'.repeat(64),
      usage: 'edited',
    } as const
    const withPage = attributionFor({ ai }, en, { name: 'Anna Weber', url: 'https://news.example/team' })
    expect(withPage.notice).toBe(
      'This text was edited with the help of artificial intelligence. Reviewed by the editors. Editorial responsibility: Anna Weber.',
    )
    expect(withPage.segments).toContainEqual({ href: 'https://news.example/team', text: 'Anna Weber' })
    const withEmail = attributionFor({ ai }, de, { email: 'redaktion@news.example', name: 'Die Redaktion' })
    expect(withEmail.segments).toContainEqual({
      href: 'mailto:redaktion@news.example',
      text: 'Die Redaktion',
    })
    // An unreviewed notice names nobody: responsibility is claimed only with a review.
    expect(attributionFor({ ai: { usage: 'edited' } }, de, { name: 'Anna Weber' }).notice).not.toContain(
      'Anna',
    )
  })

  test('staff copy without AI needs no notice', () => {
    expect(attributionFor({ ai: { usage: 'none' }, source: { kind: 'staff', url } }, de)).toEqual({
      aiAct: null,
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

describe('the review record', () => {
  const text = { content: lexical('Erster Absatz.'), subtitle: 'Unterzeile', title: 'Titel' }
  const hash = reviewHashOf('generated', { de: text })
  const stored = {
    humanReviewed: true,
    reviewedAt: '2026-05-03T12:10:00.000Z',
    reviewedBy: 1,
    reviewerName: 'Anna',
    reviewHash: hash,
  }

  test('the hash follows the words readers read, not their formatting', () => {
    expect(reviewHashOf('generated', { de: { ...text, title: ' Titel ' } })).toBe(hash)
    expect(reviewHashOf('generated', { de: { ...text, title: 'Titel!' } })).not.toBe(hash)
    expect(reviewHashOf('generated', { de: { ...text, content: lexical('Erster Absatz, neu.') } })).not.toBe(
      hash,
    )
    expect(reviewHashOf('edited', { de: text })).not.toBe(hash)
    expect(reviewHashOf('generated', { de: text, en: { title: 'Title' } })).not.toBe(hash)
  })

  test.each([
    ['standing, text unchanged, box still ticked', stored, hash, true, true, 'keep'],
    ['standing, text unchanged, box unticked', stored, hash, false, true, 'clear'],
    ['standing, text changed, the form still sends the ticked box', stored, 'other', true, true, 'clear'],
    ['none, the editor ticks the box', undefined, hash, true, true, 'record'],
    ['none, ticked by someone who cannot be recorded', undefined, hash, true, false, 'refuse'],
    ['none, not ticked', undefined, hash, false, true, 'clear'],
    [
      'ticked before 0.2 without a hash: a new sign-off',
      { ...stored, reviewHash: null },
      hash,
      true,
      true,
      'record',
    ],
  ] as const)('%s: %s', (_, storedReview, currentHash, sentReviewed, userCanReview, kind) => {
    expect(reviewStep({ currentHash, sentReviewed, stored: storedReview, userCanReview }).kind).toBe(kind)
  })

  test('a text change voids a standing review; withdrawing it does not count as voided', () => {
    expect(reviewStep({ currentHash: 'other', sentReviewed: true, stored, userCanReview: true })).toEqual({
      kind: 'clear',
      voided: true,
    })
    expect(reviewStep({ currentHash: hash, sentReviewed: false, stored, userCanReview: true })).toEqual({
      kind: 'clear',
      voided: false,
    })
  })
})
