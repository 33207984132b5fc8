import { describe, expect, test } from 'vitest'

import { breadcrumbsFor, pathOf } from '../../src/regions/breadcrumbs.js'
import { fallbackSlug, MAX_SLUG_LENGTH, slugCandidates, toSlug } from '../../src/slugs/toSlug.js'

describe('toSlug transliterates German and keeps ASCII only', () => {
  test.each([
    ['Außenministertreffen stärkt', 'aussenministertreffen-staerkt'],
    ['Über Öl & Gas', 'ueber-oel-und-gas'],
    ['  Zentralasien–China: Treffen in Almaty!  ', 'zentralasien-china-treffen-in-almaty'],
    ['naïve café', 'naive-cafe'],
    ['Kasachstan 2026', 'kasachstan-2026'],
    ['aussenministertreffen-staerkt-2', 'aussenministertreffen-staerkt-2'],
  ])('%s -> %s', (title, slug) => expect(toSlug(title)).toBe(slug))

  test('titles with nothing to transliterate give an empty slug, so the caller falls back', () => {
    expect(toSlug('北京')).toBe('')
    expect(toSlug('!!!')).toBe('')
    expect(toSlug(undefined)).toBe('')
  })

  test('long titles are cut at a word boundary', () => {
    const slug = toSlug('Ministertreffen '.repeat(20))
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(slug.endsWith('-')).toBe(false)
    expect(slug.endsWith('ministertreffen')).toBe(true)
  })

  test('is idempotent, so Payload re-slugifying a chosen slug keeps it', () => {
    for (const title of ['Außenministertreffen stärkt', 'artikel-2026-11-28-3']) {
      expect(toSlug(toSlug(title))).toBe(toSlug(title))
    }
  })
})

describe('fallback and candidates', () => {
  test('fallback is readable: kind and day', () => {
    expect(fallbackSlug('artikel', new Date('2026-11-28T10:00:00Z'))).toBe('artikel-2026-11-28')
  })
  test('candidates count on from the base', () => {
    expect(slugCandidates('a', 1, 3)).toEqual(['a', 'a-2', 'a-3'])
    expect(slugCandidates('a', 21, 2)).toEqual(['a-21', 'a-22'])
  })
  test('a candidate stays within the longest slug, and the slug field keeps it as it is', () => {
    const base = toSlug(`${'A'.repeat(31)} ${'B'.repeat(31)} ${'C'.repeat(31)} ${'D'.repeat(31)}`)
    expect(base).toHaveLength(95)
    const [second, tenth] = [slugCandidates(base, 2, 1)[0]!, slugCandidates(base, 10, 1)[0]!]
    expect([second.length, tenth.length]).toEqual([MAX_SLUG_LENGTH, MAX_SLUG_LENGTH])
    expect(second.endsWith('c-2')).toBe(true)
    expect([toSlug(second), toSlug(tenth)]).toEqual([second, tenth])
  })
})

describe('breadcrumbs', () => {
  test('root first, the region itself last, path from slugs', () => {
    const crumbs = breadcrumbsFor([{ id: 1, name: 'Asien', slug: 'asien' }], {
      id: 2,
      name: 'China',
      slug: 'china',
    })
    expect(crumbs.map((crumb) => crumb.name)).toEqual(['Asien', 'China'])
    expect(pathOf(crumbs)).toBe('asien/china')
  })
})
