import type { Field } from 'payload'

import { describe, expect, test } from 'vitest'

import { DEFAULT_TEXT_LIMIT, firstOversized, textLimitsOf } from '../../src/guards/textLength.js'

const fields: Field[] = [
  { name: 'title', type: 'text', maxLength: 10 },
  { name: 'note', type: 'textarea' },
  { name: 'source', type: 'group', fields: [{ name: 'name', type: 'text', maxLength: 5 }] },
  { type: 'row', fields: [{ name: 'tags', type: 'text', hasMany: true, maxLength: 3 }] },
  { name: 'count', type: 'number' },
]

describe('text limits', () => {
  test('are found through groups and rows, with the default where a field sets none', () => {
    expect(textLimitsOf(fields)).toEqual([
      { max: 10, path: ['title'] },
      { max: DEFAULT_TEXT_LIMIT, path: ['note'] },
      { max: 5, path: ['source', 'name'] },
      { max: 3, path: ['tags'] },
    ])
  })

  test.each([
    [{ title: 'x'.repeat(11) }, 'title'],
    [{ note: 'x'.repeat(DEFAULT_TEXT_LIMIT + 1) }, 'note'],
    [{ source: { name: 'sechs!' } }, 'source.name'],
    [{ tags: ['ok', 'vier'] }, 'tags'],
  ])('%j exceeds %s', (data, path) => {
    expect(firstOversized(data, textLimitsOf(fields))?.path.join('.')).toBe(path)
  })

  test('text at its limit, missing values and other types pass', () => {
    expect(
      firstOversized(
        { count: 10 ** 9, source: null, tags: ['abc'], title: 'x'.repeat(10) },
        textLimitsOf(fields),
      ),
    ).toBeNull()
  })
})
