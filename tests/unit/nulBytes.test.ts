import { expect, test } from 'vitest'

import { findNulByte } from '../../src/guards/nulBytes.js'

test('findNulByte names the path of the first string holding NUL, in nested data and arrays', () => {
  expect(findNulByte({ title: 'clean', source: { name: 'ok' } })).toBeNull()
  expect(findNulByte({ title: 'bad\u0000' })).toBe('title')
  expect(findNulByte({ source: { name: 'x\u0000y' } })).toBe('source.name')
  expect(findNulByte({ content: { root: { children: [{ text: 'a' }, { text: '\u0000' }] } } })).toBe(
    'content.root.children.1.text',
  )
  expect(findNulByte({ count: 3, flag: true, nothing: null })).toBeNull()
})
