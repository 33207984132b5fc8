import { describe, expect, test } from 'vitest'

import { countryCodes, countryName, isCountryCode, isSubdivisionCode } from '../../src/regions/isoCodes.js'

describe('ISO 3166-1 alpha-2', () => {
  test('the list holds exactly the 249 official codes', () => {
    expect(countryCodes.size).toBe(249)
    expect(countryCodes.has('XK')).toBe(false) // user-assigned, not ISO
  })

  test.each(['DE', 'de', 'CN', 'KZ', 'KG', 'AQ', 'SS'])('%s is a country', (code) =>
    expect(isCountryCode(code)).toBe(true),
  )
  test.each(['XX', 'UK', 'XK', 'EU', 'D', 'DEU', '', '12'])('%s is not', (code) =>
    expect(isCountryCode(code)).toBe(false),
  )

  test('names come in German and English', () => {
    expect(countryName('KZ', 'de')).toBe('Kasachstan')
    expect(countryName('CN', 'de')).toBe('China')
    expect(countryName('CN', 'en')).toBe('China')
    expect(countryName('kg', 'en')).toBe('Kyrgyzstan')
  })
})

describe('ISO 3166-2 subdivisions', () => {
  test.each(['CN-BJ', 'DE-BY', 'US-CA', 'FR-75C', 'kz-ala'])('%s has the shape', (code) =>
    expect(isSubdivisionCode(code)).toBe(true),
  )
  test.each(['CN', 'XX-BJ', 'CN-', 'CN-ABCD', 'CN_BJ', 'CN-B J'])('%s does not', (code) =>
    expect(isSubdivisionCode(code)).toBe(false),
  )
})
