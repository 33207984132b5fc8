import type { Config, Field } from 'payload'

import { describe, expect, test } from 'vitest'

import { de } from '../../src/i18n/de.js'
import { en } from '../../src/i18n/en.js'
import { newsroomPlugin } from '../../src/index.js'

const languages = { de, en } as const

const translator = (language: keyof typeof languages) => (key: string) => {
  const [namespace, name] = key.split(':')
  if (namespace !== 'newsroom') return key
  return (languages[language] as Record<string, string>)[name!] ?? key
}

const resolve = (text: unknown, language: keyof typeof languages): unknown =>
  typeof text === 'function' ? text({ t: translator(language) }) : text

/** Named fields a person edits or reads, with their dotted path. Payload's own hidden checkbox is skipped. */
const namedFields = (
  fields: Field[],
  parent = '',
): Array<{ field: Field & { name: string }; path: string }> =>
  fields.flatMap((field) => {
    if ('name' in field && field.name) {
      if (field.admin && 'hidden' in field.admin && field.admin.hidden) return []
      const path = parent + field.name
      const nested = 'fields' in field && field.type === 'group' ? namedFields(field.fields, `${path}.`) : []
      return [{ field: field as Field & { name: string }, path }, ...nested]
    }
    return 'fields' in field ? namedFields(field.fields, parent) : []
  })

const config = newsroomPlugin({ media: 'media' })({
  collections: [{ slug: 'users', auth: true, fields: [] }],
  db: {} as Config['db'],
  secret: 'x',
})

describe('every plugin field has a label and a description in German and English', () => {
  for (const collection of config.collections!.filter((c) => c.slug !== 'users')) {
    for (const { field, path } of namedFields(collection.fields)) {
      test(`${collection.slug}.${path}`, () => {
        for (const language of ['de', 'en'] as const) {
          const label = resolve('label' in field ? field.label : undefined, language)
          const description = resolve(
            field.admin && 'description' in field.admin ? field.admin.description : undefined,
            language,
          )
          expect(typeof label, `${language} label`).toBe('string')
          expect(label).not.toMatch(/^newsroom:/)
          expect(typeof description, `${language} description`).toBe('string')
          expect(description).not.toMatch(/^newsroom:/)
        }
      })
    }
  }
})

test('German and English have the same keys, none empty', () => {
  expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort())
  for (const text of [...Object.values(de), ...Object.values(en)]) expect(text.trim()).not.toBe('')
})

test('collection labels and the admin group exist in both languages', () => {
  for (const collection of config.collections!.filter((c) => c.slug !== 'users')) {
    expect(collection.labels?.plural).toEqual({ de: expect.any(String), en: expect.any(String) })
    expect(collection.admin?.group).toEqual({ de: 'Redaktion', en: 'Newsroom' })
  }
})
